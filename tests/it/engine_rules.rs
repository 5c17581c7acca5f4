//! The compliance engine's rules, against the built-in catalogue: course
//! identity (aliases, a course listed twice), the counting rule (DOMAIN.md,
//! "Counting"), the Bihar and Delhi orders, and every requirement traced
//! to an order that applies.

use crate::engine_fixtures;

use engine_fixtures::*;

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
