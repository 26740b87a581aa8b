//! The native command over the core: `jalon check FILE [--lang en]`.

use jalon::text::Lang;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = match args.iter().position(|a| a == "--lang") {
        Some(i) => args.get(i + 1).and_then(|l| Lang::from_code(l)).unwrap_or_default(),
        None => Lang::Fr,
    };
    let file = match args.as_slice() {
        [command, file, ..] if command == "check" => file,
        _ => {
            eprintln!("usage : jalon check FICHIER [--lang en]");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{file} : {error}");
            return ExitCode::from(1);
        }
    };
    match jalon::format::load(&text) {
        Ok(plan) => {
            println!("{}", plan.title);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{file} : {}", jalon::text::load_error(&error, lang));
            ExitCode::from(1)
        }
    }
}
