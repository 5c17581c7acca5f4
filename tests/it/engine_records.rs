//! One way to hand the engine an officer's records: a real store's
//! snapshot goes through `Inputs::from_records`, as the CLI, the dashboard
//! and the roster do, and the figures come out as whole numbers (courses,
//! seconds), compared exactly.

use crate::engine_fixtures;

use engine_fixtures::*;
use karmadash::rules::engine::Records;
use karmadash::store::Store;
use karmadash::units::amount::{Amount, Count, Seconds};

#[test]
fn a_store_snapshot_evaluates_through_from_records_in_whole_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("db"));
    let officer = profile(Service::Bss, Some("bihar"), None, Some("bss-aso-us"));
    store.set_profile(&officer).unwrap();
    // Two listed courses (1 h 30 min and 2 h) and one outside the lists (45 min).
    let noting = Completion {
        seconds: 5400,
        ..listed(0, "Noting and Drafting", "2026-06-12", 0)
    };
    for c in [
        noting,
        listed(0, "Yuva AI for All", "2026-07-01", 2),
        other(0, "Digital Payments in Government", "2026-10-05", 45),
    ] {
        store.add_completion(c).unwrap();
    }
    let snap = store.snapshot().unwrap();
    let profile = snap.profile.clone().unwrap();
    let today = d("2026-11-23");
    let st = evaluate(
        &Inputs::from_records(cat(), &profile, snap.records(), today),
        fy("2026-27"),
    )
    .unwrap();
    let h = hours(&st);
    assert_eq!(
        h.amount,
        Amount::Time {
            done: Seconds(5400 + 7200 + 2700),
            target: Seconds(52 * 3600),
        }
    );
    // The store gave ids 1, 2, 3; the engine reports them as it got them.
    assert_eq!(h.counted, vec![1, 2, 3]);
    let m = one(&st, "all-mandatory", "bihar-schedules-2026-05-15");
    // Hand-counted: the BSS ASO-US Schedule A has 15 distinct courses;
    // "Noting and Drafting" (row 1) and "Yuva AI for All" (row 9) are two.
    assert_eq!(
        m.amount,
        Amount::Count {
            done: Count(2),
            target: Count(15),
        }
    );

    // The same records from another source (a roster's), ids its own.
    let mut imported = snap.completions.clone();
    for (c, id) in imported.iter_mut().zip([70, 71, 72]) {
        c.id = id;
    }
    let records = Records {
        completions: &imported,
        assignments: &[],
        assessments: &[],
    };
    let again = evaluate(
        &Inputs::from_records(cat(), &profile, records, today),
        fy("2026-27"),
    )
    .unwrap();
    assert_eq!(hours(&again).amount, h.amount);
    assert_eq!(hours(&again).counted, vec![70, 71, 72]);
}
