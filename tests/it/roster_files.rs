//! Report files that are not what they should be, through the real
//! binary: Excel's Windows-1252 "CSV" read as Excel wrote it (and said
//! once), and a line too long to be a report's refuses the whole file at
//! its true line instead of dropping the rows after it; a named pipe or a
//! device is refused at once, never waited on.

use crate::bin_fixtures::{karmadash_on, run_on as run};
use serde_json::Value;
use std::path::Path;

const TODAY: &str = "2026-11-23";

/// Excel's "Unicode Text" save is UTF-16 with tabs: said as such, with the
/// save that karmadash reads, never "not an iGOT report".
#[test]
fn a_utf16_unicode_text_save_is_named_with_the_save_to_use_instead() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let path = dir.path().join("ConsumptionReport.txt");
    let text = "Full_Name\tEmail\tContent_Name\tStatus\nAsha\ta@x.in\tYuva AI for All\tcompleted\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).unwrap();
    let file = path.display().to_string();
    let (code, out, err) = run(&db, TODAY, &["roster", "import", &file]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("UTF-16"), "{err}");
    assert!(err.contains("CSV UTF-8 (Comma delimited)"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(!db.exists(), "nothing was written");
}

#[test]
fn a_windows_1252_file_is_read_as_excel_wrote_it_and_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let path = dir.path().join("ConsumptionReport.csv");
    // Excel's "CSV (Comma delimited)": é is 0xE9, ’ is 0x92, – is 0x96.
    let mut bytes =
        b"Full_Name,Designation,Email,Content_Name,Content_Duration,Status,Completed_On\n".to_vec();
    bytes.extend(b"Ren\xe9e Kumari,Section Officer,renee@x.in,Citizen\x92s Charter \x96 Basics,01:00:00,completed,2026-06-01 10:00:00\n");
    bytes.extend(b"Ren\xe9e Kumari,Section Officer,renee@x.in,Yuva AI for All,02:00:00,completed,2026-06-02 10:00:00\n");
    bytes.extend(b"Ravi Prasad,Section Officer,ravi@x.in,Office Procedure,03:00:00,completed,2026-06-03 10:00:00\n");
    std::fs::write(&path, bytes).unwrap();
    let file = path.display().to_string();
    let (code, out, err) = run(&db, TODAY, &["roster", "import", &file]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out.matches("Windows-1252").count(),
        1,
        "said once for the file: {out}"
    );
    assert!(!err.contains("UTF-8"), "no line per row: {err}");
    let (code, show, _) = run(&db, TODAY, &["roster", "show", "renee@x.in"]);
    assert_eq!(code, 0);
    assert!(show.contains("Renée Kumari"), "{show}");
    assert!(show.contains("Citizen’s Charter – Basics"), "{show}");
    let (_, json, _) = run(
        &db,
        TODAY,
        &["roster", "import", "--dry-run", "--json", &file],
    );
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["reading"][0]["encoding"], "windows-1252", "{v}");
}

#[test]
fn a_line_over_a_mebibyte_refuses_the_file_at_its_true_line_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let path = dir.path().join("ConsumptionReport.csv");
    let mut text = String::from(
        "Full_Name,Designation,Email,Content_Name,Content_Duration,Status,Completed_On\n\
         A,Section Officer,a@x.in,Yuva AI for All,01:00:00,completed,2026-06-01 10:00:00\n\
         B,Section Officer,b@x.in,",
    );
    text.push_str(&"x".repeat(1 << 21));
    text.push_str(",01:00:00,completed,2026-06-01 10:00:00\n");
    text.push_str(
        "C,Section Officer,c@x.in,Office Procedure,01:00:00,completed,2026-06-01 10:00:00\n",
    );
    std::fs::write(&path, text).unwrap();
    let file = path.display().to_string();
    let (code, out, err) = run(&db, TODAY, &["roster", "import", &file]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains(&format!("{file}:3:")), "the true line: {err}");
    assert!(!err.contains(":0:"), "{err}");
    assert!(!err.contains("the rest was imported"), "{err}");
    assert!(err.contains("nothing"), "{err}");
    let (code, _, err) = run(&db, TODAY, &["roster"]);
    assert_eq!(code, 2, "nothing was imported: {err}");
}

/// A report Excel saved in a US locale: Windows-1252, month-first dates.
fn excel_us_report(dir: &Path, bad_row: bool) -> String {
    let path = dir.join("ConsumptionReport.csv");
    let mut bytes =
        b"Full_Name,Designation,Email,Content_Name,Content_Duration,Status,Completed_On\n".to_vec();
    bytes.extend(b"Ren\xe9e Kumari,Section Officer,renee@x.in,Yuva AI for All,02:00:00,completed,11/22/2026 7:30 AM\n");
    bytes.extend(b"Ravi Prasad,Section Officer,ravi@x.in,Office Procedure,03:00:00,completed,4/3/2026 10:00\n");
    if bad_row {
        bytes.extend(b"Ravi Prasad,Section Officer,ravi@x.in,Office Procedure,1:75:00,completed,4/3/2026 10:00\n");
    }
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// Known by its bytes before its rows are parsed (issue 20, target 3), a
/// file imported before is said as its first import said it: the same
/// files, rows, encoding and date order, under the name given now.
#[test]
fn a_file_imported_before_is_said_as_its_first_import_said_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = excel_us_report(dir.path(), false);
    let (code, first, err) = run(&db, TODAY, &["roster", "import", "--json", &file]);
    assert_eq!(code, 0, "{first}{err}");
    let first: Value = serde_json::from_str(&first).unwrap();
    for args in [
        vec!["roster", "import", "--json", &file],
        vec!["roster", "import", "--json", "--dry-run", &file],
    ] {
        let (code, again, err) = run(&db, TODAY, &args);
        assert_eq!(code, 0, "{again}{err}");
        let again: Value = serde_json::from_str(&again).unwrap();
        assert_eq!(again["already_imported"], 1, "{again}");
        assert_eq!(again["files"], first["files"]);
        assert_eq!(again["reading"], first["reading"]);
        assert_eq!(again["reading"][0]["encoding"], "windows-1252");
        assert_eq!(again["reading"][0]["date_order"], "month-first");
        assert_eq!(again["rejected"], Value::Array(vec![]));
        assert_eq!(again["added"], Value::Array(vec![]));
    }
    // In words too, under another name for the same bytes.
    let copy = dir.path().join("copy.csv");
    std::fs::copy(&file, &copy).unwrap();
    let copy = copy.display().to_string();
    let (code, text, _) = run(&db, TODAY, &["roster", "import", &copy]);
    assert_eq!(code, 0);
    assert_eq!(
        text,
        format!(
            "{copy}: consumption report, 2 rows\n  \
             read as Windows-1252, as Excel saves \"CSV (Comma delimited)\": the file is not UTF-8\n  \
             dates read month first (M/d/yyyy), as line 2 proves (Completed_On: 11/22/2026 7:30 AM)\n\
             These files are import 1 already: nothing changed.\n"
        )
    );
}

/// A file whose rows could not all be read, imported again: it is that
/// import already, nothing of it is imported, so no row is listed as
/// refused now and the exit code is 0.
#[test]
fn a_file_with_unreadable_rows_imported_before_is_that_import_and_lists_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = excel_us_report(dir.path(), true);
    let (code, _, first) = run(&db, TODAY, &["roster", "import", &file]);
    assert_eq!(code, 1, "{first}");
    assert!(first.contains(":4"), "the row's line: {first}");
    let (code, out, again) = run(&db, TODAY, &["roster", "import", &file]);
    assert_eq!(code, 0, "{out}{again}");
    assert!(out.contains("import 1 already"), "{out}");
    assert!(!again.contains("not imported"), "{again}");
}

#[test]
fn a_named_pipe_or_a_device_is_refused_at_once_by_both_report_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let fifo = dir.path().join("ConsumptionReport.csv");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let fifo = fifo.to_str().unwrap();
    for (args, kind) in [
        (vec!["roster", "import", fifo], "a named pipe"),
        (vec!["roster", "import", "/dev/zero"], "a device"),
        (
            vec!["import-igot", fifo, "--officer", "a@x.in"],
            "a named pipe",
        ),
        (
            vec!["import-igot", "/dev/zero", "--officer", "a@x.in"],
            "a device",
        ),
    ] {
        let out = karmadash_on(&db, TODAY)
            .args(&args)
            .timeout(std::time::Duration::from_secs(10))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} waited or passed: {err}"
        );
        assert!(
            err.contains(&format!("is {kind}, not a regular file")),
            "{args:?}: {err}"
        );
        assert!(!db.exists(), "{args:?} made a store");
    }
}
