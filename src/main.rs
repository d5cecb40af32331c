//! The `ikrapport` command: parse arguments, run, map the outcome to an exit code.
//! Everything else lives in the library (`src/lib.rs`); this binary only wires.

mod cli;
mod memory;

#[global_allocator]
static ALLOCATOR: memory::HugePages = memory::HugePages;

fn main() {
    memory::tune();
    // A panic is ikrapport's bug, never the user's (a user's own SQL is guarded where it
    // runs). Record where it happened instead of printing a Rust backtrace at users;
    // `cli::main` reports it once as an internal error (exit 3), with the location when
    // -v is given (04-cli-and-scale.md: no backtraces or debug output by default).
    cli::install_panic_hook();
    let code = match std::panic::catch_unwind(cli::main) {
        Ok(code) => code,
        Err(payload) => cli::report_panic(&payload),
    };
    std::process::exit(code);
}
