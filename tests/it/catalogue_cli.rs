//! The real `karmadash` binary's catalogue commands: tiers and their
//! distinct counts, the competency and status filters, course identity
//! across lists, and search.

use crate::catalogue_fixtures;

use catalogue_fixtures::seed_rows::*;
use catalogue_fixtures::*;

// ---------------------------------------------------------------------------
// tiers

#[test]
fn tiers_table_fits_an_80_column_terminal() {
    let out = ok(&["tiers"]);
    for line in out.lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= 80, "{width} columns: {line}");
    }
    assert!(out.contains("bss-aso-us"), "{out}");
}

#[test]
fn tiers_json_lists_the_nine_tiers_with_distinct_counts() {
    let tiers = ok_json(&["tiers", "--json"]);
    let tiers = tiers.as_array().expect("an array of tiers");
    let ids: Vec<&str> = tiers.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, NINE_TIERS);

    // (id, service, rulebook, distinct mandatory, distinct optional, printed rows)
    let want: [(&str, &str, &str, u64, u64, u64); 9] = [
        ("ias-0-9", "ias", "dopt-ias-list-2025-10-16", 3, 4, 7),
        ("ias-10-16", "ias", "dopt-ias-list-2025-10-16", 3, 3, 6),
        ("ias-17-25", "ias", "dopt-ias-list-2025-10-16", 3, 4, 7),
        ("ias-26-plus", "ias", "dopt-ias-list-2025-10-16", 3, 3, 6),
        // 65 printed optional rows: two editing notes (52, 62) and two
        // repeats (35/54, 5/64) leave 61 courses.
        (
            "bas-js-ss",
            "bas",
            "bihar-schedules-2026-05-15",
            15,
            61,
            15 + 65,
        ),
        // 15 mandatory rows, two repeated (1/3, 7/12); 45 optional rows survive.
        (
            "bas-basic-ac",
            "bas",
            "bihar-schedules-2026-05-15",
            13,
            45,
            15 + 45,
        ),
        (
            "bss-ds-js",
            "bss",
            "bihar-schedules-2026-05-15",
            15,
            24,
            15 + 24,
        ),
        // 57 optional rows; "Understanding the Role of an Assistant Section
        // Officer ASO in the Central Secretariat" is printed as rows 3 and 48.
        (
            "bss-aso-us",
            "bss",
            "bihar-schedules-2026-05-15",
            15,
            56,
            15 + 57,
        ),
        (
            "bscs-udc-ldc",
            "bscs",
            "bihar-schedules-2026-05-15",
            15,
            12,
            15 + 12,
        ),
    ];
    for (t, (id, service, rulebook, mandatory, optional, rows)) in tiers.iter().zip(want) {
        assert_eq!(t["id"], id);
        assert_eq!(t["service"], service, "{id}");
        assert_eq!(t["rulebook"], rulebook, "{id}");
        assert_eq!(
            t["mandatory"], mandatory,
            "{id}: distinct mandatory courses"
        );
        assert_eq!(t["optional"], optional, "{id}: distinct optional courses");
        assert_eq!(t["rows"], rows, "{id}: printed rows");
        assert!(!t["label"].as_str().unwrap().is_empty(), "{id} has a label");
    }
    // The Bihar tiers carry their Hindi label; the IAS list has none.
    assert_eq!(tiers[0]["label_hi"], Value::Null);
    assert!(tiers[4]["label_hi"]
        .as_str()
        .unwrap()
        .contains("बिहार प्रशासनिक सेवा"));
}

#[test]
fn tiers_text_shows_the_same_counts() {
    let out = ok(&["tiers"]);
    let header = out.lines().next().unwrap();
    assert!(header.starts_with("TIER"), "{header}");
    let row = |id: &str| -> Vec<String> {
        out.lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("no line for {id} in:\n{out}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(row("bas-basic-ac")[1..4], ["bas", "13", "45"]);
    assert_eq!(row("bas-js-ss")[1..4], ["bas", "15", "61"]);
    assert_eq!(row("bss-aso-us")[1..4], ["bss", "15", "56"]);
    assert_eq!(row("ias-10-16")[1..4], ["ias", "3", "3"]);
    assert!(
        out.contains("distinct"),
        "says the counts are distinct:\n{out}"
    );
}

// ---------------------------------------------------------------------------
// courses: filters

#[test]
fn competency_filter_keeps_only_listings_ticking_it() {
    let got = listings(&["--tier", "bss-aso-us", "--competency", "functional"]);
    assert!(got
        .iter()
        .all(|l| l.tier == "bss-aso-us" && l.competencies.iter().any(|c| c == "functional")));
    assert!(got
        .iter()
        .any(|l| l.id == "bss-aso-us/m6" && l.title == "Statistical Tools and Data Visualization"));

    // Exactly the seed rows with Functional ticked, mandatory then optional.
    let want: Vec<String> = BSS_ASO_US_MANDATORY
        .iter()
        .filter(|r| r.1.contains('F'))
        .map(|r| format!("bss-aso-us/m{}", r.0))
        .chain(
            BSS_ASO_US_OPTIONAL
                .iter()
                .filter(|r| r.1.contains('F'))
                .map(|r| format!("bss-aso-us/o{}", r.0)),
        )
        .collect();
    let ids: Vec<&str> = got.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, want);

    let mandatory = listings(&[
        "--tier",
        "bss-aso-us",
        "--competency",
        "functional",
        "--mandatory",
    ]);
    let ids: Vec<&str> = mandatory.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "bss-aso-us/m6",
            "bss-aso-us/m7",
            "bss-aso-us/m8",
            "bss-aso-us/m9",
            "bss-aso-us/m10"
        ]
    );
}

#[test]
fn competency_belongs_to_the_listing_not_the_course() {
    let yuva: Vec<Listing> = listings(&["--mandatory"])
        .into_iter()
        .filter(|l| l.title == "Yuva AI for All")
        .collect();
    let got: Vec<(&str, String)> = yuva
        .iter()
        .map(|l| (l.tier.as_str(), badge(&l.competencies)))
        .collect();
    assert_eq!(
        got,
        [
            ("bas-js-ss", "-F-".to_string()),
            ("bas-basic-ac", "-F-".to_string()),
            ("bss-ds-js", "-F-".to_string()),
            ("bss-aso-us", "-F-".to_string()),
            ("bscs-udc-ldc", "--D".to_string()),
        ]
    );
    let courses: BTreeSet<_> = yuva.iter().map(|l| l.course.clone()).collect();
    assert_eq!(courses.len(), 1, "one course in five tiers");
}

#[test]
fn mandatory_and_optional_flags_split_a_tier() {
    let all = listings(&["--tier", "bss-ds-js"]);
    let m = listings(&["--tier", "bss-ds-js", "--mandatory"]);
    let o = listings(&["--tier", "bss-ds-js", "--optional"]);
    assert_eq!((all.len(), m.len(), o.len()), (39, 15, 24));
    assert!(m.iter().all(|l| l.status == "mandatory"));
    assert!(o.iter().all(|l| l.status == "optional"));

    let r = run(&["courses", "--mandatory", "--optional"]);
    assert_eq!(r.code, 2, "the two flags conflict");
}

#[test]
fn courses_without_a_tier_cover_every_tier() {
    let all = listings(&[]);
    let tiers: Vec<&str> = all.iter().fold(Vec::new(), |mut acc, l| {
        if acc.last() != Some(&l.tier.as_str()) {
            acc.push(l.tier.as_str());
        }
        acc
    });
    assert_eq!(tiers, NINE_TIERS, "grouped by tier, in tier order");
    assert_eq!(all.len(), 26 + 80 + 60 + 39 + 72 + 27);
    let ids: BTreeSet<&str> = all.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "listing ids are unique");
}

// ---------------------------------------------------------------------------
// course identity

#[test]
fn capitalisation_does_not_split_a_course() {
    let all = listings(&[]);
    let title = |id: &str| all.iter().find(|l| l.id == id).unwrap().title.clone();
    assert_eq!(
        title("bss-aso-us/m5"),
        "Data Driven Decision Making For Government"
    );
    assert_eq!(
        title("ias-0-9/o5"),
        "Data Driven Decision Making for Government"
    );
    let key = course_of(&all, "bss-aso-us/m5");
    for id in ["ias-0-9/o5", "bss-ds-js/o5", "bas-basic-ac/o11"] {
        assert_eq!(course_of(&all, id), key, "{id}");
    }
    // ... but a shorter title is another course: identity is never fuzzy.
    assert_eq!(title("bas-basic-ac/m5"), "Data Driven Decision Making");
    assert_ne!(course_of(&all, "bas-basic-ac/m5"), key);
}

#[test]
fn the_alias_table_joins_climate_adaptation_titles() {
    let all = listings(&[]);
    let short = course_of(&all, "bas-js-ss/m15");
    assert_eq!(
        all.iter().find(|l| l.id == "bas-js-ss/m15").unwrap().title,
        "Using Behaviour Science for Climate Adaptation"
    );
    assert_eq!(course_of(&all, "bss-ds-js/m15"), short);
    assert_eq!(course_of(&all, "bscs-udc-ldc/m14"), short);

    let found = ok_json(&["search", "climate", "adaptation", "--json"]);
    let hits = found["hits"].as_array().unwrap();
    let hit = hits
        .iter()
        .find(|h| h["course"] == short.as_str())
        .expect("the course is found");
    assert_eq!(
        hit["title"],
        "Using Behaviour Science for Climate Adaptation and Mitigation"
    );
    assert_eq!(
        hit["listings"],
        serde_json::json!(["bas-js-ss/m15", "bss-ds-js/m15", "bscs-udc-ldc/m14"])
    );
    assert_eq!(
        hits.iter()
            .filter(|h| h["title"].as_str().unwrap().contains("Climate"))
            .count(),
        1,
        "one course, not two: {hits:?}"
    );
}

// ---------------------------------------------------------------------------
// search

#[test]
fn search_finds_yuva_with_its_tiers() {
    let found = ok_json(&["search", "yuva", "--json"]);
    assert_eq!(found["query"], "yuva");
    let first = &found["hits"][0];
    assert_eq!(first["title"], "Yuva AI for All");
    assert_eq!(
        first["tiers"],
        serde_json::json!([
            "bas-js-ss",
            "bas-basic-ac",
            "bss-ds-js",
            "bss-aso-us",
            "bscs-udc-ldc"
        ])
    );
    assert_eq!(
        first["listings"],
        serde_json::json!([
            "bas-js-ss/m10",
            "bas-basic-ac/m10",
            "bss-ds-js/m9",
            "bss-aso-us/m9",
            "bscs-udc-ldc/m15"
        ])
    );
    // The match positions are the letters of "Yuva" in the title.
    assert_eq!(first["positions"], serde_json::json!([0, 1, 2, 3]));

    let text = ok(&["search", "yuva"]);
    let line = text
        .lines()
        .find(|l| l.contains("Yuva AI for All"))
        .unwrap();
    assert!(line.contains("bscs-udc-ldc"), "{line}");
}

#[test]
fn search_finds_the_devanagari_title() {
    let found = ok_json(&["search", "सेवा", "--json"]);
    let hits = found["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "nothing found for सेवा");
    assert_eq!(
        hits[0]["title"],
        "सेवा उत्कृष्टता / Service Excellence wrt citizens"
    );
    assert_eq!(hits[0]["tiers"], serde_json::json!(["bas-js-ss"]));
    assert_eq!(hits[0]["listings"], serde_json::json!(["bas-js-ss/o44"]));
}

#[test]
fn search_tier_restricts_hits() {
    let everywhere = ok_json(&["search", "data", "--limit", "1000", "--json"]);
    let everywhere = everywhere["hits"].as_array().unwrap();
    assert!(
        everywhere.iter().any(|h| !h["tiers"]
            .as_array()
            .unwrap()
            .contains(&Value::from("ias-0-9"))),
        "some 'data' course is outside ias-0-9"
    );

    let in_tier = ok_json(&["search", "data", "--tier", "ias-0-9", "--json"]);
    let in_tier = in_tier["hits"].as_array().unwrap();
    assert!(!in_tier.is_empty());
    assert!(in_tier.len() < everywhere.len());
    for h in in_tier {
        assert!(
            h["tiers"]
                .as_array()
                .unwrap()
                .contains(&Value::from("ias-0-9")),
            "{h}"
        );
    }
    assert!(in_tier
        .iter()
        .any(|h| h["title"] == "Data Driven Decision Making for Government"));

    let none = ok_json(&["search", "yuva", "--tier", "ias-0-9", "--json"]);
    assert_eq!(none["hits"], serde_json::json!([]));
    let text = ok(&["search", "yuva", "--tier", "ias-0-9"]);
    assert!(text.starts_with("No course matches"), "{text}");
}

#[test]
fn search_limit_caps_the_hits() {
    let all = ok_json(&["search", "data", "--limit", "1000", "--json"]);
    let all = all["hits"].as_array().unwrap().clone();
    assert!(all.len() > 20, "more than the default 20: {}", all.len());

    let default = ok_json(&["search", "data", "--json"]);
    assert_eq!(default["hits"].as_array().unwrap().len(), 20);

    let three = ok_json(&["search", "data", "--limit", "3", "--json"]);
    let three = three["hits"].as_array().unwrap();
    assert_eq!(three.len(), 3);
    assert_eq!(three[..], all[..3], "the best three, in the same order");

    let zero = ok_json(&["search", "data", "--limit", "0", "--json"]);
    assert_eq!(zero["hits"], serde_json::json!([]));
}
