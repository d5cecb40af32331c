//! The `ikrapport` command: parse arguments, run, map the outcome to an exit code.
//! Everything else lives in the library (`src/lib.rs`); this binary only wires.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
