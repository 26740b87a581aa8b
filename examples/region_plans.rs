//! Writes the region benchmark's plans: 20 organisations' plans of 500 actions and 200
//! indicators each, every one under its own id and organisation, into DIR.
//! `cargo run --release --example region_plans -- DIR`.

use jalon::format::save;
use jalon::model::id::Id;
use jalon::start::generate::{large_plan, Spec};

const PLANS: u64 = 20;

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage : region_plans DOSSIER");
        return std::process::ExitCode::FAILURE;
    };
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("{dir} : {error}");
        return std::process::ExitCode::FAILURE;
    }
    for n in 1..=PLANS {
        let mut plan = large_plan(&Spec { objectives: 100, indicators: 200, actions: 500, seed: n });
        plan.id = Id::new(format!("plan-organisation-{n:02}"));
        plan.title = format!("Plan d'engagement de l'organisation {n}");
        plan.organisations[0].id = Id::new(format!("org-{n:02}"));
        plan.organisations[0].name = format!("Organisation fictive n° {n}");
        plan.organisations[0].code = format!("ORG{n:02}");
        let path = format!("{dir}/plan-{n:02}.json");
        if let Err(error) = std::fs::write(&path, save(&plan)) {
            eprintln!("{path} : {error}");
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
}
