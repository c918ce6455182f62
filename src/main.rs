use std::process::ExitCode;

fn main() -> ExitCode {
    allocate::cli::main()
}
