//! Shared by every integration test: the real binary isolated from the
//! caller's environment, on a store and a "today" of the test's choosing,
//! and the profile most tests start from. One copy of each, so a new
//! KARMADASH_* variable or a renamed flag is changed in one place.
#![allow(dead_code)] // each test file uses its own share

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use std::path::Path;

/// The binary without the caller's KARMADASH_DATA, KARMADASH_TODAY and
/// KARMADASH_DB (the global options read them), without colour, and in
/// English whatever the caller's locale (KARMADASH_LANG, LC_ALL,
/// LC_MESSAGES and LANG choose the language).
pub fn karmadash() -> Command {
    let mut cmd = cargo_bin_cmd!("karmadash");
    cmd.env_remove("KARMADASH_DATA")
        .env_remove("KARMADASH_TODAY")
        .env_remove("KARMADASH_DB")
        .env("NO_COLOR", "1");
    for v in LANGUAGE_VARIABLES {
        cmd.env_remove(v);
    }
    cmd
}

/// The variables that choose the interface's language.
pub const LANGUAGE_VARIABLES: [&str; 4] = ["KARMADASH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// The same on the store `db` as of `today`, both given as the variables,
/// so that a test may still pass `--db` or `--today` itself.
pub fn karmadash_on(db: &Path, today: &str) -> Command {
    let mut cmd = karmadash();
    cmd.env("KARMADASH_DB", db).env("KARMADASH_TODAY", today);
    cmd
}

/// The exit code, stdout and stderr of `karmadash ARGS` on `db` as of `today`.
pub fn run_on(db: &Path, today: &str, args: &[&str]) -> (i32, String, String) {
    let out = karmadash_on(db, today)
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `profile set` for a BAS officer of the basic grade in Bihar, tier set
/// by hand, with `extra` options after it (`--registered`, `--name`...).
pub fn bihar_bas<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "profile",
        "set",
        "--service",
        "bas",
        "--state",
        "bihar",
        "--tier",
        "bas-basic-ac",
    ];
    args.extend_from_slice(extra);
    args
}
