//! The compliance engine at its date boundaries, against the built-in
//! catalogue: financial years, the Delhi half years, IAS tiers by batch.

use crate::engine_fixtures;

use engine_fixtures::*;

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
            st.tier
                .basis
                .to_string()
                .contains(&format!("{years} years of service")),
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
    assert!(
        st.tier.basis.to_string().contains("by hand"),
        "{}",
        st.tier.basis
    );
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
    // The core says what is missing; the CLI names the option that gives it.
    assert_eq!(e, karmadash::rules::tier::TierError::NeedsBatch);
    let worded = karmadash::cli::wording::tier_error(&e);
    assert!(worded.contains("--batch"), "{worded}");
}

// ---------------------------------------------------------------------------
// The pace's window (issue 9 item 3)

#[test]
fn a_half_years_pace_starts_at_the_order_when_the_order_came_later() {
    // Delhi OM of 02.01.2026, own choice in H2 2025-26: the window is
    // 02.01.2026-31.03.2026 (89 days), not 01.10.2025-31.03.2026.
    let half = |today: &str| {
        let st = World::new(delhi_ias(2012), today).eval("2025-26");
        let own = of_kind(&st, "own-choice-per-half-year");
        assert_eq!(own.len(), 1, "only H2: H1 ended before the order");
        own[0].standing
    };
    // 40 of 89 days: 0.45 of one programme rounds to none yet.
    assert_eq!(half("2026-02-10"), Standing::Open);
    // 45 of 89 days: past half, one is expected by now.
    assert_eq!(half("2026-02-15"), Standing::Behind);
    assert_eq!(half("2026-04-01"), Standing::Overdue);
}

#[test]
fn course_counts_have_a_pace_too_not_only_hours() {
    // BAS, Bihar order 4463 of 06.03.2026: three courses by 31.03.2026 (26 days).
    let by_date = |today: &str, done: Vec<Completion>| {
        let st = World::new(bas("bas-basic-ac"), today)
            .with(done)
            .eval("2025-26");
        one(&st, "courses-by-date", "bihar-bas-order-2026-03-06").standing
    };
    assert_eq!(
        by_date("2026-03-07", vec![]),
        Standing::Open,
        "2 of 26 days"
    );
    // 20 of 26 days: 2.3 expected, rounds to 2; one done is behind, two on pace.
    let one_done = vec![listed(1, "Yuva AI for All", "2026-03-10", 1)];
    assert_eq!(by_date("2026-03-25", one_done.clone()), Standing::Behind);
    let mut two_done = one_done;
    two_done.push(listed(
        2,
        "Understanding Mission Karmayogi",
        "2026-03-12",
        1,
    ));
    assert_eq!(by_date("2026-03-25", two_done), Standing::Open);
}
