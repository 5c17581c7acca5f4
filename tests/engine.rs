//! The compliance engine through the library API, against the built-in
//! catalogue: financial-year and half-year boundaries, IAS tiers by batch,
//! course identity (aliases, a course listed twice), the counting rule
//! (DOMAIN.md, "Counting"), the Bihar and Delhi orders, and properties over
//! random completion sets.

use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use karmadash::catalogue::{Catalogue, ListingStatus, Service};
use karmadash::rules::engine::{evaluate, Inputs, RequirementStatus, Standing, Status, Unit};
use karmadash::rules::fy::FinancialYear;
use karmadash::rules::record::{Assessment, Assignment, Completion, Profile};

// ---------------------------------------------------------------------------
// Helpers

fn cat() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::builtin().expect("the built-in catalogue loads"))
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

fn fy(s: &str) -> FinancialYear {
    s.parse().expect("a test FY")
}

fn profile(
    service: Service,
    state: Option<&str>,
    batch: Option<i32>,
    tier: Option<&str>,
) -> Profile {
    Profile {
        service,
        state: state.map(str::to_string),
        batch,
        tier: tier.map(str::to_string),
        name: None,
        registered: None,
    }
}

fn bas(tier: &str) -> Profile {
    profile(Service::Bas, Some("bihar"), None, Some(tier))
}

fn delhi_ias(batch: i32) -> Profile {
    profile(Service::Ias, Some("delhi"), Some(batch), None)
}

/// The catalogue key of a course named by title or alias (as `done` records it).
fn key(title: &str) -> String {
    let id = cat()
        .course_by_title(title)
        .unwrap_or_else(|| panic!("{title} is in the catalogue"));
    cat().courses[id].key().into_owned()
}

/// A completion of a catalogue course.
fn listed(id: u64, title: &str, date: &str, hours: u32) -> Completion {
    let cid = cat().course_by_title(title).expect("a listed course");
    Completion {
        id,
        course: cat().courses[cid].key().into_owned(),
        title: cat().courses[cid].title.clone(),
        in_catalogue: true,
        date: d(date),
        minutes: hours * 60,
        certificate: None,
    }
}

/// A completion of a course outside the lists (`done --other`).
fn other(id: u64, title: &str, date: &str, minutes: u32) -> Completion {
    Completion {
        id,
        course: karmadash::catalogue::identity::normalise(title),
        title: title.to_string(),
        in_catalogue: false,
        date: d(date),
        minutes,
        certificate: None,
    }
}

struct World {
    profile: Profile,
    completions: Vec<Completion>,
    assignments: Vec<Assignment>,
    assessments: Vec<Assessment>,
    today: NaiveDate,
}

impl World {
    fn new(profile: Profile, today: &str) -> World {
        World {
            profile,
            completions: Vec::new(),
            assignments: Vec::new(),
            assessments: Vec::new(),
            today: d(today),
        }
    }

    fn with(mut self, completions: Vec<Completion>) -> World {
        self.completions = completions;
        self
    }

    fn eval(&self, year: &str) -> Status {
        let inputs = Inputs {
            catalogue: cat(),
            profile: &self.profile,
            completions: &self.completions,
            assignments: &self.assignments,
            assessments: &self.assessments,
            today: self.today,
        };
        evaluate(&inputs, fy(year)).expect("the profile evaluates")
    }
}

fn of_kind<'a>(st: &'a Status, kind: &str) -> Vec<&'a RequirementStatus> {
    st.requirements.iter().filter(|r| r.kind == kind).collect()
}

fn one(st: &Status, kind: &str, rulebook: &str) -> RequirementStatus {
    let found: Vec<_> = st
        .requirements
        .iter()
        .filter(|r| r.kind == kind && r.rulebook == rulebook)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one {kind} from {rulebook} in {:#?}",
        st.requirements
    );
    found[0].clone()
}

fn hours(st: &Status) -> RequirementStatus {
    let h: Vec<_> = st
        .requirements
        .iter()
        .filter(|r| r.unit == Unit::Hours)
        .collect();
    assert_eq!(h.len(), 1, "one hours requirement: {:#?}", st.requirements);
    h[0].clone()
}

// ---------------------------------------------------------------------------
// Financial-year boundaries

#[test]
fn march_31_hours_belong_to_the_year_that_ends_not_the_one_that_starts() {
    // Hours apply to BAS from FY 2026-27 (Bihar order 4463 para 4).
    let w = World::new(bas("bas-basic-ac"), "2027-06-30").with(vec![
        listed(1, "Yuva AI for All", "2026-03-31", 5),
        listed(2, "Understanding Mission Karmayogi", "2026-04-01", 3),
        listed(
            3,
            "Reform Initiatives of Government of India",
            "2027-03-31",
            7,
        ),
        listed(
            4,
            "Public Policy Basics for Administrators",
            "2027-04-01",
            11,
        ),
    ]);
    let h = hours(&w.eval("2026-27"));
    assert_eq!(h.done, 10.0, "3 h of 01.04.2026 and 7 h of 31.03.2027");
    assert_eq!(h.counted, vec![2, 3]);
    let h = hours(&w.eval("2027-28"));
    assert_eq!(h.done, 11.0);
    assert_eq!(h.counted, vec![4]);
}

#[test]
fn march_31_counts_for_the_per_year_course_count_of_2025_26_and_april_1_does_not() {
    // Delhi OM para (i): at least one CCA-mandated course in FY 2025-26.
    let p = delhi_ias(2012);
    let on_31 = World::new(p.clone(), "2026-11-23").with(vec![listed(
        1,
        "GenAI for Everyone",
        "2026-03-31",
        4,
    )]);
    let r = one(
        &on_31.eval("2025-26"),
        "courses-by-date",
        "delhi-om-2026-01-02",
    )
    .clone();
    assert_eq!((r.done, r.target, r.met), (1.0, 1.0, true));
    assert_eq!(r.counted, vec![1]);

    let on_1 =
        World::new(p, "2026-11-23").with(vec![listed(1, "GenAI for Everyone", "2026-04-01", 4)]);
    let r = one(
        &on_1.eval("2025-26"),
        "courses-by-date",
        "delhi-om-2026-01-02",
    )
    .clone();
    assert_eq!((r.done, r.met), (0.0, false));
    assert!(r.counted.is_empty());
    assert_eq!(r.standing, Standing::Overdue, "due 31.03.2026, now past");
}

#[test]
fn bihar_three_courses_by_31_march_2026_count_that_day_but_not_the_next() {
    let mut w = World::new(bas("bas-basic-ac"), "2026-11-23").with(vec![
        listed(1, "Yuva AI for All", "2026-01-10", 2),
        other(2, "Some iGOT Course", "2026-02-10", 90),
        listed(3, "Understanding Mission Karmayogi", "2026-03-31", 1),
    ]);
    let r = one(
        &w.eval("2025-26"),
        "courses-by-date",
        "bihar-bas-order-2026-03-06",
    )
    .clone();
    assert_eq!((r.done, r.target, r.met), (3.0, 3.0, true));
    assert_eq!(r.due, Some(d("2026-03-31")));
    assert_eq!(r.counted, vec![1, 2, 3]);

    w.completions[2].date = d("2026-04-01");
    let r = one(
        &w.eval("2025-26"),
        "courses-by-date",
        "bihar-bas-order-2026-03-06",
    )
    .clone();
    assert_eq!((r.done, r.met), (2.0, false));
}

// ---------------------------------------------------------------------------
// Half years (Delhi: one programme of own choice every half year)

#[test]
fn september_30_closes_h1_and_october_1_opens_h2() {
    let p = delhi_ias(2012);
    let own = |date| {
        World::new(p.clone(), "2027-01-15").with(vec![other(1, "Own Choice Course", date, 60)])
    };
    let halves = |w: &World| -> Vec<(f64, bool, NaiveDate)> {
        of_kind(&w.eval("2026-27"), "own-choice-per-half-year")
            .iter()
            .map(|r| (r.done, r.met, r.due.unwrap()))
            .collect()
    };
    assert_eq!(
        halves(&own("2026-09-30")),
        vec![(1.0, true, d("2026-09-30")), (0.0, false, d("2027-03-31"))]
    );
    assert_eq!(
        halves(&own("2026-10-01")),
        vec![(0.0, false, d("2026-09-30")), (1.0, true, d("2027-03-31"))]
    );
    // The H1 requirement is overdue once 30 September has passed unmet.
    let st = own("2026-10-01").eval("2026-27");
    let h1 = of_kind(&st, "own-choice-per-half-year")[0];
    assert_eq!(h1.standing, Standing::Overdue);
    assert!(h1.text.contains("H1"), "{}", h1.text);
}

#[test]
fn mandatory_and_assigned_courses_are_not_programmes_of_own_choice() {
    let mut w = World::new(delhi_ias(2012), "2027-01-15").with(vec![
        listed(1, "GenAI for Everyone", "2026-05-01", 4),
        listed(2, "Office Procedure", "2026-11-01", 2),
    ]);
    w.assignments.push(Assignment {
        id: 3,
        course: key("Office Procedure"),
        title: "Office Procedure".into(),
        assigned: d("2026-04-20"),
        due: None,
    });
    let st = w.eval("2026-27");
    let halves = of_kind(&st, "own-choice-per-half-year");
    assert_eq!(halves.len(), 2);
    assert!(halves.iter().all(|r| r.done == 0.0), "{halves:#?}");
    // The optional course of the tier is the officer's own choice.
    w.completions
        .push(listed(4, "Cybersecurity", "2026-12-01", 2));
    let st = w.eval("2026-27");
    let h2 = of_kind(&st, "own-choice-per-half-year")[1];
    assert_eq!((h2.done, h2.met), (1.0, true));
    assert_eq!(h2.counted, vec![4]);
}

#[test]
fn only_the_halves_after_the_delhi_order_are_asked_for_in_2025_26() {
    let w = World::new(delhi_ias(2012), "2026-11-23");
    let st = w.eval("2025-26");
    let halves = of_kind(&st, "own-choice-per-half-year");
    assert_eq!(halves.len(), 1, "H1 2025-26 ended before 02.01.2026");
    assert_eq!(halves[0].due, Some(d("2026-03-31")));
}

// ---------------------------------------------------------------------------
// IAS tiers by batch

#[test]
fn ias_tier_follows_years_of_service_at_each_boundary() {
    let cases = [
        (2026, "ias-0-9", 0),
        (2017, "ias-0-9", 9),
        (2016, "ias-10-16", 10),
        (2010, "ias-10-16", 16),
        (2009, "ias-17-25", 17),
        (2001, "ias-17-25", 25),
        (2000, "ias-26-plus", 26),
        (1990, "ias-26-plus", 36),
    ];
    for (batch, tier, years) in cases {
        let st = World::new(profile(Service::Ias, None, Some(batch), None), "2026-11-23")
            .eval("2026-27");
        assert_eq!(st.tier.id.as_deref(), Some(tier), "batch {batch}");
        assert!(
            st.tier.basis.contains(&format!("{years} years of service")),
            "batch {batch}: {}",
            st.tier.basis
        );
        // The mandatory list is that tier's.
        let m = one(&st, "all-mandatory", "dopt-ias-list-2025-10-16");
        let want = cat()
            .tier_courses(tier, Some(ListingStatus::Mandatory))
            .len();
        assert_eq!(m.target, want as f64, "batch {batch}");
    }
}

#[test]
fn a_tier_set_by_hand_overrides_the_batch() {
    let p = profile(Service::Ias, None, Some(2016), Some("ias-26-plus"));
    let st = World::new(p, "2026-11-23").eval("2026-27");
    assert_eq!(st.tier.id.as_deref(), Some("ias-26-plus"));
    assert!(st.tier.basis.contains("by hand"), "{}", st.tier.basis);
}

#[test]
fn an_ias_profile_without_batch_or_tier_is_refused() {
    let p = profile(Service::Ias, None, None, None);
    let w = World::new(p, "2026-11-23");
    let inputs = Inputs {
        catalogue: cat(),
        profile: &w.profile,
        completions: &[],
        assignments: &[],
        assessments: &[],
        today: w.today,
    };
    let e = evaluate(&inputs, fy("2026-27")).unwrap_err();
    assert!(e.contains("--batch"), "{e}");
}

// ---------------------------------------------------------------------------
// Course identity

#[test]
fn the_shortened_climate_title_counts_for_the_full_listing_and_back() {
    // Recorded by its short title (BAS JS-SS prints it so)...
    let short = key("Using Behaviour Science for Climate Adaptation");
    let full = key("Using Behaviour Science for Climate Adaptation and Mitigation");
    assert_eq!(short, full, "one course");
    let c = listed(
        7,
        "Using Behaviour Science for Climate Adaptation",
        "2026-06-01",
        2,
    );
    // ...it closes the BSS DS-JS listing printed "... and Mitigation".
    let bss = World::new(
        profile(Service::Bss, Some("bihar"), None, Some("bss-ds-js")),
        "2026-11-23",
    )
    .with(vec![c.clone()]);
    let st = bss.eval("2026-27");
    let m = one(&st, "all-mandatory", "bihar-schedules-2026-05-15");
    assert_eq!(m.done, 1.0);
    assert_eq!(m.counted, vec![7]);
    assert!(
        !m.open.iter().any(|t| t.contains("Climate")),
        "{:?}",
        m.open
    );
    // And the full title closes the BAS JS-SS listing printed short.
    let mut c2 = c;
    c2.title = "Using Behaviour Science for Climate Adaptation and Mitigation".into();
    let st = World::new(bas("bas-js-ss"), "2026-11-23")
        .with(vec![c2])
        .eval("2026-27");
    let m = one(&st, "all-mandatory", "bihar-schedules-2026-05-15");
    assert_eq!(m.done, 1.0);
    assert!(
        !m.open.iter().any(|t| t.contains("Climate")),
        "{:?}",
        m.open
    );
}

#[test]
fn a_course_listed_twice_in_a_tier_counts_once() {
    let st = World::new(bas("bas-basic-ac"), "2026-11-23").eval("2026-27");
    let m = one(&st, "all-mandatory", "bihar-schedules-2026-05-15");
    assert_eq!(
        m.target, 13.0,
        "15 rows, 13 distinct courses (rows 1/3, 7/12)"
    );
    assert_eq!(m.open.len(), 13);
    let distinct: BTreeSet<_> = m.open.iter().collect();
    assert_eq!(distinct.len(), 13, "no course is open twice: {:?}", m.open);

    let st = World::new(bas("bas-basic-ac"), "2026-11-23")
        .with(vec![
            listed(1, "Leadership Skills for Professionals", "2026-05-01", 2),
            listed(
                2,
                "Delegation of power in day-to-day administration",
                "2026-05-02",
                2,
            ),
        ])
        .eval("2026-27");
    let m = one(&st, "all-mandatory", "bihar-schedules-2026-05-15");
    assert_eq!((m.done, m.target), (2.0, 13.0));
    assert_eq!(m.open.len(), 11);
}

#[test]
fn two_records_of_one_course_count_once_for_lists() {
    // The store refuses a second record, but the engine must not double count either.
    let st = World::new(bas("bas-basic-ac"), "2026-11-23")
        .with(vec![
            listed(1, "Yuva AI for All", "2026-05-01", 2),
            listed(2, "Yuva AI for All", "2026-06-01", 2),
        ])
        .eval("2026-27");
    let m = one(&st, "all-mandatory", "bihar-schedules-2026-05-15");
    assert_eq!(m.done, 1.0);
    assert_eq!(m.counted, vec![1]);
}

// ---------------------------------------------------------------------------
// The counting rule

#[test]
fn an_earlier_year_completion_counts_for_course_lists_but_not_for_hours() {
    let w = World::new(bas("bas-basic-ac"), "2026-11-23").with(vec![
        listed(1, "Yuva AI for All", "2025-12-01", 6),
        listed(2, "Understanding Mission Karmayogi", "2026-07-01", 2),
    ]);
    let st = w.eval("2026-27");
    let m = one(&st, "all-mandatory", "bihar-schedules-2026-05-15");
    assert_eq!(m.done, 2.0);
    assert_eq!(m.counted, vec![1, 2]);
    let h = hours(&st);
    assert_eq!(h.done, 2.0, "only the 2 h of 2026-27");
    assert_eq!(h.counted, vec![2]);
}

#[test]
fn a_completion_dated_after_today_is_not_counted() {
    let w = World::new(bas("bas-basic-ac"), "2026-11-23").with(vec![
        listed(1, "Yuva AI for All", "2026-11-23", 2),
        listed(2, "Understanding Mission Karmayogi", "2026-11-24", 30),
    ]);
    let st = w.eval("2026-27");
    assert_eq!(st.as_of, d("2026-11-23"));
    let h = hours(&st);
    assert_eq!(h.done, 2.0);
    assert_eq!(h.counted, vec![1]);
    let m = one(&st, "all-mandatory", "bihar-schedules-2026-05-15");
    assert_eq!(m.done, 1.0);
    assert!(m
        .open
        .iter()
        .any(|t| t == "Understanding Mission Karmayogi"));
}

#[test]
fn a_past_year_is_evaluated_as_of_its_last_day() {
    let w = World::new(bas("bas-basic-ac"), "2026-11-23");
    let st = w.eval("2025-26");
    assert_eq!(st.as_of, d("2026-03-31"));
    // A year not yet begun is evaluated as of today.
    assert_eq!(w.eval("2027-28").as_of, d("2026-11-23"));
}

#[test]
fn hours_standing_is_met_open_or_behind_by_the_even_pace() {
    let mk = |h| {
        World::new(bas("bas-basic-ac"), "2026-10-01").with(vec![listed(
            1,
            "Yuva AI for All",
            "2026-05-01",
            h,
        )])
    };
    // 01.10.2026 is day 184 of 365: the even pace is about 26.2 h.
    assert_eq!(hours(&mk(20).eval("2026-27")).standing, Standing::Behind);
    assert_eq!(hours(&mk(27).eval("2026-27")).standing, Standing::Open);
    let met = mk(52).eval("2026-27");
    assert_eq!(hours(&met).standing, Standing::Met);
    assert!(hours(&met).met);
}

// ---------------------------------------------------------------------------
// The Bihar orders

#[test]
fn bas_gets_52_hours_from_the_order_of_march_2026_from_2026_27_on() {
    let w = World::new(bas("bas-basic-ac"), "2027-11-23");
    for year in ["2026-27", "2027-28"] {
        let st = w.eval(year);
        let h = hours(&st);
        assert_eq!(h.rulebook, "bihar-bas-order-2026-03-06", "{year}");
        assert_eq!(h.target, 52.0);
        assert_eq!(h.due, Some(fy(year).end()));
        assert!(
            of_kind(&st, "courses-by-date").is_empty(),
            "3 courses only in 2025-26"
        );
    }
    let st = w.eval("2025-26");
    assert!(
        st.requirements.iter().all(|r| r.unit != Unit::Hours),
        "{:#?}",
        st.requirements
    );
    let three = one(&st, "courses-by-date", "bihar-bas-order-2026-03-06");
    assert_eq!(three.target, 3.0);
    assert_eq!(three.due, Some(d("2026-03-31")));
    // Schedule A applies from 2026-27 only.
    assert!(of_kind(&st, "all-mandatory").is_empty());
}

#[test]
fn bss_and_bscs_get_52_hours_from_the_schedules_letter_only() {
    for (service, tier) in [
        (Service::Bss, "bss-aso-us"),
        (Service::Bss, "bss-ds-js"),
        (Service::Bscs, "bscs-udc-ldc"),
    ] {
        let p = profile(service, Some("bihar"), None, Some(tier));
        let w = World::new(p, "2026-11-23");
        let st = w.eval("2026-27");
        let h = hours(&st);
        assert_eq!(h.rulebook, "bihar-schedules-2026-05-15", "{tier}");
        assert_eq!(h.target, 52.0);
        assert!(
            st.requirements
                .iter()
                .all(|r| r.rulebook != "bihar-bas-order-2026-03-06"),
            "the BAS order is for BAS only"
        );
        // Not in 2025-26: the memos start with 2026-27.
        assert!(w
            .eval("2025-26")
            .requirements
            .iter()
            .all(|r| r.unit != Unit::Hours));
    }
}

#[test]
fn other_igot_courses_count_toward_the_hours() {
    let st = World::new(bas("bas-basic-ac"), "2026-11-23")
        .with(vec![other(1, "Any Other iGOT Course", "2026-08-01", 150)])
        .eval("2026-27");
    assert_eq!(hours(&st).done, 2.5);
}

#[test]
fn bihar_orders_do_not_apply_outside_bihar() {
    let p = profile(Service::Bas, None, None, Some("bas-basic-ac"));
    let st = World::new(p, "2026-11-23").eval("2026-27");
    assert!(st.requirements.is_empty(), "{:#?}", st.requirements);
}

// ---------------------------------------------------------------------------
// Assessments, registration, assignments (Delhi, DoPT)

#[test]
fn the_assessment_counts_in_the_year_it_was_passed() {
    let mut w = World::new(delhi_ias(2012), "2026-11-23");
    w.assessments.push(Assessment {
        id: 1,
        passed: d("2026-03-31"),
    });
    let a = |w: &World, y| one(&w.eval(y), "assessment-passed", "dopt-om-2025-07-04").met;
    assert!(a(&w, "2025-26"));
    assert!(!a(&w, "2026-27"));
    w.assessments.push(Assessment {
        id: 2,
        passed: d("2026-04-01"),
    });
    assert!(a(&w, "2026-27"));
}

#[test]
fn registration_is_met_once_the_date_has_passed() {
    let mut p = delhi_ias(2012);
    p.registered = Some(d("2026-06-01"));
    let w = World::new(p, "2026-11-23");
    assert!(!one(&w.eval("2025-26"), "registration", "dopt-ais-2025-09-03").met);
    assert!(one(&w.eval("2026-27"), "registration", "dopt-ais-2025-09-03").met);
}

#[test]
fn assigned_courses_set_the_delhi_target_with_at_least_two() {
    let mut w = World::new(delhi_ias(2012), "2026-11-23");
    let r = one(
        &w.eval("2026-27"),
        "assigned-courses",
        "delhi-om-2026-01-02",
    )
    .clone();
    assert_eq!((r.done, r.target), (0.0, 2.0));
    assert!(r.text.contains("0 of 2 assigned"), "{}", r.text);
    for (i, t) in ["Dept Course One", "Dept Course Two", "Dept Course Three"]
        .iter()
        .enumerate()
    {
        w.assignments.push(Assignment {
            id: 10 + i as u64,
            course: karmadash::catalogue::identity::normalise(t),
            title: t.to_string(),
            assigned: d("2026-04-20"),
            due: None,
        });
    }
    w.completions
        .push(other(1, "dept course two", "2026-09-01", 60));
    let r = one(
        &w.eval("2026-27"),
        "assigned-courses",
        "delhi-om-2026-01-02",
    )
    .clone();
    assert_eq!((r.done, r.target), (1.0, 3.0));
    assert_eq!(
        r.open,
        vec![
            "Dept Course One".to_string(),
            "Dept Course Three".to_string()
        ]
    );
}

#[test]
fn without_a_tier_half_of_the_assigned_courses_is_the_dopt_target() {
    let mut w = World::new(profile(Service::Central, None, None, None), "2026-11-23");
    for (i, t) in [
        "Ministry Course A",
        "Ministry Course B",
        "Ministry Course C",
    ]
    .iter()
    .enumerate()
    {
        w.assignments.push(Assignment {
            id: 10 + i as u64,
            course: karmadash::catalogue::identity::normalise(t),
            title: t.to_string(),
            assigned: d("2026-04-20"),
            due: None,
        });
    }
    w.completions
        .push(other(1, "Ministry Course B", "2026-06-01", 60));
    let r = one(
        &w.eval("2026-27"),
        "share-of-prescribed",
        "dopt-om-2025-07-04",
    );
    assert_eq!(
        (r.done, r.target, r.met),
        (1.0, 2.0, false),
        "ceil(50% of 3)"
    );
    assert!(r.text.contains("2 of 3 courses"), "{}", r.text);
    w.completions
        .push(other(2, "Ministry Course C", "2026-07-01", 60));
    assert!(
        one(
            &w.eval("2026-27"),
            "share-of-prescribed",
            "dopt-om-2025-07-04"
        )
        .met
    );
}

/// With no tier and nothing assigned, "50% of the courses prescribed" is
/// 0 of 0 and shows as met: a central or DANICS officer who has not yet
/// entered a list sees the DoPT requirement ticked and `status --check` passes it.
#[test]
fn half_of_an_unknown_list_is_not_met_vacuously() {
    for (service, state) in [(Service::Central, None), (Service::Danics, Some("delhi"))] {
        let st = World::new(profile(service, state, None, None), "2026-11-23").eval("2026-27");
        let r = one(&st, "share-of-prescribed", "dopt-om-2025-07-04");
        assert!(!r.met, "{service}: {r:#?}");
        assert!(r.target >= 1.0, "{service}: {r:#?}");
    }
}

// ---------------------------------------------------------------------------
// Every requirement is traced to an order that applies

#[test]
fn every_requirement_names_an_applicable_rulebook_and_a_citation() {
    let years = ["2025-26", "2026-27", "2027-28"];
    let mut seen = 0;
    for service in Service::ALL {
        for state in [None, Some("bihar"), Some("delhi"), Some("himachal")] {
            let tiers: Vec<Option<String>> = if service == Service::Ias {
                vec![None]
            } else {
                let t: Vec<_> = cat()
                    .tiers
                    .iter()
                    .filter(|t| t.service == service)
                    .map(|t| Some(t.id.clone()))
                    .collect();
                if t.is_empty() {
                    vec![None]
                } else {
                    t
                }
            };
            for tier in tiers {
                let p = profile(service, state, Some(2010), tier.as_deref());
                let w = World::new(p.clone(), "2027-06-01");
                for y in years {
                    let st = w.eval(y);
                    for r in &st.requirements {
                        seen += 1;
                        let rb = cat()
                            .rulebook(&r.rulebook)
                            .unwrap_or_else(|| panic!("{} names no rulebook", r.rulebook));
                        assert!(
                            rb.applies_to(service, state),
                            "{} does not apply to {service} in {state:?}",
                            r.rulebook
                        );
                        assert!(!r.citation.trim().is_empty(), "{r:#?}");
                        assert!(
                            r.citation.contains(&rb.citation.reference),
                            "the citation quotes the order's reference: {}",
                            r.citation
                        );
                        assert!(!r.text.trim().is_empty());
                    }
                }
            }
        }
    }
    assert!(seen > 50, "the loop saw requirements ({seen})");
}

// ---------------------------------------------------------------------------
// Properties

fn all_keys() -> &'static Vec<String> {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| cat().courses.iter().map(|c| c.key().into_owned()).collect())
}

/// A random completion: a catalogue course or an outside one, dated
/// 2025-01-01 plus up to ~3.5 years, 1 minute to 200 hours.
fn completion_strategy() -> impl Strategy<Value = Completion> {
    (0usize..10_000, any::<bool>(), 0i64..1300, 1u32..=12_000).prop_map(
        |(pick, in_cat, day, minutes)| {
            let keys = all_keys();
            let (course, in_catalogue) = if in_cat {
                (keys[pick % keys.len()].clone(), true)
            } else {
                (format!("other course {}", pick % 50), false)
            };
            Completion {
                id: 0,
                title: course.clone(),
                course,
                in_catalogue,
                date: d("2025-01-01") + chrono::Duration::days(day),
                minutes,
                certificate: None,
            }
        },
    )
}

fn profile_strategy() -> impl Strategy<Value = Profile> {
    prop_oneof![
        Just(bas("bas-basic-ac")),
        Just(bas("bas-js-ss")),
        Just(profile(
            Service::Bss,
            Some("bihar"),
            None,
            Some("bss-aso-us")
        )),
        Just(profile(
            Service::Bscs,
            Some("bihar"),
            None,
            Some("bscs-udc-ldc")
        )),
        (1990i32..2026).prop_map(delhi_ias),
        (1990i32..2026).prop_map(|b| profile(Service::Ias, None, Some(b), None)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn hours_done_is_the_sum_of_in_year_minutes(
        mut cs in proptest::collection::vec(completion_strategy(), 0..40),
        today_off in 0i64..1300,
        year in 2025i32..2028,
    ) {
        for (i, c) in cs.iter_mut().enumerate() {
            c.id = i as u64 + 1;
        }
        let today = d("2025-01-01") + chrono::Duration::days(today_off);
        let fy = FinancialYear::new(year);
        let w = World { profile: bas("bas-basic-ac"), completions: cs.clone(), assignments: vec![], assessments: vec![], today };
        let st = w.eval(&fy.to_string());
        let as_of = today.min(fy.end());
        let want: Vec<&Completion> = cs.iter().filter(|c| fy.contains(c.date) && c.date <= as_of).collect();
        let want_minutes: u64 = want.iter().map(|c| u64::from(c.minutes)).sum();
        let h: Vec<_> = st.requirements.iter().filter(|r| r.unit == Unit::Hours).collect();
        if year >= 2026 {
            prop_assert_eq!(h.len(), 1);
            prop_assert!((h[0].done - want_minutes as f64 / 60.0).abs() < 1e-9, "{} vs {}", h[0].done, want_minutes);
            let ids: Vec<u64> = want.iter().map(|c| c.id).collect();
            prop_assert_eq!(&h[0].counted, &ids);
        } else {
            prop_assert!(h.is_empty());
        }
    }

    #[test]
    fn met_iff_done_reaches_target_and_lists_never_overflow(
        p in profile_strategy(),
        mut cs in proptest::collection::vec(completion_strategy(), 0..60),
        today_off in 0i64..1300,
        year in 2025i32..2028,
    ) {
        for (i, c) in cs.iter_mut().enumerate() {
            c.id = i as u64 + 1;
        }
        let today = d("2025-01-01") + chrono::Duration::days(today_off);
        let fy = FinancialYear::new(year);
        let inputs = Inputs { catalogue: cat(), profile: &p, completions: &cs, assignments: &[], assessments: &[], today };
        // A young batch may not exist yet in an early year: that is an error, not a status.
        let Ok(st) = evaluate(&inputs, fy) else { return Ok(()); };
        for r in &st.requirements {
            prop_assert_eq!(r.met, r.done >= r.target - 1e-9, "{:?}", r);
            prop_assert_eq!(r.met, r.standing == Standing::Met);
            prop_assert!(r.done >= 0.0);
            if r.kind == "all-mandatory" {
                let tier = st.tier.id.as_deref().unwrap();
                let n = cat().tier_courses(tier, Some(ListingStatus::Mandatory)).len() as f64;
                prop_assert_eq!(r.target, n);
                prop_assert!(r.done <= r.target, "{:?}", r);
                prop_assert_eq!(r.done as usize + r.open.len(), n as usize);
                prop_assert_eq!(r.counted.len(), r.done as usize);
            }
            if r.unit == Unit::Courses {
                prop_assert_eq!(r.done.fract(), 0.0);
            }
            // Nothing dated after the evaluation day is ever counted.
            for id in &r.counted {
                let c = cs.iter().find(|c| c.id == *id).unwrap();
                prop_assert!(c.date <= st.as_of, "{:?} counted after {}", c, st.as_of);
            }
        }
        prop_assert_eq!(
            st.on_track,
            st.requirements.iter().all(|r| matches!(r.standing, Standing::Met | Standing::Open))
        );
    }

    #[test]
    fn the_fy_containing_a_date_contains_it(day in -20_000i64..40_000) {
        let date = d("2000-01-01") + chrono::Duration::days(day);
        let f = FinancialYear::containing(date);
        prop_assert!(f.contains(date));
        prop_assert!(!f.next().contains(date));
        prop_assert!(!FinancialYear::new(f.start_year - 1).contains(date));
        prop_assert_eq!(f.to_string().parse::<FinancialYear>().unwrap(), f);
        let [h1, h2] = f.halves();
        prop_assert!(h1.contains(date) != h2.contains(date), "exactly one half holds {}", date);
    }
}
