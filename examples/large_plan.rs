//! Writes the benchmarks' large plan (10 000 indicators, 5 000 actions) as a plan file:
//! `cargo run --release --example large_plan -- FILE`. The page benchmark opens it.

use jalon::format::save;
use jalon::start::generate::{large_plan, Spec};

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage : large_plan FICHIER");
        return std::process::ExitCode::FAILURE;
    };
    match std::fs::write(&path, save(&large_plan(&Spec::benchmark()))) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{path} : {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
