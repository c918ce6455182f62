//! Input files as people really give them: a named pipe, a plan on standard input (`-`), a
//! file that starts with a byte-order mark, a random file named as a key file. Each run has
//! a deadline, so that a command that would hang fails the test instead.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Output, PlanDir, repo_root};

/// How long a command may take before it counts as hanging.
const DEADLINE: Duration = Duration::from_secs(120);

/// Runs `allocate ARGS` in `dir` with `stdin` piped in (or no standard input at all), and kills
/// it if it runs past the deadline.
fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_env(dir, args, stdin, &[])
}

/// [`run`] with these environment variables set as well.
fn run_env(dir: &Path, args: &[&str], stdin: Option<&[u8]>, vars: &[(&str, &str)]) -> Output {
    let mut child = crate::support::command()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .envs(vars.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run allocate");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > DEADLINE {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("allocate {args:?} hangs: killed after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Output {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn corpus_plan(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("tests/corpus/plans").join(name)).unwrap()
}

#[test]
fn a_named_pipe_as_plan_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("plan.toml"));
    // The pipe to `-` that the hint shows is the command's own.
    for (args, piped) in [
        (
            vec!["check", "plan.toml"],
            "cat plan.toml | allocate check -",
        ),
        (
            vec!["report", "plan.toml"],
            "cat plan.toml | allocate report -",
        ),
        (
            vec!["export", "plan.toml", "--view", "payments"],
            "cat plan.toml | allocate export -",
        ),
        (
            vec!["--lang", "en", "follow-up", "plan.toml", "x.csv"],
            "cat plan.toml | allocate follow-up -",
        ),
        (
            vec!["diff", "plan.toml", "plan.toml"],
            "cat plan-2025.toml | allocate diff - plan-2026.toml",
        ),
        (
            vec!["init", "--from", "plan.toml"],
            "cat plan.toml | allocate init --from -",
        ),
        (
            vec!["split", "100", "--plan", "plan.toml", "--key", "befolkning"],
            "cat plan.toml | allocate split BELOPP --plan - --key ID",
        ),
    ] {
        let out = run(dir.path(), &args, None);
        out.assert_status(2);
        let text = format!("{}{}", out.stdout, out.stderr);
        let (refused, hint) = match args.first() {
            Some(&"--lang") => (
                "cannot read plan.toml: is a named pipe (FIFO), not a regular file",
                format!(
                    "help: give a plan file on disk, or pipe the plan to standard input with `-`: {piped}\n"
                ),
            ),
            _ => (
                "kan inte läsa plan.toml: är en namngiven pipe (FIFO), inte en vanlig fil",
                format!(
                    "åtgärd: ange en planfil på disken, eller skicka planen på standard in (stdin) med `-`: {piped}\n"
                ),
            ),
        };
        assert!(text.contains(refused), "{args:?}: {text}");
        assert!(text.contains(&hint), "{args:?}: {text}");
    }
    let out = run(
        dir.path(),
        &["check", "--lang", "en", "--format", "json", "plan.toml"],
        None,
    );
    out.assert_status(2)
        .assert_stdout_contains("is a named pipe (FIFO), not a regular file");
}

#[test]
fn a_named_pipe_as_key_file_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("folk.csv"));
    let plan =
        corpus_plan("141-key-file-missing.toml").replace("../keys/finns-inte.csv", "folk.csv");
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    run(dir.path(), &["check", "plan.toml"], None)
        .assert_status(1)
        .assert_stdout_contains(
            "nyckeln `befolkning`: folk.csv: är en namngiven pipe (FIFO), inte en vanlig fil",
        );
    // Given on the command line, its path is the user's, not relative to a plan.
    let out = run(dir.path(), &["split", "1000", "--key", "folk.csv"], None);
    out.assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains("folk.csv: är en namngiven pipe (FIFO)")
        .assert_stderr_contains("åtgärd: kontrollera sökvägen till befolkningsfilen (en relativ sökväg utgår från mappen du står i)");
    assert!(!out.stderr.contains("planfilen"), "{}", out.stderr);
    for missing in ["saknas.csv", "mapp/saknas.csv"] {
        let out = run(
            dir.path(),
            &["split", "1000", "--key", missing, "--lang", "en"],
            None,
        );
        out.assert_status(2)
            .assert_stderr_contains("no such file")
            .assert_stderr_contains("help: check the path of the population file (a relative path starts from the current folder), or give the plan with --plan and one of its keys with --key");
        assert!(!out.stderr.contains("plan file"), "{}", out.stderr);
    }
}

/// A file that cannot be read for want of permission is told to have its permissions looked
/// at, not to be given as another path (as any user but root; root reads every file).
#[test]
fn a_file_without_read_permission_gets_a_hint_about_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::copy(repo_root().join("allocations/plan-2026.toml"), &plan).unwrap();
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&plan).is_ok() {
        // Running as root: as nobody, when there is a way to.
        let nobody = Command::new("setpriv")
            .args([
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                "true",
            ])
            .status()
            .is_ok_and(|s| s.success());
        if !nobody {
            return;
        }
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let as_nobody = |args: &[&str]| {
            let out = Command::new("setpriv")
                .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_allocate"))
                .args(args)
                .current_dir(dir.path())
                .env_remove("ALLOCATE_LANG")
                .output()
                .unwrap();
            Output {
                status: out.status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            }
        };
        permission_hints(&as_nobody);
    } else {
        permission_hints(&|args: &[&str]| run(dir.path(), args, None));
    }
}

fn permission_hints(run: &dyn Fn(&[&str]) -> Output) {
    run(&["check", "plan.toml"])
        .assert_status(2)
        .assert_stdout_contains("fel[read-error]: kan inte läsa plan.toml: åtkomst nekad")
        .assert_stdout_contains(
            "åtgärd: kontrollera filens behörigheter: den som kör allocate måste få läsa filen",
        );
    let out = run(&["report", "plan.toml", "--lang", "en"]);
    out.assert_status(2)
        .assert_stderr_contains("error[read-error]: cannot read plan.toml: permission denied")
        .assert_stderr_contains("help: check the file's permissions: whoever runs allocate must be allowed to read the file");
    assert!(!out.stderr.contains("give the path"), "{}", out.stderr);
    run(&["split", "100", "--key", "plan.toml"])
        .assert_status(2)
        .assert_stderr_contains("åtkomst nekad")
        .assert_stderr_contains("åtgärd: kontrollera filens behörigheter");
}

#[test]
fn a_device_as_plan_is_refused() {
    let out = run(&repo_root(), &["check", "/dev/zero"], None);
    out.assert_status(2)
        .assert_stdout_contains("är en enhetsfil, inte en vanlig fil");
}

#[test]
fn a_dash_reads_the_plan_from_standard_input() {
    let plan = std::fs::read(repo_root().join("allocations/plan-2026.toml")).unwrap();
    let out = run(&repo_root(), &["check", "-"], Some(&plan));
    out.assert_status(0)
        .assert_stdout_contains("Länets medel  12 689 898 kr")
        .assert_stdout_contains("<stdin>: godkänd (0 fel, 1 varning)")
        .assert_stdout_contains("--> <stdin>:112:10");
    run(
        &repo_root(),
        &["report", "-", "--view", "per-kommun"],
        Some(&plan),
    )
    .assert_status(0)
    .assert_stdout_contains("196 200 kr")
    .assert_stdout_contains("436 000 kr")
    .assert_stdout_contains("1 865 000 kr");
    // A plan on standard input with errors names `<stdin>` with line and column.
    let broken =
        String::from_utf8(plan)
            .unwrap()
            .replacen("amount = 1_350_000", "amout = 1_350_000", 1);
    run(&repo_root(), &["check", "-"], Some(broken.as_bytes()))
        .assert_status(2)
        .assert_stdout_contains("--> <stdin>:")
        .assert_stdout_contains("<stdin>: kunde inte läsas");
}

/// `init` from a plan with errors on standard input says how to check it as it can be typed
/// (tester s39: `allocate check <stdin>` is a redirection from a file named `stdin`).
#[test]
fn init_from_standard_input_with_errors_says_how_to_check_it() {
    let plan = std::fs::read_to_string(repo_root().join("allocations/plan-2026.toml")).unwrap();
    let broken = plan.replacen(
        "county_total = 12_689_898 ",
        "county_total = 12_698_898 ",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["init", "--from", "-", "-o", "plan-2027.toml"],
        Some(broken.as_bytes()),
    );
    out.assert_status(0).assert_stderr_contains(
        "Obs: <stdin> har 3 fel (`allocate check -` med samma indata); den nya planens",
    );
    assert!(!out.stderr.contains("check <stdin>"), "{}", out.stderr);
}

#[test]
fn key_files_of_a_plan_on_standard_input_are_found_from_the_current_directory() {
    // 140's key file is `../keys/…`, relative to tests/corpus/plans/: from the current
    // directory tests/corpus/plans/ it is found, from the repository root it is not.
    let plan =
        std::fs::read(repo_root().join("tests/corpus/plans/140-key-file-bad-value.toml")).unwrap();
    let here = repo_root().join("tests/corpus/plans");
    let found = run(&here, &["check", "-"], Some(&plan));
    assert!(
        !found.stdout.contains("filen finns inte"),
        "{}",
        found.stdout
    );
    run(&repo_root(), &["check", "-"], Some(&plan)).assert_stdout_contains("filen finns inte");
}

/// Reading standard input stops one byte past the limit, so its size is not known: the message
/// says it is larger than the limit, not a size it does not have. A file keeps its exact size.
#[test]
fn a_plan_on_standard_input_over_the_limit_is_said_to_be_larger_not_a_false_size() {
    let big = vec![b'#'; 2_000_000];
    let limit = [("ALLOCATE_MAX_FILE_MB", "1")];
    let sv = run_env(&repo_root(), &["check", "-"], Some(&big), &limit);
    sv.assert_status(2).assert_stdout_contains(
        "kan inte läsa <stdin>: standard in (stdin) är större än 1 MiB (1 048 576 byte), det största en plan får vara",
    );
    let en = run_env(
        &repo_root(),
        &["check", "--lang", "en", "--format", "github", "-"],
        Some(&big),
        &limit,
    );
    en.assert_status(2).assert_stdout_contains(
        "cannot read <stdin>: standard input is larger than 1 MiB (1,048,576 bytes), the most a plan may be",
    );
    for out in [&sv, &en] {
        assert!(!out.stdout.contains("048 577"), "{}", out.stdout);
        assert!(!out.stdout.contains("048,577"), "{}", out.stdout);
    }
    // The same bytes as a file: refused by its size on disk, which is known.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.toml"), &big).unwrap();
    run_env(dir.path(), &["check", "big.toml"], None, &limit)
        .assert_status(2)
        .assert_stdout_contains(
            "kan inte läsa big.toml: filen är 1,9 MiB (2 000 000 byte); en plan får vara högst 1 MiB (1 048 576 byte)",
        );
}

/// A file within the size limit but of more TOML parts than a plan may have (one for every 4
/// bytes of the limit) is refused before it is parsed: the parser holds some 75 bytes a part,
/// so 20 MB of `1,1,1,…` needed 1,5 GB and a file under 128 MiB 10 GB (tester s32). The same
/// size in long texts is parsed (and is then no plan).
#[test]
fn a_file_of_more_toml_parts_than_a_plan_may_have_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let limit = [("ALLOCATE_MAX_FILE_MB", "1")];
    let ones = format!("[plan]\nxs = [{}1]\n", "1,".repeat(300_000));
    assert!(ones.len() < 1 << 20);
    std::fs::write(dir.path().join("ettor.toml"), &ones).unwrap();
    let sv = run_env(dir.path(), &["check", "ettor.toml"], None, &limit);
    sv.assert_status(2).assert_stdout_contains(
        "kan inte läsa ettor.toml: filen har 600 013 delar i TOML (värden, nycklar, skiljetecken och mellanrum); en plan får ha högst 262 144, så mycket som ryms i minnet när filen tolkas",
    ).assert_stdout_contains("höj gränsen med miljövariabeln ALLOCATE_MAX_FILE_MB (i MiB; en del per 4 byte)");
    let en = run_env(
        dir.path(),
        &["check", "ettor.toml", "--lang", "en"],
        None,
        &limit,
    );
    en.assert_status(2).assert_stdout_contains(
        "cannot read ettor.toml: the file has 600,013 TOML parts (values, keys, separators and spaces); a plan may have at most 262,144, as many as fit in memory while the file is parsed",
    );
    // As a usage file of `follow-up` too.
    let plan = repo_root().join("allocations/plan-2026.toml");
    let plan = plan.to_str().unwrap();
    run_env(dir.path(), &["follow-up", plan, "ettor.toml"], None, &limit)
        .assert_status(2)
        .assert_stderr_contains("filen har 600 013 delar i TOML");
    // The same size in long texts has few parts: it is parsed, and told as no plan.
    let texts = format!("[plan]\nxs = \"{}\"\n", "x".repeat(600_000));
    std::fs::write(dir.path().join("text.toml"), &texts).unwrap();
    let out = run_env(dir.path(), &["check", "text.toml"], None, &limit);
    out.assert_status(2);
    assert!(!out.stdout.contains("delar i TOML"), "{}", out.stdout);
    // A limit raised raises both.
    let raised = [("ALLOCATE_MAX_FILE_MB", "4")];
    let out = run_env(dir.path(), &["check", "ettor.toml"], None, &raised);
    out.assert_status(2);
    assert!(!out.stdout.contains("delar i TOML"), "{}", out.stdout);
}

/// A limit that is no whole number of MiB is refused before anything is read, by name and
/// value, as a wrong command line is: never left for the default (`512MB` would leave the
/// user at 128 MiB, told to raise the limit they believe they have raised), and `0` never
/// refuses every plan.
#[test]
fn a_file_size_limit_that_is_no_whole_number_of_mib_is_a_usage_error() {
    let plan = "allocations/plan-2026.toml";
    for value in ["abc", "-1", "1.5", "512MB", "0", "1e3", "5 12"] {
        let limit = [("ALLOCATE_MAX_FILE_MB", value)];
        let out = run_env(&repo_root(), &["check", plan], None, &limit);
        out.assert_status(2).assert_stderr_contains(&format!(
            "miljövariabeln ALLOCATE_MAX_FILE_MB är \"{value}\", som inte är en giltig gräns: ange ett helt antal MiB, minst 1"
        ));
        assert!(out.stdout.is_empty(), "{value}: {}", out.stdout);
        run_env(
            &repo_root(),
            &["report", "--lang", "en", plan],
            None,
            &limit,
        )
        .assert_status(2)
        .assert_stderr_contains(&format!(
            "the environment variable ALLOCATE_MAX_FILE_MB is \"{value}\", which is not a valid limit: give a whole number of MiB, at least 1, in digits only (for example ALLOCATE_MAX_FILE_MB=512)"
        ));
    }
    // A whole number, with spaces around it, or nothing at all (the default) is a limit; one
    // beyond 64 bits too, as good as none (tester s37: refused as no whole number).
    for value in ["512", " 1 ", "", "99999999999999999999"] {
        run_env(
            &repo_root(),
            &["check", plan],
            None,
            &[("ALLOCATE_MAX_FILE_MB", value)],
        )
        .assert_status(0);
    }
}

#[test]
fn an_empty_standard_input_is_no_plan() {
    run(&repo_root(), &["check", "-"], Some(b""))
        .assert_status(2)
        .assert_stdout_contains("<stdin>");
}

#[test]
fn a_byte_order_mark_does_not_shift_the_first_line() {
    let p = PlanDir::from_real("plan-2026.toml");
    let text = format!("\u{feff}[plann]\n{}", p.text.replacen("[plan]", "", 1));
    std::fs::write(p.dir.path().join("plan.toml"), text).unwrap();
    let out = run(p.dir.path(), &["check", "plan.toml"], None);
    out.assert_status(2)
        .assert_stdout_contains("--> plan.toml:1:2")
        .assert_stdout_contains("1 | [plann]\n  |  ^^^^^\n");
}

#[test]
fn a_random_file_as_key_file_is_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "hemlig-rad-som-inte-ska-visas-i-ett-felmeddelande";
    std::fs::write(
        dir.path().join("passwd"),
        format!("root:x:0:0:{secret}:/root:/bin/bash\nanna:x:1000:1000:{secret}:/home\n"),
    )
    .unwrap();
    let plan = corpus_plan("141-key-file-missing.toml").replace("../keys/finns-inte.csv", "passwd");
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let check = run(dir.path(), &["check", "plan.toml"], None);
    check
        .assert_status(1)
        .assert_stdout_contains("fel[key-file]");
    let split = run(dir.path(), &["split", "1000", "--key", "passwd"], None);
    split.assert_status(2);
    for out in [&check, &split] {
        let text = format!("{}{}", out.stdout, out.stderr);
        assert!(!text.contains(secret), "the file is echoed:\n{text}");
        assert!(!text.contains("/bin/bash"), "the file is echoed:\n{text}");
    }
}

/// Standard input is read once, and only as a plan: `report - --previous -` compares the plan
/// with itself (refused as not of an earlier year, as `diff - -` is), never reads an empty
/// second plan; `-` for a form or a key file says that it is read only as a plan.
#[test]
fn standard_input_is_read_once_and_only_as_a_plan() {
    let root = repo_root();
    let plan = std::fs::read(root.join("allocations/plan-2026.toml")).unwrap();
    let out = run(
        &root,
        &["report", "-", "--format", "md", "--previous", "-"],
        Some(&plan),
    );
    out.assert_status(2).assert_stdout_empty();
    assert_eq!(
        out.stderr,
        "fel: --previous ska vara ett tidigare års plan: båda gäller 2026. Två versioner av samma års plan jämförs med `allocate diff GAMMAL.toml NY.toml`\n"
    );
    let form =
        std::fs::read(root.join("examples/follow-up-2026/redovisning-2026-2326-berg.csv")).unwrap();
    run(
        &root,
        &["follow-up", "allocations/plan-2026.toml", "-"],
        Some(&form),
    )
    .assert_status(2)
    .assert_stdout_empty()
    .assert_stderr_contains(
        "fel[read-error]: -: `-` (standard in, stdin) läses bara som plan, inte som en redovisning: ange filens sökväg",
    );
    run(&root, &["split", "1000", "--key", "-", "--lang", "en"], None)
        .assert_status(2)
        .assert_stdout_empty()
        .assert_stderr_contains(
            "error[key-file]: -: `-` (standard input) is read only as a plan, not as a key file: give the file's path",
        );
}

/// A text that may be left out is written or left out, never given empty or only spaces: an
/// empty `reference` printed a blank reference code on every collective invoice, an empty
/// `forum` a blank decision line (tester s34 #8). Each is told where it stands.
#[test]
fn an_optional_text_given_empty_is_an_error_where_it_stands() {
    for (from, to, key, hint) in [
        (
            "reference = \"400105\"",
            "reference = \"\"",
            "reference",
            "skriv texten, eller ta bort nyckeln",
        ),
        (
            "forum = \"SVOM\"",
            "forum = \"  \"",
            "forum",
            "skriv texten, eller ta bort nyckeln",
        ),
        (
            "recipient = \"SKR\"",
            "recipient = \"\"",
            "recipient",
            "skriv namnet eller id:t",
        ),
        (
            "basis = \"",
            "basis = \"\u{200b}\" # \"",
            "basis",
            "skriv texten, eller ta bort nyckeln",
        ),
        (
            "responsible = \"",
            "responsible = \"\" # \"",
            "responsible",
            "skriv texten, eller ta bort nyckeln",
        ),
        (
            "title = \"Stärkt suicidpreventivt arbete\"",
            "title = \"\"",
            "title",
            "skriv texten som underlaget lyder",
        ),
    ] {
        let p = PlanDir::from_real("plan-2026.toml").edit(from, to);
        let at = p.position_of(to, key.chars().count() + 3);
        p.check(&[])
            .assert_status(2)
            .assert_stdout_contains(&format!("fel[missing-field]: `{key}` är tom"))
            .assert_stdout_contains(&format!("--> {at}"))
            .assert_stdout_contains(hint);
    }
}

/// A character that does not show, in an id or a name, is told at the id or name: before, a
/// kommun `name = "Åre\u{200b}"` was told at every correct `Åre` elsewhere, with the hint to
/// write the invisible character there too, and the payments then named `Åre<U+200B>`
/// (tester s34 #1).
#[test]
fn an_invisible_character_in_an_id_or_name_is_told_where_it_stands() {
    for (from, to) in [
        ("name = \"Åre\"", "name = \"Åre\u{200b}\""),
        ("id = \"1.1\"", "id = \"1.1\u{2060}\""),
        ("id = \"fontanhus\"", "id = \"fontanhus\u{200f}\""),
    ] {
        let p = PlanDir::from_real("plan-2026.toml").edit(from, to);
        let at = p.position_of(to, to.find('"').unwrap());
        let code = format!("{:04X}", u32::from(to.chars().rev().nth(1).unwrap()));
        p.check(&[])
            .assert_status(2)
            .assert_stdout_contains(&format!(
                "fel[wrong-type]: texten har ett tecken som inte syns, <U+{code}>"
            ))
            .assert_stdout_contains(&format!("--> {at}"))
            .assert_stdout_contains(&format!("åtgärd: ta bort tecknet <U+{code}>"));
    }
}

/// A kommun's name with spaces around it, even a no-break space, went into the payments as
/// the payee (`" Östersund "`), where a look-up of `Östersund` fails (tester s34 retest #2).
#[test]
fn a_kommun_name_with_spaces_around_it_is_refused() {
    for to in ["name = \" Östersund \"", "name = \"Östersund\\u00a0\""] {
        let p = PlanDir::from_real("plan-2026.toml").edit("name = \"Östersund\"", to);
        let at = p.position_of(to, 7);
        p.check(&[])
            .assert_status(2)
            .assert_stdout_contains(
                "fel[wrong-type]: namnet har mellanslag före eller efter texten",
            )
            .assert_stdout_contains(&format!("--> {at}"))
            .assert_stdout_contains("åtgärd: ta bort mellanslagen");
    }
}

/// A cost-sharing party or a printed table's column is a name as the table prints it: given
/// blank it printed a blank column heading, and with an invisible character every row's
/// `region` was told unknown with the hint to write the character there too (tester s34).
#[test]
fn a_blank_or_invisible_column_name_is_refused_where_it_stands() {
    let text =
        std::fs::read_to_string(repo_root().join("examples/mini-maria-costs-2025.toml")).unwrap();
    let from = "parties = [\"kommunerna\", \"region\"]";
    assert!(text.contains(from));
    for (to, says, hint) in [
        (
            "parties = [\"kommunerna\", \"\"]",
            "fel[missing-field]: ett namn i `parties` är tomt",
            "åtgärd: skriv namnet som tabellen visar det",
        ),
        (
            "parties = [\"kommunerna\", \"region\\u200b\"]",
            "fel[wrong-type]: texten har ett tecken som inte syns, <U+200B>",
            "åtgärd: ta bort tecknet <U+200B>",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let plan = text.replacen(from, to, 1);
        std::fs::write(dir.path().join("plan.toml"), &plan).unwrap();
        let at = plan.find(to).unwrap() + "parties = [\"kommunerna\", ".len();
        let line = plan[..at].matches('\n').count() + 1;
        let col = plan[..at].len() - plan[..at].rfind('\n').unwrap();
        crate::support::allocate(dir.path(), &["check", "plan.toml"])
            .assert_status(2)
            .assert_stdout_contains(says)
            .assert_stdout_contains(&format!("--> plan.toml:{line}:{col}"))
            .assert_stdout_contains(hint);
    }
}

/// A number the file writes with an invisible character in it is quoted in the message with
/// that character named, as the source line below shows it: raw, a right-to-left mark made
/// `400_0‏00` read as `400_000` (fuzz tester s44 #1).
#[test]
fn a_number_with_a_hidden_character_is_quoted_with_it_named() {
    let p =
        PlanDir::from_real("plan-2026.toml").edit("amount = 400_000", "amount = 400_0\u{200f}00");
    let out = p.check(&[]);
    out.assert_status(2)
        .assert_stdout_contains("fel[wrong-type]: 400_0<U+200F>00 är inget tal\n");
    assert!(!out.stdout.contains('\u{200f}'), "{}", out.stdout);
    p.check(&["--lang", "en"])
        .assert_stdout_contains("error[wrong-type]: 400_0<U+200F>00 is not a number\n");
}

/// A multi-line list whose `]` is missing takes in the lines below it, a table's header
/// too, and toml stumbles lines further on: told at its last value, where `]` belongs, with
/// the line it opens on and the first line it took in (tester s43 #1).
#[test]
fn a_list_left_open_is_told_where_it_should_end() {
    let last = "uppnås och redovisas.\",";
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "uppnås och redovisas.\",\n]\n\n[deadlines]",
        "uppnås och redovisas.\",\n\n\n[deadlines]",
    );
    let at = p.position_of(last, last.chars().count());
    assert!(at.starts_with("plan.toml:26:"), "{at}");
    let out = p.check(&[]);
    out.assert_status(2)
        .assert_finding("syntax", &at)
        .assert_stdout_contains(
            "listan `conditions` som börjar med [ på rad 23 avslutas aldrig med ], så rad 29 (`[deadlines]`) har blivit en del av listan",
        )
        .assert_stdout_contains("= åtgärd: skriv ] här, efter listans sista värde");

    // On one line, before a list of tables' header: `]` goes after its one value.
    let p = PlanDir::from_real("plan-2026.toml").edit("amount = 1_350_000\n", "amount = [1,\n");
    let out = p.check(&["--lang", "en"]);
    out.assert_status(2)
        .assert_finding("syntax", "plan.toml:278:13")
        .assert_stdout_contains(
            "the list `amount` that begins with [ on line 278 is never closed with ], so line 280 (`[[insatser]]`) has become part of the list",
        )
        .assert_stdout_contains("= help: write ] here, after the last value of the list");

    // A key within a list that is closed after it is a mistake within the list, not a list
    // left open (reviewer s43: the hint would have had a second `]` written).
    let p = PlanDir::from_real("plan-2026.toml").edit(
        "report_to = [\"kfjh\", \"fhe\"]",
        "report_to = [\n  \"kfjh\",\n  fhe = 1,\n]",
    );
    let out = p.check(&[]);
    out.assert_status(2)
        .assert_stdout_contains("likhetstecken i en lista");
    assert!(!out.stdout.contains("avslutas aldrig"), "{}", out.stdout);

    // A list in a list, left open at the end of the file: no line taken in.
    let p = PlanDir::from_real("plan-2026.toml");
    let text = format!(
        "{}\n[[stated]]\nlabel = \"x\"\nrows = [[1,\n  2,\n",
        p.text.trim_end()
    );
    let lines = text.lines().count();
    let p = PlanDir { text, ..p };
    p.check(&[])
        .assert_status(2)
        .assert_finding("syntax", &format!("plan.toml:{lines}:5"))
        .assert_stdout_contains(&format!(
            "listan som börjar med [ på rad {} avslutas aldrig med ]",
            lines - 1
        ));
}

/// A bare key with å, ä, ö, which TOML reads only quoted, is told as the unknown key it is
/// where the table's keys are known, over the whole key (tester s43 #3); where a quoted key
/// is read (a kommun's name in `except`), quoting is the advice.
#[test]
fn a_key_with_swedish_letters_is_an_unknown_key_where_keys_are_known() {
    let p = PlanDir::from_real("plan-2026.toml")
        .edit("actor = \"kfjh\"\namount", "aktör = \"kfjh\"\namount");
    let at = p.position_of("aktör = \"kfjh\"", 0);
    p.check(&[])
        .assert_status(2)
        .assert_finding("unknown-key", &at)
        .assert_stdout_contains("fel[unknown-key]: okänd nyckel `aktör`")
        .assert_stdout_contains("^^^^^\n")
        .assert_stdout_contains("= åtgärd: menade du `actor`?");

    let p = PlanDir::from_real("plan-2026.toml").edit("amount = 1_350_000", "amöunt = 1_350_000");
    p.check(&["--lang", "en"])
        .assert_status(2)
        .assert_finding("unknown-key", "plan.toml:278:1")
        .assert_stdout_contains("unknown key `amöunt`")
        .assert_stdout_contains("= help: did you mean `amount`?");

    let p = PlanDir::from_real("plan-2026.toml").edit(
        "except = { \"Östersund\" = 140_000 }",
        "except = { Östersund = 140_000 }",
    );
    let at = p.position_of("Östersund = 140_000", 0);
    p.check(&[])
        .assert_status(2)
        .assert_finding("syntax", &at)
        .assert_stdout_contains(
            "ogiltig nyckel; en nyckel med mellanslag eller å, ä, ö skrivs inom citattecken",
        );
}

/// A lone carriage return (old Mac line ends, or one pasted into a line or a text) is told
/// with what to do about it; the English for a control character in a text reads right
/// (tester s43 #5).
#[test]
fn a_lone_carriage_return_is_told_how_to_be_rid_of() {
    let p = PlanDir::from_real("plan-2026.toml")
        .edit("amount = 1_350_000\n", "amount = 1_350_000\r# Östersund\n");
    p.check(&[])
        .assert_status(2)
        .assert_finding("syntax", "plan.toml:278:19")
        .assert_stdout_contains("ogiltig TOML: vagnretur (CR) utan radmatning (LF)")
        .assert_stdout_contains(
            "spara filen med radslut LF eller CRLF (Windows), eller ta bort tecknet",
        );

    let p = PlanDir::from_real("plan-2026.toml").edit(
        "responsible = \"Kommunförbundet Jämtland Härjedalen\"",
        "responsible = \"Kommunförbundet\rJämtland Härjedalen\"",
    );
    let at = p.position_of("\rJämtland Härjedalen\"", 0);
    p.check(&["--lang", "en"])
        .assert_status(2)
        .assert_finding("syntax", &at)
        .assert_stdout_contains(
            "invalid TOML: a character a text may not hold (a control character); rewrite the text or remove the character",
        )
        .assert_stdout_contains(
            "= help: remove the character, shown as <U+…> above; if it is a carriage return, <U+000D>, save the file with LF or CRLF (Windows) line ends",
        );
}
