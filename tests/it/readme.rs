//! The README's `console` blocks, run against the real binary by trycmd:
//! the tour can never again show output the program doesn't give.
//! After a deliberate change of output: `TRYCMD=overwrite cargo test --test it readme::`,
//! then read the README's diff.

#[test]
fn readme_console_blocks_are_what_the_binary_prints() {
    // A fresh store and cache each run, and the tour's fixed date, as the
    // README's `export` line sets them.
    let home = tempfile::tempdir().expect("a temp dir");
    let db = home.path().join("karmadash-tour");
    trycmd::TestCases::new()
        .env("KARMADASH_DB", db.display().to_string())
        .env("KARMADASH_TODAY", "2026-11-23")
        .env(
            "XDG_CACHE_HOME",
            home.path().join("cache").display().to_string(),
        )
        .env(
            "XDG_DATA_HOME",
            home.path().join("data").display().to_string(),
        )
        .env("NO_COLOR", "1")
        .case("README.md");
}
