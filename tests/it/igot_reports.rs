//! The portal's report readers on realistic files: the three header
//! generations of ConsumptionReport.csv read to the same rows, an Excel
//! re-save (BOM, CRLF, `;`, an extra `mdoid`) too, and a bad row is named
//! with file, line and column while the rest of the file is still read.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use karmadash::igot::values::CellError;
use karmadash::igot::{self, ConsumptionRow, Progress, ReportError, ReportKind, ReportProblem};
use karmadash::units::duration::{DurationError, DurationForm};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures")
        .join(name)
}

fn consumption(name: &str) -> Vec<Result<ConsumptionRow, ReportError>> {
    let file = File::open(fixture(name)).expect("fixture");
    igot::read_consumption(name, file)
        .expect("header")
        .collect()
}

fn consumption_text(name: &str, text: &str) -> Vec<Result<ConsumptionRow, ReportError>> {
    igot::read_consumption(name, text.as_bytes())
        .expect("header")
        .collect()
}

/// What does not depend on the generation: generation 1 has no
/// Live_CBP_Plan_Mandate column, and only the Excel re-save has the
/// trailing `mdoid` (read where present).
fn comparable(rows: Vec<Result<ConsumptionRow, ReportError>>) -> Vec<ConsumptionRow> {
    rows.into_iter()
        .map(|r| {
            let mut r = r.expect("every fixture row reads");
            r.in_live_plan = None;
            r.mdoid = None;
            r
        })
        .collect()
}

#[test]
fn three_generations_and_an_excel_resave_read_to_the_same_rows() {
    let current = comparable(consumption("consumption-gen3.csv"));
    assert_eq!(current.len(), 9);
    for other in [
        "consumption-gen2.csv",
        "consumption-gen1.csv",
        "consumption-excel.csv",
    ] {
        assert_eq!(comparable(consumption(other)), current, "{other}");
    }
}

#[test]
fn a_row_reads_as_the_portal_wrote_it() {
    let rows = comparable(consumption("consumption-gen1.csv"));
    let first = &rows[0];
    assert_eq!(first.line, 2);
    assert_eq!(first.name, "Anjali Kumari");
    assert_eq!(first.email.as_deref(), Some("anjali.kumari@bihar.gov.in"));
    assert_eq!(first.external_id.as_deref(), Some("BR-HR-1041"));
    assert_eq!(first.content, "Leadership Skills for Professionals");
    assert_eq!(first.duration, Some(2 * 3600 + 42 * 60));
    assert_eq!(first.progress, Progress::Completed);
    assert_eq!(
        first.completed_on.map(|t| t.to_string()).as_deref(),
        Some("2025-06-20 18:02:11")
    );
    assert_eq!(first.certificate.as_deref(), Some("a1b2c3d4-0001"));
    assert_eq!(
        first.organisation.as_deref(),
        Some("General Administration Department, Bihar")
    );
    // Hours past 99, a marketplace row's numeric status, a Program.
    assert_eq!(rows[5].duration, Some(132 * 3600 + 5 * 60));
    assert_eq!(rows[6].progress, Progress::Completed);
    assert_eq!(rows[6].batch, None, "Not Available is no batch");
    assert!(!rows[6].is_course() && !rows[3].is_course() && rows[0].is_course());
    assert_eq!(rows[7].duration, None, "an empty duration is unknown");
    assert_eq!(rows[8].progress, Progress::NotStarted);
}

#[test]
fn bad_rows_are_named_with_file_line_and_column_and_reading_goes_on() {
    let text = "Full_Name,Email,Content_Name,Content_Duration,Status,Completed_On\n\
        A,a@x.in,Course One,01:00:00,completed,2025-06-01 10:00:00\n\
        B,b@x.in,Course Two,1:75:00,completed,2025-06-01 10:00:00\n\
        C,c@x.in,Course Three,01:00:00,finished,2025-06-01 10:00:00\n\
        D,d@x.in,Course Four,01:00:00,completed,\n\
        E,e@x.in,Course Five,01:00:00,completed,31/02/2026\n\
        F,f@x.in,,01:00:00,completed,2025-06-01 10:00:00\n\
        G,g@x.in,Course Seven,00:30:00,completed,2025-06-02 10:00:00\n";
    let rows = consumption_text("ConsumptionReport.csv", text);
    assert_eq!(rows.len(), 7, "every row is reported, none skipped");
    let errors: Vec<String> = rows
        .iter()
        .filter_map(|r| r.as_ref().err().map(ToString::to_string))
        .collect();
    let want = [
        "ConsumptionReport.csv:3: Content_Duration: '1:75:00' is not a duration",
        "ConsumptionReport.csv:4: Status: 'finished' is not a status",
        "ConsumptionReport.csv:5: Completed_On: the row is completed but gives no completion date",
        "ConsumptionReport.csv:6: Completed_On: '31/02/2026' is not a date",
        "ConsumptionReport.csv:7: Content_Name: the row names no content",
    ];
    assert_eq!(errors.len(), want.len(), "{errors:#?}");
    for (got, want) in errors.iter().zip(want) {
        assert!(got.starts_with(want), "{got}\n  wanted: {want}");
    }
    // A program matches what went wrong, with the cell as written.
    let problems: Vec<ReportProblem> = rows
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| (*e.problem).clone()))
        .collect();
    assert_eq!(
        problems,
        [
            ReportProblem::Cell(CellError::Duration(DurationError::NotADuration {
                typed: "1:75:00".into(),
                form: DurationForm::Report,
            })),
            ReportProblem::Cell(CellError::Status("finished".into())),
            ReportProblem::CompletedUndated,
            ReportProblem::Cell(CellError::Timestamp("31/02/2026".into())),
            ReportProblem::NoContent,
        ]
    );
    let good: Vec<u64> = rows
        .iter()
        .filter_map(|r| r.as_ref().ok().map(|r| r.line))
        .collect();
    assert_eq!(good, [2, 8]);
}

#[test]
fn a_header_without_the_needed_columns_is_refused_at_line_one() {
    let err = igot::read_consumption(
        "x.csv",
        "Full_Name,Email,Status\nA,a@x.in,completed\n".as_bytes(),
    )
    .err()
    .expect("no Content_Name column");
    assert_eq!(err.line, 1);
    assert!(err.to_string().contains("Content_Name"), "{err}");
    assert!(
        matches!(
            *err.problem,
            ReportProblem::NoColumn {
                column: "Content_Name",
                ..
            }
        ),
        "{err:?}"
    );
    let twice = igot::read_consumption(
        "x.csv",
        "Full_Name,Content_Name,Status,Content_Name\n".as_bytes(),
    )
    .err()
    .expect("two content-name columns");
    assert!(twice.to_string().contains("twice"), "{twice}");
    assert_eq!(
        *twice.problem,
        ReportProblem::ColumnTwice {
            column: "Content_Name"
        }
    );
}

#[test]
fn a_line_without_end_is_refused_not_read_into_memory() {
    let mut text = String::from("Full_Name,Content_Name,Status,Completed_On\nA,");
    text.push_str(&"x".repeat(3 << 20));
    let rows = consumption_text("huge.csv", &text);
    assert_eq!(rows.len(), 1, "one error, then the file ends");
    let err = rows[0].as_ref().expect_err("an overlong line");
    assert!(err.to_string().contains("longer than"), "{err}");
    assert!(err.whole_file, "the file is refused whole");
    assert_eq!(err.line, 2, "at its true line: {err}");
    assert!(
        matches!(*err.problem, ReportProblem::Overlong { .. }),
        "{err:?}"
    );
}

#[test]
fn the_kind_of_report_is_told_from_its_header() {
    for (name, want) in [
        ("consumption-gen1.csv", ReportKind::Consumption),
        ("consumption-gen3.csv", ReportKind::Consumption),
        ("consumption-excel.csv", ReportKind::Consumption),
        ("users.csv", ReportKind::Users),
        ("enrolments.csv", ReportKind::Enrolments),
    ] {
        let mut input = BufReader::new(File::open(fixture(name)).unwrap());
        assert_eq!(ReportKind::sniff(name, &mut input), Ok(want), "{name}");
    }
    let mut other = BufReader::new("title,tier\nA,b\n".as_bytes());
    assert!(ReportKind::sniff("courses.csv", &mut other).is_err());
}

#[test]
fn user_and_enrolment_reports_read_service_batch_and_due_dates() {
    let users: Vec<_> = igot::read_users("users.csv", File::open(fixture("users.csv")).unwrap())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(users.len(), 3);
    assert_eq!(
        users[0].service.as_deref(),
        Some("Bihar Administrative Service")
    );
    assert_eq!(users[0].batch, Some(2016));
    assert_eq!(users[0].employee_id.as_deref(), Some("E1041"));
    assert_eq!(
        users[2].registered.map(|d| d.to_string()).as_deref(),
        Some("2026-03-25")
    );

    let plan: Vec<_> = igot::read_enrolments(
        "enrolments.csv",
        File::open(fixture("enrolments.csv")).unwrap(),
    )
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap();
    assert_eq!(plan.len(), 3);
    assert_eq!(plan[0].course, "Effective Communication");
    assert_eq!(
        plan[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-03-31")
    );
    assert_eq!(plan[2].progress, Some(Progress::Completed));
    assert_eq!(plan[0].for_apar, Some(true));
}

#[test]
fn personal_columns_are_never_read() {
    // The readers keep no field for them: a row's debug text carries none
    // of the fixture's phone numbers, genders or categories.
    for row in comparable(consumption("consumption-gen3.csv")) {
        let text = format!("{row:?}");
        for secret in ["98765", "Female", "Male", "OBC", "General\""] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

#[test]
fn crlf_and_a_quoted_last_cell_read_clean() {
    let text = "\u{feff}Full_Name,Content_Name,Status,Completed_On,Certificate_ID\r\n\
        \"Kumar, Ravi\",\"Noting and Drafting\",completed,2025-06-01 10:00:00,\"C-1\"\r\n\
        B,\"Office Procedure\",in-progress,,\"\"\r\n";
    let rows: Vec<ConsumptionRow> = consumption_text("crlf.csv", text)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("both rows read");
    assert_eq!(rows[0].name, "Kumar, Ravi");
    assert_eq!(rows[0].certificate.as_deref(), Some("C-1"));
    assert_eq!(rows[1].certificate, None);
    assert_eq!((rows[0].line, rows[1].line), (2, 3));
}
