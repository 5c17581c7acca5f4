//! Reading a directory of extra data files (`--data DIR`).

use std::path::{Path, PathBuf};

use super::load::Source;
use super::load_error::{Cause, LoadError, LoadProblem};
use super::model::Origin;
use super::{builtin, cache, load, Catalogue};

pub(super) fn io_error(path: &Path, e: std::io::Error) -> LoadError {
    let origin = Origin {
        file: path.display().to_string(),
        line: 0,
    };
    LoadError::new(origin, LoadProblem::Unreadable(Cause::new(e)))
}

/// A data file's bytes as text, or the line of its first byte that is not
/// UTF-8 (an editor saving in a legacy code page is the usual cause).
fn utf8_text(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
        let origin = Origin {
            file: path.display().to_string(),
            line,
        };
        LoadError::new(origin, LoadProblem::NotUtf8 { byte: bytes[valid] })
    })
}

/// What a `*.toml` in a data directory is, told apart by its name alone:
/// one rule for every file that is not a rulebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFile {
    Rulebook,
    /// `aliases.toml`: titles that name one course.
    Aliases,
    /// `designations.toml`: the cell's designations, read by the roster.
    Designations,
}

/// The file name of a cell's designations table in its data directory.
pub const DESIGNATIONS_FILE: &str = "designations.toml";

impl DataFile {
    pub fn of(file_name: &str) -> DataFile {
        match file_name {
            "aliases.toml" => DataFile::Aliases,
            DESIGNATIONS_FILE => DataFile::Designations,
            _ => DataFile::Rulebook,
        }
    }
}

/// The texts of the rulebooks and aliases (built-in and `dir`'s `*.toml`),
/// and the course CSVs of `dir` still to read, in name order.
pub(super) struct DirSources {
    /// The directory as this run spells it (the sources' names start so).
    pub dir: PathBuf,
    pub rulebooks: Vec<Source>,
    pub aliases: Vec<Source>,
    pub csvs: Vec<PathBuf>,
}

impl DirSources {
    pub fn read(dir: &Path) -> Result<DirSources, LoadError> {
        let mut rulebooks: Vec<Source> = builtin::RULEBOOKS
            .iter()
            .map(|(name, text)| Source::new(*name, *text))
            .collect();
        let mut aliases = vec![Source::new(builtin::ALIASES.0, builtin::ALIASES.1)];
        let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
        let (mut paths, mut csvs): (Vec<_>, Vec<_>) = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml" || x == "csv"))
            .partition(|p| p.extension().is_some_and(|x| x == "toml"));
        paths.sort();
        csvs.sort();
        for path in paths {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let role = DataFile::of(name);
            // The roster reads the designations table itself.
            if role == DataFile::Designations {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            let text = utf8_text(&path, bytes)?;
            let source = Source::new(path.display().to_string(), text);
            if role == DataFile::Aliases {
                aliases.push(source);
            } else {
                rulebooks.push(source);
            }
        }
        Ok(DirSources {
            dir: dir.to_path_buf(),
            rulebooks,
            aliases,
            csvs,
        })
    }

    /// The directory's own files (not the built-in ones): each name as
    /// this run spells it, and the file's name in the directory (which
    /// does not depend on how `--data` was spelled).
    pub fn own_names(&self) -> Vec<(String, String)> {
        let rulebooks = self.rulebooks.iter().skip(builtin::RULEBOOKS.len());
        let aliases = self.aliases.iter().skip(1);
        rulebooks
            .chain(aliases)
            .map(|s| s.name.clone())
            .chain(self.csvs.iter().map(|p| p.display().to_string()))
            .map(|spelled| {
                let name = Path::new(&spelled)
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                (spelled, name)
            })
            .collect()
    }

    /// The catalogue of the rulebooks and aliases, without the CSVs.
    pub fn build_rulebooks(&self) -> Result<Catalogue, LoadError> {
        load::build(&self.rulebooks, &self.aliases)
    }
}

/// The built-in catalogue plus every `*.toml` in `dir`: `aliases.toml` adds
/// aliases, `designations.toml` is left to the roster, any other file is a
/// rulebook (same id: replaces the built-in).
/// Then every `*.csv`: large course lists (see `course_csv` for the columns).
pub fn load_with_dir(dir: Option<&Path>) -> Result<Catalogue, LoadError> {
    let Some(dir) = dir else {
        return Catalogue::builtin();
    };
    let sources = DirSources::read(dir)?;
    let mut catalogue = sources.build_rulebooks()?;
    for path in &sources.csvs {
        super::course_csv::add_file(&mut catalogue, path)?;
    }
    Ok(catalogue)
}

/// `load_with_dir`, with what the course CSVs add kept in a compiled cache
/// under `cache_dir` (see `cache`); the same catalogue either way.
pub fn load_with_dir_cached(
    dir: Option<&Path>,
    cache_dir: Option<&Path>,
) -> Result<Catalogue, LoadError> {
    load_with_dir_cached_and(dir, cache_dir, None)
}

/// `load_with_dir_cached`, keeping `extra`'s sections in the cache when it
/// is written (the search index).
pub fn load_with_dir_cached_and(
    dir: Option<&Path>,
    cache_dir: Option<&Path>,
    extra: Option<&dyn cache::Extra>,
) -> Result<Catalogue, LoadError> {
    match (dir, cache_dir) {
        (Some(dir), Some(cache_dir)) => cache::load(DirSources::read(dir)?, dir, cache_dir, extra),
        _ => load_with_dir(dir),
    }
}
