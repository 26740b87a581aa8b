//! The native command over the core: `jalon check FILE [--lang en] [--date AAAA-MM-JJ]`.
//!
//! Reads a plan file and prints either its problem or its summary, its status as of a
//! date and its checks. A report is always as of a date: by default the plan's current
//! checkpoint (`Plan::current_checkpoint`), since the core reads no clock.
//!
//! Exit codes: 0, a readable plan; 1, a file refused or unreadable; 2, a bad command
//! line; 3, the result could not be written. The command never panics: a reader that
//! stops reading (`jalon check plan.json | head -1`) ends it quietly with the code it
//! would have had, and a closed standard error is not written to.

use chrono::NaiveDate;
use jalon::format::{self, LoadError, MAX_FILE_BYTES};
use jalon::words::command as says;
use jalon::words::text::{self, Lang};
use std::ffi::OsString;
use std::fs::{File, Metadata};
use std::io::{self, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct Args {
    /// A path, not a string: a file name need not be UTF-8.
    file: PathBuf,
    lang: Lang,
    date: Option<NaiveDate>,
}

/// The language a command line asks for, looked for before the rest is read so that
/// even its mistakes are told in that language.
fn asked_lang(args: &[OsString]) -> Lang {
    args.windows(2)
        .rev()
        .filter(|pair| pair[0] == "--lang")
        .find_map(|pair| pair[1].to_str().and_then(Lang::from_code))
        .unwrap_or(Lang::Fr)
}

fn parse_args(args: Vec<OsString>) -> Result<Args, String> {
    let lang = asked_lang(&args);
    let usage = || says::usage(lang);
    // Every word but the file must be text: say which one is not, then how to call.
    let text = |arg: &OsString| -> Result<String, String> {
        arg.to_str().map(str::to_owned).ok_or_else(|| says::argument_not_text(&arg.to_string_lossy(), lang))
    };
    let mut rest = args.iter();
    match rest.next() {
        Some(command) if text(command)? == "check" => {}
        _ => return Err(usage()),
    }
    let (mut file, mut date) = (None, None);
    while let Some(arg) = rest.next() {
        let flag = arg.to_str();
        match flag {
            Some("--lang") => {
                let code = text(rest.next().ok_or_else(usage)?)?;
                Lang::from_code(&code).ok_or_else(|| says::unknown_language(&code, lang))?;
            }
            Some("--date") => {
                let day = text(rest.next().ok_or_else(usage)?)?;
                date = Some(NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| says::invalid_date(&day, lang))?);
            }
            _ if file.is_none() && !arg.as_encoded_bytes().starts_with(b"--") => file = Some(PathBuf::from(arg)),
            Some(_) => return Err(usage()),
            None => {
                text(arg)?;
                return Err(usage());
            }
        }
    }
    Ok(Args { file: file.ok_or_else(usage)?, lang, date })
}

/// Why the file's bytes could not be had.
enum Refusal {
    Directory,
    /// A FIFO, a device, a socket: reading one may block or never end.
    NotRegular,
    Io(io::Error),
    /// What the core says of the file, the same words as the page.
    Load(LoadError),
}

fn regular(metadata: &Metadata) -> Result<(), Refusal> {
    if metadata.is_dir() {
        Err(Refusal::Directory)
    } else if !metadata.is_file() {
        Err(Refusal::NotRegular)
    } else {
        Ok(())
    }
}

/// The bytes of a regular file no larger than a plan can be, never more in memory.
fn read_file(path: &Path) -> Result<Vec<u8>, Refusal> {
    // Looked at before it is opened: opening a FIFO with no writer would block.
    let metadata = std::fs::metadata(path).map_err(Refusal::Io)?;
    regular(&metadata)?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(Refusal::Load(LoadError::TooLarge { bytes: metadata.len() }));
    }
    let file = File::open(path).map_err(Refusal::Io)?;
    // The path may name something else by now: look again at what was opened.
    let opened = file.metadata().map_err(Refusal::Io)?;
    regular(&opened)?;
    // A file that grew since is still read no further than one byte past the limit,
    // which `load_bytes` then refuses for its size.
    let mut bytes = Vec::with_capacity(opened.len().min(MAX_FILE_BYTES) as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(Refusal::Io)?;
    Ok(bytes)
}

fn refusal(refusal: &Refusal, lang: Lang) -> String {
    match refusal {
        Refusal::Directory => says::a_folder(lang),
        Refusal::NotRegular => says::not_a_regular_file(lang),
        Refusal::Io(error) => says::cannot_read(error, lang),
        Refusal::Load(error) => text::load_error(error, lang),
    }
}

/// Writes to standard error, or nowhere if it is closed: there is no one left to tell.
fn complain(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1).collect()) {
        Ok(args) => args,
        Err(message) => {
            complain(&message);
            return ExitCode::from(2);
        }
    };
    let lang = args.lang;
    let colon = says::colon(lang);
    let name = args.file.display();
    let loaded = read_file(&args.file).and_then(|bytes| format::load_bytes(&bytes).map_err(Refusal::Load));
    let (plan, version) = match loaded {
        Ok(loaded) => loaded,
        Err(problem) => {
            complain(&format!("{name}{colon} {}", refusal(&problem, lang)));
            return ExitCode::from(1);
        }
    };
    let report = report(&plan, version, args.date, lang, colon);
    let mut out = io::stdout().lock();
    match out.write_all(report.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader stopped reading (`| head -1`): it has what it wanted.
        Err(error) if error.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            complain(&says::cannot_write(&error, lang));
            ExitCode::from(3)
        }
    }
}

/// The summary, the status as of the date and the checks, one line each.
fn report(plan: &jalon::model::plan::Plan, version: u64, date: Option<NaiveDate>, lang: Lang, colon: &str) -> String {
    let mut lines = text::summary_lines(plan, &jalon::calc::summary::summarize(plan), version, lang);
    let checkpoint = match date {
        Some(date) => plan.checkpoint_at(date),
        None => plan.current_checkpoint(),
    };
    if let Some(as_of) = date.or(checkpoint.map(|c| c.date)) {
        let report = jalon::calc::rollup::report(plan, as_of);
        let status = report.plan.status(&plan.settings);
        let heading = says::indicators_as_of(as_of, lang);
        lines.push(format!(
            "{heading}{colon} {} — {}",
            text::status_counts(&report.plan, lang),
            text::status(status, lang)
        ));
        if let Some(checkpoint) = checkpoint {
            let stats = jalon::calc::rollup::action_stats(plan, &checkpoint.id);
            lines.push(format!(
                "{} ({}){colon} {}",
                plan.action_name.plural,
                checkpoint.label,
                text::action_counts(&stats.overall, lang)
            ));
        }
    }
    let findings = jalon::calc::check::check(plan);
    lines.push(says::checks(findings.len(), lang));
    // Grouped by kind, each group under its count, each finding named by its path;
    // the counts per kind again at the end, where a reader of a long report looks.
    let groups = jalon::calc::check::grouped(&findings);
    let names = text::SubjectNames::new(plan);
    for group in &groups {
        lines.push(format!("{}{colon}", text::group_heading(plan, group, lang)));
        for finding in &group.findings {
            lines.push(format!(
                "  - {}{colon} {}",
                names.name(plan, &finding.subject(), lang),
                text::finding(plan, finding, lang)
            ));
        }
    }
    if !groups.is_empty() {
        let counts: Vec<String> = groups.iter().map(|g| text::group_heading(plan, g, lang)).collect();
        lines.push(format!("{}{colon} {}", says::by_kind(lang), counts.join(" · ")));
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
