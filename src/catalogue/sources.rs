//! Reading a directory of extra data files (`--data DIR`).

use std::path::Path;

use super::load::{LoadError, Source};
use super::model::Origin;
use super::{builtin, load, Catalogue};

fn io_error(path: &Path, e: std::io::Error) -> LoadError {
    LoadError {
        origin: Origin {
            file: path.display().to_string(),
            line: 0,
        },
        message: format!("cannot read it: {e}"),
    }
}

/// The built-in catalogue plus every `*.toml` in `dir`: `aliases.toml` adds
/// aliases, any other file is a rulebook (same id: replaces the built-in).
/// Then every `*.csv`: large course lists (see `course_csv` for the columns).
pub fn load_with_dir(dir: Option<&Path>) -> Result<Catalogue, LoadError> {
    let Some(dir) = dir else {
        return Catalogue::builtin();
    };
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
        let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
        let source = Source::new(path.display().to_string(), text);
        if path.file_name().is_some_and(|n| n == "aliases.toml") {
            aliases.push(source);
        } else {
            rulebooks.push(source);
        }
    }
    let mut catalogue = load::build(&rulebooks, &aliases)?;
    for path in csvs {
        super::course_csv::add_file(&mut catalogue, &path)?;
    }
    Ok(catalogue)
}
