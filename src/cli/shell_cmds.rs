//! `completions` and `man`: shell completion scripts and the manual page,
//! generated from the same clap definitions as the parser, so they never
//! drift from the options the binary takes.

use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs};
use super::output::emit;
use super::{Failure, Outcome, Problem};

pub fn completions(args: &CompletionsArgs) -> Outcome {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "karmadash", &mut out);
    emit(&String::from_utf8_lossy(&out))
}

pub fn man() -> Outcome {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Failure::from(Problem::RenderManual(e)))?;
    emit(&String::from_utf8_lossy(&out))
}
