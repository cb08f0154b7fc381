//! The `crosscheck` command line: parse arguments, call the library, render, exit.

mod cli;

/// mimalloc instead of the system allocator: the pipeline allocates many short-lived strings and
/// vectors on both cores, where glibc's malloc spent ~14% of `check`'s CPU time (perf, 100k).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
