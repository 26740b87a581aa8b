//! The native command over the core: `jalon check FILE [--lang en] [--date AAAA-MM-JJ]`.
//!
//! Reads a plan file and prints either its problem (exit code 1) or its summary, its
//! status as of a date and its checks (exit code 0). A report is always as of a date:
//! by default the plan's latest checkpoint, since the core reads no clock.

use chrono::NaiveDate;
use jalon::text::{self, Lang};
use std::process::ExitCode;

const USAGE: &str = "usage : jalon check FICHIER [--lang fr|en] [--date AAAA-MM-JJ]";

struct Args {
    file: String,
    lang: Lang,
    date: Option<NaiveDate>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut rest = args.iter();
    match rest.next().map(String::as_str) {
        Some("check") => {}
        _ => return Err(USAGE.into()),
    }
    let (mut file, mut lang, mut date) = (None, Lang::Fr, None);
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--lang" => {
                let code = rest.next().ok_or(USAGE)?;
                lang = Lang::from_code(code).ok_or_else(|| format!("langue inconnue « {code} » : fr ou en"))?;
            }
            "--date" => {
                let text = rest.next().ok_or(USAGE)?;
                date = Some(
                    NaiveDate::parse_from_str(text, "%Y-%m-%d")
                        .map_err(|_| format!("date invalide « {text} » : attendu AAAA-MM-JJ"))?,
                );
            }
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg.clone()),
            _ => return Err(USAGE.into()),
        }
    }
    Ok(Args { file: file.ok_or(USAGE)?, lang, date })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let lang = args.lang;
    let text = match std::fs::read(&args.file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => {
            eprintln!("{} : {error}", args.file);
            return ExitCode::from(1);
        }
    };
    let (plan, version) = match jalon::format::load_file(&text) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{} : {}", args.file, text::load_error(&error, lang));
            return ExitCode::from(1);
        }
    };
    let summary = jalon::summary::summarize(&plan);
    for line in text::summary_lines(&plan, &summary, version, lang) {
        println!("{line}");
    }

    let checkpoint = match args.date {
        Some(date) => plan.checkpoint_at(date),
        None => plan.checkpoints.iter().max_by_key(|c| c.date),
    };
    if let Some(as_of) = args.date.or(checkpoint.map(|c| c.date)) {
        let report = jalon::rollup::report(&plan, as_of);
        let status = report.plan.status(&plan.settings);
        let heading = match lang {
            Lang::Fr => format!("Indicateurs au {}", text::day(as_of, lang)),
            Lang::En => format!("Indicators as of {}", text::day(as_of, lang)),
        };
        println!("{heading} : {} — {}", text::status_counts(&report.plan, lang), text::status(status, lang));
        if let Some(checkpoint) = checkpoint {
            let stats = jalon::rollup::action_stats(&plan, &checkpoint.id);
            println!(
                "{} ({}) : {}",
                plan.action_name.plural,
                checkpoint.label,
                text::action_counts(&stats.overall, lang)
            );
        }
    }

    let findings = jalon::check::check(&plan);
    match (findings.len(), lang) {
        (0, Lang::Fr) => println!("Vérifications : aucun avertissement."),
        (0, Lang::En) => println!("Checks: no warning."),
        (n, Lang::Fr) => println!("Vérifications : {n} avertissement{}", if n > 1 { "s" } else { "" }),
        (n, Lang::En) => println!("Checks: {n} warning{}", if n > 1 { "s" } else { "" }),
    }
    for finding in &findings {
        println!("  - {} : {}", text::subject(&plan, &finding.subject(), lang), text::finding(finding, lang));
    }
    ExitCode::SUCCESS
}
