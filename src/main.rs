//! The `crosscheck` command line: parse arguments, call the library, render, exit.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
