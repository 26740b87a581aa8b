//! Writes the partners benchmark's two files: the large plan (5 000 actions) with one
//! sending of all its actions recorded, 50 of them changed since by the coordinator,
//! and the return of that part, 500 actions changed by the partner (the coordinator's
//! 50 among them: 50 conflicts).
//! `cargo run --release --example partner_return -- PLAN RETURN`.

use chrono::TimeZone;
use jalon::format::save;
use jalon::share::part::{part, sending, Choice};
use jalon::start::generate::{large_plan, Spec};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [plan_path, return_path] = args.as_slice() else {
        eprintln!("usage : partner_return PLAN RETOUR");
        return std::process::ExitCode::FAILURE;
    };
    let mut plan = large_plan(&Spec::benchmark());
    let choice = Choice {
        to: "Coordination régionale".into(),
        checkpoint: plan.checkpoints[0].id.clone(),
        actions: plan.actions.iter().map(|a| a.id.clone()).collect(),
        indicators: false,
    };
    let at = chrono::Utc.with_ymd_and_hms(2026, 11, 2, 14, 0, 0).unwrap();
    let record = sending(&plan, &choice, jalon::model::id::Id::new("envoi-banc"), at);
    let mut returned = part(&plan, &record);
    plan.sendings.push(record);
    for (i, action) in returned.actions.iter_mut().step_by(10).enumerate() {
        action.implementation = format!("Revu par le partenaire : rencontre n° {i} par étape, en ligne");
    }
    for action in plan.actions.iter_mut().step_by(100) {
        action.implementation = "Revu par le coordonnateur : deux rencontres par année".into();
    }
    for (path, text) in [(plan_path, save(&plan)), (return_path, save(&returned))] {
        if let Err(error) = std::fs::write(path, text) {
            eprintln!("{path} : {error}");
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
}
