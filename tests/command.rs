//! The native command as a shell sees it: what it prints, its exit code, and that it
//! never panics nor blocks, whatever stands at the other end of its file and its
//! outputs. Unix only: FIFOs, `/dev/full`, closed descriptors and non-UTF-8 names.
#![cfg(unix)]

use jalon::format::MAX_FILE_BYTES;
use std::ffi::OsStr;
use std::fs::File;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const JALON: &str = env!("CARGO_BIN_EXE_jalon");

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan-000-pevr.json")
}

/// A directory of its own for each test, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("jalon-command-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        Scratch(dir)
    }

    fn file(&self, name: impl AsRef<OsStr>, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name.as_ref());
        std::fs::write(&path, bytes).expect("a scratch file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn check(args: &[&OsStr]) -> Command {
    let mut command = Command::new(JALON);
    command.arg("check").args(args).stdin(Stdio::null());
    command
}

/// Waits for the command, failing the test rather than hanging if it blocks. Its
/// outputs are read meanwhile, so that a large report never fills a pipe.
fn finish(mut child: Child) -> Output {
    fn drain(pipe: Option<impl Read + Send + 'static>) -> Option<std::thread::JoinHandle<Vec<u8>>> {
        pipe.map(|mut pipe| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                bytes
            })
        })
    }
    let readers = [drain(child.stdout.take()), drain(child.stderr.take())];
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the command can be waited for") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the command still runs after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let [stdout, stderr] = readers.map(|reader| reader.map_or_else(Vec::new, |r| r.join().expect("the pipe is read")));
    Output { status, stdout, stderr }
}

fn run(mut command: Command) -> (Option<i32>, String, String) {
    let child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the command starts");
    let output = finish(child);
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("the command writes UTF-8");
    (output.status.code(), text(output.stdout), text(output.stderr))
}

#[test]
fn a_readable_plan_is_summarised_with_exit_code_0() {
    let (code, out, err) = run(check(&[fixture().as_os_str()]));
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(out.starts_with("Plan d'engagement vers la réussite 2023-2027\n"), "{out}");
    // Grouped by kind, each finding named by its path, the counts per kind at the end.
    // Its graduation rates of « 2023 » are of the school year that ended in June 2023
    // (issue 27): too old for the bilan of June 2024, which counts what was measured
    // since December 2023.
    assert!(out.contains("Vérifications\u{a0}: 5 avertissements\n"), "{out}");
    assert!(
        out.contains("\n1 moyen sans responsable\u{a0}:\n  - Objectif 1.2.1 › moyen « Rédiger un référentiel"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "\nPar type\u{a0}: 1 cible hors de 0 à 100\u{a0}% · 1 moyen sans responsable · 3 mesures trop anciennes\n"
        ),
        "{out}"
    );
}

/// The two shapes real plans came in: clean as they are; made wrong, each finding
/// under its kind, in either language.
#[test]
fn the_fixtures_of_real_shapes_are_clean_and_their_problems_grouped() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["plan-work-yearly-steps.json", "plan-five-levels-per-enjeu.json"] {
        let (code, out, err) = run(check(&[dir.join(name).as_os_str()]));
        assert_eq!((code, err.as_str()), (Some(0), ""));
        assert!(out.ends_with("Vérifications\u{a0}: aucun avertissement.\n"), "{name}: {out}");
    }
    let text = std::fs::read_to_string(dir.join("plan-five-levels-per-enjeu.json")).unwrap();
    let mut plan = jalon::format::load(&text).unwrap();
    for action in &mut plan.actions {
        action.carrier.clear();
        action.groups.truncate(usize::from(action.id.as_str() != "action-ateliers"));
    }
    plan.actions.retain(|a| a.id.as_str() != "action-accueil");
    plan.actions[3].groups.clear();
    let scratch = Scratch::new("grouped");
    let file = scratch.file("plan.json", jalon::format::save(&plan).as_bytes());
    let (_, out, _) = run(check(&[file.as_os_str()]));
    let checks = &out[out.find("Vérifications").unwrap()..];
    assert_eq!(
        checks,
        "Vérifications\u{a0}: 4 avertissements\n\
         1 objectif sans action ni indicateur\u{a0}:\n\
         \x20 - Objectif 1.1.2\u{a0}: Ni actions ni indicateur n'y sont rattachés.\n\
         1 plan sans aucun responsable\u{a0}:\n\
         \x20 - Plan\u{a0}: Ce plan n'indique aucun responsable pour ses actions.\n\
         2 actions sans groupe cible\u{a0}:\n\
         \x20 - Enjeu 1 › Objectif 1.1.1 › action 1.1.1.1 « Animer des ateliers « Devoirs sans larmes » dans les bibliothèques »\u{a0}: Aucun groupe cible n'est indiqué, alors que la plupart des actions du plan en ont un.\n\
         \x20 - Enjeu 2 › Objectif 1.1.1 › action 1.1.1.1 « Certifier les employeurs qui adaptent les horaires des élèves »\u{a0}: Aucun groupe cible n'est indiqué, alors que la plupart des actions du plan en ont un.\n\
         Par type\u{a0}: 1 objectif sans action ni indicateur · 1 plan sans aucun responsable · 2 actions sans groupe cible\n"
    );
    let (_, out, _) = run(check(&[file.as_os_str(), OsStr::new("--lang"), OsStr::new("en")]));
    assert!(
        out.ends_with(
            "\nBy kind: 1 objectif with no action nor indicator · 1 plan with no one responsible · 2 actions without a target group\n"
        ),
        "{out}"
    );
    assert_eq!(spaced_punctuation(&out), None, "{out}");
}

/// Output that a reader stops reading is not an error: `jalon check plan.json | head -1`.
#[test]
fn a_closed_pipe_ends_the_command_quietly_with_its_usual_code() {
    let scratch = Scratch::new("pipe");
    // Thousands of actions with no one responsible: a report far larger than a pipe's
    // buffer, so the command meets the closed pipe whenever the read end is dropped.
    let mut plan = jalon::start::sample::sample_plan();
    let model = plan.actions[0].clone();
    for i in 0..3000 {
        let mut action = model.clone();
        action.id = jalon::model::id::Id::new(format!("moyen-copie-{i}"));
        action.responsible.clear();
        plan.actions.push(action);
    }
    let large = scratch.file("large.json", jalon::format::save(&plan).as_bytes());
    let (open_code, out, _) = run(check(&[large.as_os_str()]));
    assert!(out.len() > 200_000, "the report is larger than a pipe holds: {} bytes", out.len());

    let mut child = check(&[large.as_os_str()]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let closed = finish(child);
    assert_eq!(closed.status.code(), open_code);
    assert_eq!(String::from_utf8_lossy(&closed.stderr), "");

    // Read one line, then stop.
    let mut child = check(&[large.as_os_str()]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let closed = finish(child);
    assert_eq!((closed.status.code(), String::from_utf8_lossy(&closed.stderr).as_ref()), (Some(0), ""));

    // A refused file writes nothing on the pipe: its code is kept.
    let refused = scratch.file("refused.json", b"{}");
    let mut child = check(&[refused.as_os_str()]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    assert_eq!(finish(child).status.code(), Some(1));
}

/// `2>&-` truly closes standard error, which `Stdio::null()` does not.
#[test]
fn a_closed_standard_error_is_no_panic() {
    let scratch = Scratch::new("stderr");
    let refused = scratch.file("refused.json", b"{}");
    for (file, expected) in [(refused, Some(1)), (fixture(), Some(0))] {
        let mut command = Command::new("sh");
        command.args([OsStr::new("-c"), OsStr::new("\"$0\" check \"$1\" 2>&-"), OsStr::new(JALON), file.as_os_str()]);
        let (code, _, err) = run(command);
        assert_eq!((code, err.as_str()), (expected, ""), "{}", file.display());
    }
}

#[test]
fn a_full_disk_is_said_in_french_with_a_non_zero_code() {
    let full = File::options().write(true).open("/dev/full").expect("/dev/full");
    let child = check(&[fixture().as_os_str()]).stdout(full).stderr(Stdio::piped()).spawn().unwrap();
    let output = finish(child);
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{err}");
    assert_eq!(err, "impossible d'écrire le résultat\u{a0}: le disque est plein.\n");
}

#[test]
fn only_regular_files_are_read() {
    let scratch = Scratch::new("regular");
    let (code, out, err) = run(check(&[OsStr::new("/dev/zero")]));
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert!(err.starts_with("/dev/zero\u{a0}: ce n'est pas un fichier ordinaire"), "{err}");

    let (code, _, err) = run(check(&[scratch.0.as_os_str()]));
    assert_eq!(code, Some(1));
    assert!(err.contains("c'est un dossier, pas un fichier"), "{err}");

    // A FIFO with no writer: opening it would block forever.
    let fifo = scratch.0.join("plan.json");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let (code, _, err) = run(check(&[fifo.as_os_str()]));
    assert_eq!(code, Some(1));
    assert!(err.contains("ce n'est pas un fichier ordinaire (un tube"), "{err}");

    let (code, _, err) = run(check(&[scratch.0.join("absent.json").as_os_str()]));
    assert_eq!(code, Some(1));
    assert!(err.ends_with("absent.json\u{a0}: impossible de lire le fichier\u{a0}: fichier introuvable.\n"), "{err}");
}

/// A sparse file takes no room on disk: the command must refuse it by its size, not
/// read a hundred megabytes of zeros first.
#[test]
fn a_file_over_the_limit_is_refused_for_its_size_without_being_read() {
    let scratch = Scratch::new("sparse");
    let path = scratch.0.join("enorme.json");
    File::create(&path).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
    let (code, _, err) = run(check(&[path.as_os_str()]));
    assert_eq!(code, Some(1));
    assert!(err.contains("Ce fichier pèse 100\u{a0}Mo") || err.contains("Ce fichier pèse 100 Mo"), "{err}");
    assert!(err.contains("qu'un plan peut occuper"), "{err}");
}

#[test]
fn command_words_that_are_not_utf_8_are_a_usage_error_but_a_file_name_may_be_anything() {
    let bad = OsStr::from_bytes(b"\xff");
    let (code, _, err) = run({
        let mut command = Command::new(JALON);
        command.arg(bad);
        command
    });
    assert_eq!(code, Some(2));
    assert!(err.contains("n'est pas du texte UTF-8") && err.contains("usage\u{a0}: jalon check FICHIER"), "{err}");

    let (code, _, err) = run(check(&[fixture().as_os_str(), OsStr::new("--lang"), bad]));
    assert_eq!(code, Some(2), "{err}");
    let (code, _, err) = run(check(&[fixture().as_os_str(), bad]));
    assert_eq!(code, Some(2), "a second file: {err}");

    let scratch = Scratch::new("names");
    let named = scratch.file(OsStr::from_bytes(b"plan-\xe9t\xe9.json"), &std::fs::read(fixture()).unwrap());
    let (code, out, err) = run(check(&[named.as_os_str()]));
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(out.starts_with("Plan d'engagement"), "{out}");
}

#[test]
fn a_byte_order_mark_is_accepted_and_windows_1252_refused_as_the_page_does() {
    let scratch = Scratch::new("encodings");
    let text = std::fs::read(fixture()).unwrap();
    let (_, plain, _) = run(check(&[fixture().as_os_str()]));

    let bom = scratch.file("bom.json", &[b"\xEF\xBB\xBF".as_slice(), &text].concat());
    let (code, out, err) = run(check(&[bom.as_os_str()]));
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(out, plain);

    // « é » (C3 A9) becomes the single Windows-1252 byte E9.
    let ansi: Vec<u8> =
        String::from_utf8(text).unwrap().replace('é', "\u{1}").bytes().map(|b| if b == 1 { 0xE9 } else { b }).collect();
    let ansi = scratch.file("ansi.json", &ansi);
    let (code, out, err) = run(check(&[ansi.as_os_str()]));
    assert_eq!((code, out.as_str()), (Some(1), ""));
    let expected = jalon::words::text::load_error(
        &jalon::format::load_bytes(&std::fs::read(&ansi).unwrap()).unwrap_err(),
        jalon::words::text::Lang::Fr,
    );
    assert_eq!(err, format!("{}\u{a0}: {expected}\n", ansi.display()));
    assert!(expected.contains("n'est pas enregistré en UTF-8") && expected.contains("Windows-1252"), "{expected}");
}

/// The text without what English output quotes ("…"): the plan's own words.
fn without_quoted(text: &str) -> String {
    text.lines().map(|line| line.split('"').step_by(2).collect::<Vec<_>>().join("\"\"") + "\n").collect()
}

/// A space, plain or not, before a sign French spaces and English does not.
fn spaced_punctuation(text: &str) -> Option<&str> {
    text.lines().find(|line| {
        let chars: Vec<char> = line.chars().collect();
        chars.windows(2).any(|w| matches!(w[0], ' ' | '\u{a0}' | '\u{202f}') && matches!(w[1], ':' | ';' | '?' | '!'))
    })
}

#[test]
fn english_output_has_english_punctuation_and_french_keeps_its_own() {
    let fixtures = ["plan-000-pevr.json", "plan-002-cooperative.json", "v0-draft.json"];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let scratch = Scratch::new("punctuation");
    let not_json = scratch.file("notes.json", b"Bonjour, voici le plan");
    for path in fixtures.iter().map(|f| dir.join(f)).chain([not_json]) {
        let (_, out, err) = run(check(&[path.as_os_str(), OsStr::new("--lang"), OsStr::new("en")]));
        // The plan's own words, quoted, may be French (« sans risque »): only the
        // command's words are held to English.
        let english = without_quoted(&(out + &err));
        assert_eq!(spaced_punctuation(&english), None, "{}: {english}", path.display());
        for french in ['«', '»', '\u{a0}', '\u{202f}'] {
            assert!(!english.contains(french), "{french:?} in {}: {english}", path.display());
        }
        assert!(!english.contains(" au ") && !english.contains("juin"), "{english}");

        let (_, out, err) = run(check(&[path.as_os_str()]));
        let french = out + &err;
        assert!(!french.contains(" :") && !french.contains(" ;"), "{}: {french}", path.display());
        assert!(french.contains("\u{a0}:"), "{french}");
    }
    let (_, out, _) =
        run(check(&[dir.join("plan-002-cooperative.json").as_os_str(), OsStr::new("--lang"), OsStr::new("en")]));
    assert!(out.contains("Period: July 1, 2024 to June 30, 2027") && out.contains("$343,800.00"), "{out}");
    let (_, out, _) = run(check(&[dir.join("v0-draft.json").as_os_str(), OsStr::new("--lang"), OsStr::new("en")]));
    assert!(out.contains(", 0 checkpoints") && out.contains("Checks: no warnings."), "{out}");
    let (_, out, _) = run(check(&[dir.join("plan-002-cooperative.json").as_os_str()]));
    assert!(out.contains("343\u{a0}800,00\u{a0}$\u{a0}: écart de 0,01\u{a0}$"), "{out}");

    let (code, _, err) = run(check(&[OsStr::new("--lang"), OsStr::new("en")]));
    assert_eq!((code, err.as_str()), (Some(2), "usage: jalon check FILE [--lang fr|en] [--date YYYY-MM-DD]\n"));
}
