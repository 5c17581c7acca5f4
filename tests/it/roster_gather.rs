//! Gathering the portal's reports into officers: one identity across
//! reports and generations, one completion per course whatever the
//! batches, flags that never change a count, and nothing personal kept.

use std::fs::File;
use std::path::PathBuf;

use karmadash::catalogue::{Catalogue, Service};
use karmadash::igot;
use karmadash::roster::{FlagKind, Gathered, Gathering, Officer};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures")
        .join(name)
}

fn gather(consumption: &str, with_users: bool) -> Gathered {
    let catalogue = Catalogue::builtin().unwrap();
    let mut g = Gathering::new(&catalogue);
    let rows =
        igot::read_consumption(consumption, File::open(fixture(consumption)).unwrap()).unwrap();
    for row in rows {
        match row {
            Ok(r) => g.consumption(consumption, r),
            Err(e) => g.reject(e),
        }
    }
    if with_users {
        for u in igot::read_users("users.csv", File::open(fixture("users.csv")).unwrap()).unwrap() {
            g.user("users.csv", u.unwrap());
        }
        for e in igot::read_enrolments(
            "enrolments.csv",
            File::open(fixture("enrolments.csv")).unwrap(),
        )
        .unwrap()
        {
            g.enrolment("enrolments.csv", e.unwrap());
        }
    }
    g.finish()
}

fn officer<'a>(g: &'a Gathered, id: &str) -> &'a Officer {
    g.officers
        .iter()
        .find(|o| o.id.0 == id)
        .unwrap_or_else(|| panic!("no officer {id}"))
}

/// What a completion counts with: course, date, seconds.
type Counted = (String, chrono::NaiveDate, u32);

#[test]
fn every_generation_gathers_to_the_same_officers() {
    let current = gather("consumption-gen3.csv", false);
    let strip = |g: Gathered| -> Vec<(String, Vec<Counted>)> {
        g.officers
            .into_iter()
            .map(|o| {
                (
                    o.id.0,
                    o.completions
                        .into_iter()
                        .map(|c| (c.course, c.date, c.seconds))
                        .collect(),
                )
            })
            .collect()
    };
    let want = strip(gather("consumption-gen3.csv", false));
    assert_eq!(current.officers.len(), 3);
    for other in [
        "consumption-gen1.csv",
        "consumption-gen2.csv",
        "consumption-excel.csv",
    ] {
        assert_eq!(strip(gather(other, false)), want, "{other}");
    }
}

#[test]
fn one_completion_per_course_whatever_the_batches_traced_to_rows() {
    let g = gather("consumption-gen3.csv", false);
    let anjali = officer(&g, "anjali.kumari@bihar.gov.in");
    let yuva: Vec<_> = anjali
        .completions
        .iter()
        .filter(|c| c.title == "Yuva AI for All")
        .collect();
    assert_eq!(yuva.len(), 1, "two batches, one completion");
    assert_eq!(
        yuva[0].date.to_string(),
        "2025-07-03",
        "the earlier one counts"
    );
    assert_eq!(yuva[0].seconds, 4 * 3600 + 15 * 60 + 30);
    assert_eq!(yuva[0].source.to_string(), "consumption-gen3.csv:3");
    assert_eq!(yuva[0].also.len(), 1);
    assert_eq!(yuva[0].also[0].line, 4);
    assert!(yuva[0].in_catalogue);
    // A Program adds no hours by itself, as the portal counts.
    let programme = anjali
        .completions
        .iter()
        .find(|c| c.content_type.as_deref() == Some("Program"))
        .unwrap();
    assert_eq!(programme.seconds, 0);
    // In progress is not a completion.
    assert!(!anjali
        .completions
        .iter()
        .any(|c| c.title == "Effective Communication"));
    assert_eq!(anjali.completions.len(), 3);
}

#[test]
fn flags_name_the_row_and_never_change_a_count() {
    let g = gather("consumption-gen3.csv", false);
    let ravi = officer(&g, "ravi.prasad@bihar.gov.in");
    let kinds: Vec<FlagKind> = ravi.flags.iter().map(|f| f.kind).collect();
    assert!(kinds.contains(&FlagKind::TooFast), "{:?}", ravi.flags);
    assert!(kinds.contains(&FlagKind::NoDuration), "{:?}", ravi.flags);
    let fast = ravi
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::TooFast)
        .unwrap();
    assert!(
        fast.text.contains("consumption-gen3.csv:8"),
        "{}",
        fast.text
    );
    // The too-fast completion is still a completion.
    assert!(ravi
        .completions
        .iter()
        .any(|c| c.title == "Cyber Security Basics (Coursera)"));
    let imran = officer(&g, "imran.alam@bihar.gov.in");
    assert!(imran.completions.is_empty() && imran.flags.is_empty());
}

#[test]
fn the_user_report_gives_service_batch_and_registration_and_the_plan_its_courses() {
    let g = gather("consumption-gen3.csv", true);
    let anjali = officer(&g, "anjali.kumari@bihar.gov.in");
    assert_eq!(anjali.service, Some(Service::Bas));
    assert_eq!(anjali.batch, Some(2016));
    assert_eq!(
        anjali.registered.map(|d| d.to_string()).as_deref(),
        Some("2025-03-10")
    );
    assert_eq!(anjali.assignments.len(), 1);
    assert_eq!(
        anjali.assignments[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-03-31")
    );
    assert_eq!(
        officer(&g, "imran.alam@bihar.gov.in").service,
        Some(Service::Bss)
    );
    assert_eq!(g.officers.len(), 3, "the same three officers, by e-mail");
}

#[test]
fn a_duration_conflict_is_a_fact_to_show() {
    let text = "Full_Name,Email,Content_Name,Content_Duration,Status,Completed_On\n\
        A,a@x.in,Project Management,00:15:00,completed,2025-06-01 10:00:00\n\
        B,b@x.in,Project Management,02:00:00,completed,2025-06-02 10:00:00\n\
        C,,Project Management,02:00:00,completed,2025-06-02 10:00:00\n";
    let catalogue = Catalogue::builtin().unwrap();
    let mut g = Gathering::new(&catalogue);
    for row in igot::read_consumption("pm.csv", text.as_bytes()).unwrap() {
        g.consumption("pm.csv", row.unwrap());
    }
    let g = g.finish();
    assert_eq!(g.durations.len(), 2, "both durations kept");
    let a = officer(&g, "a@x.in");
    assert_eq!(
        a.completions[0].seconds,
        15 * 60,
        "each row's own duration counts"
    );
    assert!(
        a.flags.iter().any(|f| f.kind == FlagKind::DurationConflict
            && f.text.contains("00:15:00")
            && f.text.contains("02:00:00")),
        "{:?}",
        a.flags
    );
    assert_eq!(g.rejected.len(), 1, "a row with no officer is reported");
    assert!(
        g.rejected[0].to_string().starts_with("pm.csv:4:"),
        "{}",
        g.rejected[0]
    );
}

#[test]
fn nothing_personal_is_gathered() {
    let g = gather("consumption-gen3.csv", true);
    let text = format!("{:?}", g.officers);
    for secret in [
        "9876500001",
        "9876500002",
        "Female",
        "Male",
        "OBC",
        "\"General\"",
    ] {
        assert!(!text.contains(secret), "{secret} kept");
    }
}

fn evaluated(
    g: &Gathered,
    id: &str,
    fy: &str,
    today: &str,
) -> (Option<karmadash::rules::engine::Status>, Vec<FlagKind>) {
    use karmadash::roster::{designations::Designations, evaluate_officer, Defaults};
    let catalogue = Catalogue::builtin().unwrap();
    let designations = Designations::builtin(&catalogue).unwrap();
    let o = officer(g, id);
    let s = evaluate_officer(
        &catalogue,
        &designations,
        &Defaults::default(),
        o,
        fy.parse().unwrap(),
        today.parse().unwrap(),
    );
    (s.status, s.flags.iter().map(|f| f.kind).collect())
}

#[test]
fn each_officer_is_placed_by_designation_and_evaluated_by_the_engine() {
    let g = gather("consumption-gen3.csv", true);
    let (status, _) = evaluated(&g, "anjali.kumari@bihar.gov.in", "2025-26", "2026-04-20");
    let status = status.expect("Anjali is placed");
    assert_eq!(status.tier.id.as_deref(), Some("bas-basic-ac"));
    assert!(
        status.tier.basis.to_string().contains("Deputy Collector"),
        "{}",
        status.tier.basis
    );
    assert!(!status.requirements.is_empty());
    let (status, _) = evaluated(&g, "imran.alam@bihar.gov.in", "2026-27", "2026-04-20");
    assert_eq!(
        status.expect("Imran is placed").tier.id.as_deref(),
        Some("bss-aso-us")
    );
}

#[test]
fn an_officer_with_no_tier_is_flagged_unmapped_not_guessed() {
    let text = "Full_Name,Designation,Email,Content_Name,Content_Duration,Status,Completed_On\n\
        A,District Magistrate,a@x.in,Yuva AI for All,01:00:00,completed,2026-06-01 10:00:00\n\
        B,Joint Secretary,b@x.in,Yuva AI for All,01:00:00,completed,2026-06-01 10:00:00\n";
    let catalogue = Catalogue::builtin().unwrap();
    let mut gathering = Gathering::new(&catalogue);
    for row in igot::read_consumption("u.csv", text.as_bytes()).unwrap() {
        gathering.consumption("u.csv", row.unwrap());
    }
    let g = gathering.finish();
    for id in ["a@x.in", "b@x.in"] {
        let (status, flags) = evaluated(&g, id, "2026-27", "2026-11-23");
        assert!(status.is_none(), "{id} has no tier");
        assert_eq!(flags, [FlagKind::Unmapped], "{id}");
    }
}

/// The FY each completion of a one-officer report falls in.
fn fy_of_each(text: &str) -> Vec<(String, String)> {
    let catalogue = Catalogue::builtin().unwrap();
    let mut g = Gathering::new(&catalogue);
    for row in igot::read_consumption("ist.csv", text.as_bytes()).unwrap() {
        g.consumption("ist.csv", row.unwrap());
    }
    let g = g.finish();
    let mut got: Vec<(String, String)> = g.officers[0]
        .completions
        .iter()
        .map(|c| {
            let fy = karmadash::rules::fy::FinancialYear::containing(c.date);
            (c.title.clone(), fy.to_string())
        })
        .collect();
    got.sort();
    got
}

/// `Completed_On` is IST, as the portal writes it: read as UTC, the first
/// row would move to 1 April (and 132 h of a real cell moved years).
#[test]
fn completed_on_is_read_as_ist_at_the_financial_year_boundary() {
    let text = "Full_Name,Email,Content_Name,Content_Duration,Status,Completed_On\n\
        A,a@x.in,Course Before,01:00:00,completed,2026-03-31 23:00:00\n\
        A,a@x.in,Course After,01:00:00,completed,2026-04-01 00:30:00\n\
        A,a@x.in,Course In Utc,01:00:00,completed,2026-03-31T20:00:00Z\n";
    assert_eq!(
        fy_of_each(text),
        [
            ("Course After".to_string(), "2026-27".to_string()),
            ("Course Before".to_string(), "2025-26".to_string()),
            ("Course In Utc".to_string(), "2026-27".to_string()),
        ]
    );
}

/// `too-fast` is strictly under a tenth of the duration: 600 s of a
/// 6,000 s course is not flagged, 599 s is.
#[test]
fn too_fast_is_under_exactly_a_tenth_of_the_duration() {
    let text = "Full_Name,Email,Content_Name,Content_Duration,Enrolled_On,Status,Completed_On\n\
        A,a@x.in,Under,01:40:00,2026-05-01 10:00:00,completed,2026-05-01 10:09:59\n\
        B,b@x.in,Exactly,01:40:00,2026-05-01 10:00:00,completed,2026-05-01 10:10:00\n\
        C,c@x.in,Over,01:40:00,2026-05-01 10:00:00,completed,2026-05-01 10:10:01\n";
    let catalogue = Catalogue::builtin().unwrap();
    let mut g = Gathering::new(&catalogue);
    for row in igot::read_consumption("fast.csv", text.as_bytes()).unwrap() {
        g.consumption("fast.csv", row.unwrap());
    }
    let g = g.finish();
    let fast = |id: &str| {
        officer(&g, id)
            .flags
            .iter()
            .any(|f| f.kind == FlagKind::TooFast)
    };
    assert!(fast("a@x.in"), "599 s of 6,000 s is under a tenth");
    assert!(!fast("b@x.in"), "exactly a tenth is not flagged");
    assert!(!fast("c@x.in"));
    let a = officer(&g, "a@x.in");
    assert_eq!(a.completions[0].seconds, 6000, "the flag changes no count");
    let said = &a.flags[0].text;
    assert!(
        said.contains("\"Under\" completed 599 s after enrolment, under a tenth of its 01:40:00"),
        "{said}"
    );
}
