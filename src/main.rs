//! The `ikrapport` command: parse arguments, run, map the outcome to an exit code.
//! Everything else lives in the library (`src/lib.rs`); this binary only wires.

mod cli;

fn main() {
    // No Rust backtraces for users (04-cli-and-scale.md): a panic that escapes is reported
    // once, as an internal error, by `cli::main`.
    std::panic::set_hook(Box::new(|_| {}));
    let code = match std::panic::catch_unwind(cli::main) {
        Ok(code) => code,
        Err(payload) => {
            eprintln!(
                "Feil: intern feil ({}). Dette er en feil i ikrapport; meld den gjerne med kommandoen du kjørte.",
                ikrapport::catalog::panic_message(&payload)
            );
            ikrapport::error::EXIT_INTERNAL
        }
    };
    std::process::exit(code);
}
