//! Entry point: parse arguments, run the command, map failures to exit codes.

use clap::Parser;

fn main() {
    let cli = karmadash::cli::Cli::parse();
    if let Err(failure) = karmadash::cli::run(cli) {
        eprintln!("karmadash: {failure}");
        std::process::exit(failure.code);
    }
}
