use std::process::ExitCode;

/// Runs the command line. Should a bug ever panic, the user gets a short apology with what to
/// report instead of a backtrace, and exit status 2; the panic unwinds first, so files being
/// written (exports go through temporary files) are cleaned up as usual.
fn main() -> ExitCode {
    install_panic_hook();
    match std::panic::catch_unwind(run) {
        Ok(code) => code,
        Err(_) => ExitCode::from(2),
    }
}

fn run() -> ExitCode {
    // Lets the tests check the panic path on the real binary; not documented on purpose.
    if std::env::var_os("ALLOCATE_TEST_PANIC").is_some_and(|v| v == "1") {
        #[allow(clippy::panic)]
        {
            panic!("ALLOCATE_TEST_PANIC is set");
        }
    }
    allocate::app::main()
}

fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The workbook library's panic on a failed write, caught and reported as an error.
        if allocate::output::xlsx::catching_library_panic() {
            return;
        }
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let version = env!("CARGO_PKG_VERSION");
        eprintln!(
            "allocate: internt fel. Förlåt! Felet ligger i allocate, inte i din plan.\n\
             \x20 Rapportera det gärna i projektets ärendelista (issue tracker): skriv kommandot du\n\
             \x20 körde, bifoga planen om du kan, och klistra in raden nedan.\n\
             allocate: internal error. Sorry! The bug is in allocate, not in your plan.\n\
             \x20 Please report it on the project's issue tracker: give the command you ran, attach\n\
             \x20 the plan if you can, and paste the line below.\n\
             \x20 allocate {version}: {what}{place}"
        );
        // Developers can still have the usual report with its backtrace.
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| !v.is_empty() && v != "0") {
            default(info);
        }
    }));
}
