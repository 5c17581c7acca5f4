//! The command line, as clap sees it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use crate::catalogue::Competency;

#[derive(Debug, Parser)]
#[command(
    name = "karmadash",
    version,
    about = "Mandatory iGOT Karmayogi training: browse the prescribed courses, track your progress for the financial year",
    long_about = "Mandatory iGOT Karmayogi training: browse the course lists that DoPT, Delhi and Bihar orders prescribe, \
record what you completed, and see every requirement of the financial year traced to the order behind it.\n\n\
Run without a command to open the dashboard.",
    after_help = "Exit codes: 0 success; 1 a check found something unmet (lint errors, status --check); 2 bad input, bad data or an unusable store."
)]
pub struct Cli {
    /// Directory of extra data files: rulebooks (*.toml; same id replaces the built-in one) and aliases.toml
    #[arg(long, global = true, env = "KARMADASH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Take this date as today (YYYY-MM-DD), for every command
    #[arg(long, global = true, env = "KARMADASH_TODAY", value_name = "DATE")]
    pub today: Option<String>,

    /// Progress store (a sled database directory); default: the XDG data directory
    #[arg(long, global = true, env = "KARMADASH_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the tiers (service and level) with their mandatory and optional course counts
    Tiers(TiersArgs),
    /// List the courses prescribed for a tier, by competency and status
    Courses(CoursesArgs),
    /// Fuzzy-search every course title and alias
    Search(SearchArgs),
    /// Check the data files and report the defects of the source tables
    Lint(LintArgs),
}

#[derive(Debug, Args)]
pub struct TiersArgs {
    /// Print JSON (keys: id, service, label, label_hi, rulebook, mandatory, optional, rows)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CompetencyArg {
    Behavioural,
    Functional,
    Domain,
}

impl From<CompetencyArg> for Competency {
    fn from(c: CompetencyArg) -> Self {
        match c {
            CompetencyArg::Behavioural => Competency::Behavioural,
            CompetencyArg::Functional => Competency::Functional,
            CompetencyArg::Domain => Competency::Domain,
        }
    }
}

#[derive(Debug, Args)]
pub struct CoursesArgs {
    /// Only this tier (see `karmadash tiers`)
    #[arg(long, value_name = "ID")]
    pub tier: Option<String>,
    /// Only listings of this competency
    #[arg(long, value_enum)]
    pub competency: Option<CompetencyArg>,
    /// Only mandatory listings
    #[arg(long, conflicts_with = "optional")]
    pub mandatory: bool,
    /// Only optional listings
    #[arg(long)]
    pub optional: bool,
    /// Print JSON (keys: id, tier, row, status, competencies, title, course, defect, rulebook, source)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for; every word must match (fuzzy), Hindi too
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only courses listed in this tier
    #[arg(long, value_name = "ID")]
    pub tier: Option<String>,
    /// At most this many courses
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Print JSON (keys: query, hits[course, title, matched, score, positions, tiers, listings])
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Print JSON (keys: errors, warnings, findings[severity, code, file, line, message])
    #[arg(long)]
    pub json: bool,
}
