//! Every printed row of the seed orders survives into `karmadash courses`:
//! the IAS list of 16.10.2025 (seed 000) and seed 002's Schedules A and B,
//! with their defects marked and each listing pointing at its line.

use crate::catalogue_fixtures;

use catalogue_fixtures::seed_rows::*;
use catalogue_fixtures::*;

// ---------------------------------------------------------------------------
// courses: the IAS list

#[test]
fn ias_10_16_lists_the_six_courses_of_the_letter_unclassified() {
    let rows = listings(&["--tier", "ias-10-16"]);
    let got: Vec<(u32, &str, &str)> = rows
        .iter()
        .map(|l| (l.row, l.status.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "mandatory", "Noting and Drafting"),
            (2, "mandatory", "Public Policy Writing"),
            (3, "mandatory", "GenAI for Everyone"),
            (4, "optional", "Preparation of Cabinet Notes"),
            (5, "optional", "Cybersecurity"),
            (6, "optional", "Evidence in Public Policy"),
        ]
    );
    for l in &rows {
        assert_eq!(l.tier, "ias-10-16");
        assert!(
            l.competencies.is_empty(),
            "the letter gives no competency: {l:?}"
        );
        assert_eq!(l.rulebook, "dopt-ias-list-2025-10-16");
        assert_eq!(l.defect, None);
        let (file, line) = split_source(&l.source);
        assert_eq!(file, "data/dopt-ias-list-2025-10-16.toml");
        assert!(
            line_of(file, line).contains(&format!("\"{}\"", l.title)),
            "{} does not point at the row of {:?}",
            l.source,
            l.title
        );
    }
    // The text view says so instead of leaving the column blank.
    let text = ok(&["courses", "--tier", "ias-10-16"]);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("ias-10-16/"))
        .collect();
    assert_eq!(rows.len(), 6, "{text}");
    assert!(rows.iter().all(|l| l.contains("unclassified")), "{text}");
    assert!(!text.contains("bas-js-ss"), "only the asked tier:\n{text}");
}

#[test]
fn every_ias_tier_matches_the_letter() {
    let rows = listings(&[]);
    let got: Vec<(&str, u32, &str, &str)> = rows
        .iter()
        .filter(|l| l.rulebook == "dopt-ias-list-2025-10-16")
        .map(|l| (l.tier.as_str(), l.row, l.status.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(got, IAS_LIST);
    assert!(rows
        .iter()
        .filter(|l| l.tier.starts_with("ias-"))
        .all(|l| l.competencies.is_empty()));
}

#[test]
fn competency_filter_never_guesses_for_unclassified_courses() {
    for k in ["behavioural", "functional", "domain"] {
        assert!(
            listings(&["--tier", "ias-0-9", "--competency", k]).is_empty(),
            "IAS listings have no {k} competency"
        );
    }
    let text = ok(&["courses", "--tier", "ias-0-9", "--competency", "domain"]);
    assert!(text.contains("No listing matches"), "{text}");
}

// ---------------------------------------------------------------------------
// courses: every row of seed 002 survives

#[test]
fn schedule_a_of_every_bihar_tier_matches_the_seed() {
    assert_table("bas-js-ss", "mandatory", BAS_JS_SS_MANDATORY);
    assert_table("bas-basic-ac", "mandatory", BAS_BASIC_AC_MANDATORY);
    assert_table("bss-ds-js", "mandatory", BSS_DS_JS_MANDATORY);
    assert_table("bss-aso-us", "mandatory", BSS_ASO_US_MANDATORY);
    assert_table("bscs-udc-ldc", "mandatory", BSCS_UDC_LDC_MANDATORY);
}

#[test]
fn schedule_b_bas_joint_secretary_matches_the_seed() {
    assert_eq!(BAS_JS_SS_OPTIONAL.len(), 65);
    assert_table("bas-js-ss", "optional", BAS_JS_SS_OPTIONAL);
}

#[test]
fn schedule_b_bas_basic_grade_matches_the_seed() {
    assert_eq!(BAS_BASIC_AC_OPTIONAL.len(), 45);
    assert_table("bas-basic-ac", "optional", BAS_BASIC_AC_OPTIONAL);
}

#[test]
fn schedule_b_bss_deputy_secretary_matches_the_seed() {
    assert_eq!(BSS_DS_JS_OPTIONAL.len(), 24);
    assert_table("bss-ds-js", "optional", BSS_DS_JS_OPTIONAL);
}

#[test]
fn schedule_b_bss_aso_matches_the_seed() {
    assert_eq!(BSS_ASO_US_OPTIONAL.len(), 57);
    assert_table("bss-aso-us", "optional", BSS_ASO_US_OPTIONAL);
}

#[test]
fn schedule_b_udc_ldc_matches_the_seed() {
    assert_eq!(BSCS_UDC_LDC_OPTIONAL.len(), 12);
    assert_table("bscs-udc-ldc", "optional", BSCS_UDC_LDC_OPTIONAL);
}

#[test]
fn schedule_b_first_and_last_rows_and_counts() {
    // Redundant with the full tables above, but states the shape plainly.
    let cases = [
        (
            "bas-js-ss",
            65,
            (1, "Advanced Project Management"),
            (65, "Policy Design and Implementation"),
        ),
        (
            "bas-basic-ac",
            45,
            (1, "Active Listening Verbal Fluency"),
            (59, "Urban Governance"),
        ),
        (
            "bss-ds-js",
            24,
            (
                1,
                "Administrative Law A Foundation for Government Employees",
            ),
            (24, "Decentralizing Citizen Service Delivery"),
        ),
        (
            "bss-aso-us",
            57,
            (
                1,
                "ADMINISTRATIVE LAW A Foundation for Government Employees",
            ),
            (57, "Write Professional Emails in English"),
        ),
        (
            "bscs-udc-ldc",
            12,
            (1, "Effective Communication: Mastering Corporate Letters"),
            (12, "Fundamentals of Citizen-Centric Governance"),
        ),
    ];
    for (tier, count, first, last) in cases {
        let rows = table_of(tier, "optional");
        assert_eq!(rows.len(), count, "{tier}");
        let ends = [&rows[0], rows.last().unwrap()];
        assert_eq!((ends[0].0, ends[0].2.as_str()), first, "{tier} first row");
        assert_eq!((ends[1].0, ends[1].2.as_str()), last, "{tier} last row");
    }
}

#[test]
fn bas_basic_grade_optional_numbering_gaps_are_kept_not_renumbered() {
    let rows: BTreeSet<u32> = table_of("bas-basic-ac", "optional")
        .into_iter()
        .map(|(row, _, _)| row)
        .collect();
    let missing: Vec<u32> = (1..=59).filter(|n| !rows.contains(n)).collect();
    assert_eq!(
        missing,
        [2, 3, 6, 10, 13, 14, 18, 21, 24, 27, 34, 36, 47, 54]
    );
    assert_eq!(rows.iter().max(), Some(&59));
}

#[test]
fn source_defects_are_marked_on_their_listings() {
    let all = listings(&["--tier", "bas-js-ss"]);
    let by_id: HashMap<&str, &Listing> = all.iter().map(|l| (l.id.as_str(), l)).collect();
    for id in ["bas-js-ss/o52", "bas-js-ss/o62"] {
        let l = by_id[id];
        assert_eq!(l.defect.as_deref(), Some("editing-note"), "{l:?}");
        assert_eq!(l.course, None, "an editing note is no course: {l:?}");
    }
    // Repeated rows are shown, and both name one course.
    assert_eq!(by_id["bas-js-ss/o35"].course, by_id["bas-js-ss/o54"].course);
    assert_eq!(by_id["bas-js-ss/o5"].course, by_id["bas-js-ss/o64"].course);
    assert!(all
        .iter()
        .filter(|l| l.defect.is_none())
        .all(|l| l.course.is_some()));

    let truncated: Vec<(String, String)> = listings(&[])
        .into_iter()
        .filter(|l| l.defect.as_deref() == Some("truncated"))
        .map(|l| (l.id, l.title))
        .collect();
    assert_eq!(
        truncated,
        [
            ("bas-basic-ac/m8".to_string(), "Reduction".to_string()),
            (
                "bss-aso-us/o8".to_string(),
                "Data Analytics in the Public Sector with".to_string()
            ),
            (
                "bss-aso-us/o36".to_string(),
                "Reservation Policy Handling matters of".to_string()
            ),
        ]
    );

    let basic = listings(&["--tier", "bas-basic-ac", "--mandatory"]);
    let course = |row: u32| basic.iter().find(|l| l.row == row).unwrap().course.clone();
    assert_eq!(course(1), course(3));
    assert_eq!(course(7), course(12));
    let distinct: BTreeSet<_> = basic.iter().map(|l| l.course.clone()).collect();
    assert_eq!(distinct.len(), 13);
}

#[test]
fn listings_point_at_their_line_in_the_data_file() {
    for l in listings(&["--tier", "bss-aso-us"])
        .iter()
        .chain(&listings(&["--tier", "bscs-udc-ldc"]))
    {
        let (file, line) = split_source(&l.source);
        assert_eq!(file, "data/bihar-schedules-2026-05-15.toml");
        let text = line_of(file, line);
        assert!(
            text.contains(&format!("row = {},", l.row))
                && text.contains(&format!("\"{}\"", l.title)),
            "{} is `{text}`, not row {} {:?}",
            l.source,
            l.row,
            l.title
        );
    }
}

#[test]
fn devanagari_title_is_kept_and_aligned() {
    let l = listings(&["--tier", "bas-js-ss", "--optional"])
        .into_iter()
        .find(|l| l.row == 44)
        .unwrap();
    assert_eq!(l.title, "सेवा उत्कृष्टता / Service Excellence wrt citizens");
    assert_eq!(badge(&l.competencies), "BF-");

    // In the text table the TITLE column starts at the same display column
    // on the header and on every row, Devanagari or not.
    let text = ok(&["courses", "--tier", "bas-js-ss", "--optional"]);
    let header = text.lines().find(|l| l.starts_with("LISTING")).unwrap();
    let col = header.find("TITLE").unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("bas-js-ss/o44 "))
        .unwrap();
    let at = row.find("सेवा").expect("the Devanagari title is printed");
    assert_eq!(row[..at].width(), header[..col].width(), "{header}\n{row}");

    // The search table pads the Devanagari title by display width too.
    let text = ok(&["search", "सेवा"]);
    let header = text.lines().next().unwrap();
    let row = text.lines().find(|l| l.contains("सेवा")).unwrap();
    let tiers_col = header[..header.find("TIERS").unwrap()].width();
    let tier_at = row[..row.rfind("bas-js-ss").unwrap()].width();
    assert_eq!(tier_at, tiers_col, "\n{header}\n{row}");
}
