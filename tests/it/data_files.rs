//! Every data file in `data/` is compiled into the binary: a file added to
//! `data/` but not to `src/catalogue/builtin.rs` would be dropped silently.

use std::collections::BTreeSet;
use std::path::Path;

fn data_files() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
        .collect()
}

fn builtin_rs() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/catalogue/builtin.rs");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_data_file_is_built_in() {
    let files = data_files();
    assert!(
        files.contains("aliases.toml"),
        "data/ has the alias table: {files:?}"
    );
    assert!(files.len() >= 7, "the five seed orders and more: {files:?}");
    let builtin = builtin_rs();
    let missing: Vec<&String> = files
        .iter()
        .filter(|name| {
            !(builtin.contains(&format!("include_str!(\"../../data/{name}\")"))
                && builtin.contains(&format!("\"data/{name}\"")))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "data files not listed (with include_str! and their shown name) in src/catalogue/builtin.rs: {missing:?}"
    );
}

#[test]
fn builtin_names_no_file_that_is_not_in_data() {
    let files = data_files();
    let builtin = builtin_rs();
    let included: Vec<&str> = builtin
        .split("include_str!(\"../../data/")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert_eq!(
        included.len(),
        files.len(),
        "one include_str! per data file: {included:?} vs {files:?}"
    );
    for name in &included {
        assert!(files.contains(*name), "{name} is included but not in data/");
    }
    let unique: BTreeSet<&&str> = included.iter().collect();
    assert_eq!(unique.len(), included.len(), "a file is included twice");
}
