//! The `samdrift` binary: with no command the desktop app, otherwise the
//! headless CLI (see `samdrift --help`).

fn main() -> std::process::ExitCode {
    samdrift::cli::main()
}
