//! The designations table a roster is read with: the built-in one, with a
//! training cell's own `designations.toml` from its `--data DIR` over it.
//! One loader for the shell and the dashboard, so both place officers alike.

use std::fmt;
use std::path::{Path, PathBuf};

use super::designations::{Designations, TableError};
use crate::catalogue::Catalogue;

/// The file name a cell's table has inside its data directory (the
/// catalogue tells it from a rulebook by this name).
pub const CELL_TABLE: &str = crate::catalogue::sources::DESIGNATIONS_FILE;

#[derive(Debug)]
pub enum CellTableError {
    /// The built-in table is broken (a packaging fault).
    Builtin(TableError),
    Unreadable {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The cell's table, with its file and line.
    Invalid(TableError),
}

impl fmt::Display for CellTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellTableError::Builtin(e) => write!(f, "{e}"),
            CellTableError::Unreadable { path, error } => {
                write!(f, "{}: cannot read it: {error}", path.display())
            }
            CellTableError::Invalid(e) => write!(f, "the data file {e}"),
        }
    }
}

impl std::error::Error for CellTableError {}

/// The built-in designations, with `DIR/designations.toml` over them when
/// `data` names a directory that has one.
pub fn designations(
    catalogue: &Catalogue,
    data: Option<&Path>,
) -> Result<Designations, CellTableError> {
    let mut table = Designations::builtin(catalogue).map_err(CellTableError::Builtin)?;
    if let Some(path) = data.map(|d| d.join(CELL_TABLE)).filter(|p| p.is_file()) {
        let text = std::fs::read_to_string(&path).map_err(|error| CellTableError::Unreadable {
            path: path.clone(),
            error,
        })?;
        table
            .add_overriding(&path.display().to_string(), &text, catalogue)
            .map_err(CellTableError::Invalid)?;
    }
    Ok(table)
}
