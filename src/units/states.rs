//! India's 28 states and 8 union territories: the closed list a profile's
//! state comes from, with the names people write for each.
//!
//! A typed state is matched against these spellings with case, spaces,
//! hyphens and dots folded away, never fuzzily: a typo that silently
//! matched nothing would drop a state's orders without a word.

use super::nearest::{did_you_mean, nearest};

/// A state or union territory, under the slug the rulebooks use in
/// `applies.states` (bihar, delhi, himachal...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub slug: &'static str,
    pub name: &'static str,
    pub union_territory: bool,
    /// Other names: ISO 3166-2:IN code, short and old names, Hindi.
    pub spellings: &'static [&'static str],
}

const fn state(
    slug: &'static str,
    name: &'static str,
    spellings: &'static [&'static str],
) -> State {
    State {
        slug,
        name,
        union_territory: false,
        spellings,
    }
}

const fn ut(slug: &'static str, name: &'static str, spellings: &'static [&'static str]) -> State {
    State {
        slug,
        name,
        union_territory: true,
        spellings,
    }
}

/// Slugs are the names people say (himachal, not himachal-pradesh, as the
/// help has always said); where the short name is not used alone, the whole
/// name, hyphenated.
pub const STATES: [State; 36] = [
    state("andhra", "Andhra Pradesh", &["AP", "आंध्र प्रदेश", "आन्ध्र प्रदेश"]),
    state("arunachal", "Arunachal Pradesh", &["AR", "अरुणाचल प्रदेश"]),
    state("assam", "Assam", &["AS", "असम"]),
    state("bihar", "Bihar", &["BR", "बिहार"]),
    state(
        "chhattisgarh",
        "Chhattisgarh",
        &["CT", "CG", "Chattisgarh", "छत्तीसगढ़"],
    ),
    state("goa", "Goa", &["GA", "गोवा"]),
    state("gujarat", "Gujarat", &["GJ", "गुजरात"]),
    state("haryana", "Haryana", &["HR", "हरियाणा", "हरियाना"]),
    state(
        "himachal",
        "Himachal Pradesh",
        &["HP", "हिमाचल प्रदेश", "हिमाचल"],
    ),
    state("jharkhand", "Jharkhand", &["JH", "झारखंड", "झारखण्ड"]),
    state("karnataka", "Karnataka", &["KA", "कर्नाटक"]),
    state("kerala", "Kerala", &["KL", "केरल", "केरला"]),
    state("madhya-pradesh", "Madhya Pradesh", &["MP", "मध्य प्रदेश"]),
    state("maharashtra", "Maharashtra", &["MH", "महाराष्ट्र"]),
    state("manipur", "Manipur", &["MN", "मणिपुर"]),
    state("meghalaya", "Meghalaya", &["ML", "मेघालय"]),
    state("mizoram", "Mizoram", &["MZ", "मिजोरम"]),
    state("nagaland", "Nagaland", &["NL", "नागालैंड", "नगालैंड"]),
    state(
        "odisha",
        "Odisha",
        &["OD", "OR", "Orissa", "ओडिशा", "उड़ीसा"],
    ),
    state("punjab", "Punjab", &["PB", "पंजाब"]),
    state("rajasthan", "Rajasthan", &["RJ", "राजस्थान"]),
    state("sikkim", "Sikkim", &["SK", "सिक्किम"]),
    state("tamil-nadu", "Tamil Nadu", &["TN", "तमिलनाडु", "तमिल नाडु"]),
    state("telangana", "Telangana", &["TG", "TS", "तेलंगाना"]),
    state("tripura", "Tripura", &["TR", "त्रिपुरा"]),
    state("uttar-pradesh", "Uttar Pradesh", &["UP", "उत्तर प्रदेश"]),
    state(
        "uttarakhand",
        "Uttarakhand",
        &["UK", "UT", "Uttaranchal", "उत्तराखंड", "उत्तराखण्ड"],
    ),
    state("west-bengal", "West Bengal", &["WB", "पश्चिम बंगाल"]),
    ut(
        "andaman-nicobar",
        "Andaman and Nicobar Islands",
        &[
            "AN",
            "Andaman and Nicobar",
            "Andaman & Nicobar Islands",
            "A&N Islands",
            "अंडमान और निकोबार द्वीपसमूह",
        ],
    ),
    ut("chandigarh", "Chandigarh", &["CH", "चंडीगढ़", "चण्डीगढ़"]),
    ut(
        "dnh-dd",
        "Dadra and Nagar Haveli and Daman and Diu",
        &[
            "DH",
            "DNHDD",
            "Dadra and Nagar Haveli",
            "Daman and Diu",
            "दादरा और नगर हवेली और दमन और दीव",
        ],
    ),
    ut(
        "delhi",
        "NCT of Delhi",
        &[
            "DL",
            "Delhi",
            "New Delhi",
            "nct-delhi",
            "Delhi NCT",
            "NCT",
            "GNCTD",
            "National Capital Territory of Delhi",
            "Government of NCT of Delhi",
            "दिल्ली",
            "नई दिल्ली",
            "राष्ट्रीय राजधानी क्षेत्र दिल्ली",
        ],
    ),
    ut(
        "jammu-kashmir",
        "Jammu and Kashmir",
        &[
            "JK",
            "J&K",
            "Jammu & Kashmir",
            "Jammu Kashmir",
            "जम्मू और कश्मीर",
            "जम्मू-कश्मीर",
        ],
    ),
    ut("ladakh", "Ladakh", &["LA", "लद्दाख"]),
    ut("lakshadweep", "Lakshadweep", &["LD", "लक्षद्वीप"]),
    ut(
        "puducherry",
        "Puducherry",
        &["PY", "Pondicherry", "पुदुच्चेरी", "पुडुचेरी", "पांडिचेरी"],
    ),
];

/// Case, spaces, hyphens, dots and the nukta folded away, "&" read as
/// "and": "N.C.T. of Delhi" and "nct-of-delhi" fold alike.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("and"),
            // The nukta, alone or precomposed (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़):
            // typed either way, or left out.
            '\u{093C}' => {}
            '\u{0958}'..='\u{095F}' => {
                out.push(['क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'][(c as u32 - 0x0958) as usize])
            }
            c if c.is_whitespace() || c.is_ascii_punctuation() => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The state a typed name means, by slug, name or any listed spelling.
pub fn find_state(text: &str) -> Option<&'static State> {
    // A stored profile holds the slug itself: found without folding every
    // name (the roster asks this for every officer and rulebook).
    if let Some(s) = STATES.iter().find(|s| s.slug == text) {
        return Some(s);
    }
    let typed = fold(text);
    if typed.is_empty() {
        return None;
    }
    STATES.iter().find(|s| {
        fold(s.slug) == typed
            || fold(s.name) == typed
            || s.spellings.iter().any(|sp| fold(sp) == typed)
    })
}

/// A typed state not on India's list, with the slugs nearest to it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown state '{typed}': {}", state_hint(.nearest))]
pub struct StateError {
    pub typed: String,
    pub nearest: Vec<&'static str>,
}

fn state_hint(nearest: &[&str]) -> String {
    match did_you_mean(nearest) {
        h if h.is_empty() => {
            "give a state or union territory of India by name, short name or code, e.g. bihar, \"Himachal Pradesh\", DL".to_string()
        }
        h => h,
    }
}

/// The slug of a typed state, or why not: unknown, and what was probably
/// meant.
pub fn parse_state(text: &str) -> Result<&'static str, StateError> {
    if let Some(s) = find_state(text) {
        return Ok(s.slug);
    }
    let typed = text.trim();
    let near = nearest(
        typed,
        STATES
            .iter()
            .flat_map(|s| std::iter::once(s.slug).chain(std::iter::once(s.name))),
    );
    // Suggest the slug of each near name, once.
    let mut slugs: Vec<&'static str> = Vec::new();
    for n in near {
        let slug = find_state(n).map_or(n, |s| s.slug);
        if !slugs.contains(&slug) {
            slugs.push(slug);
        }
    }
    Err(StateError {
        typed: typed.to_string(),
        nearest: slugs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_eight_states_and_eight_union_territories_with_distinct_names() {
        assert_eq!(STATES.iter().filter(|s| !s.union_territory).count(), 28);
        assert_eq!(STATES.iter().filter(|s| s.union_territory).count(), 8);
        let mut seen = std::collections::HashMap::new();
        for s in &STATES {
            for name in [s.slug, s.name].iter().chain(s.spellings) {
                if let Some(other) = seen.insert(fold(name), s.slug) {
                    assert_eq!(other, s.slug, "{name} names both {other} and {}", s.slug);
                }
            }
        }
    }

    #[test]
    fn delhi_as_people_write_it() {
        for typed in [
            "delhi",
            "Delhi",
            "DELHI",
            "New Delhi",
            "nct-delhi",
            "NCT of Delhi",
            "Delhi NCT",
            "N.C.T. of Delhi",
            "DL",
            "dl",
            "दिल्ली",
            " delhi ",
        ] {
            assert_eq!(parse_state(typed), Ok("delhi"), "{typed}");
        }
        assert_eq!(parse_state("Himachal Pradesh"), Ok("himachal"));
        assert_eq!(parse_state("HP"), Ok("himachal"));
        assert_eq!(parse_state("बिहार"), Ok("bihar"));
        assert_eq!(parse_state("J&K"), Ok("jammu-kashmir"));
        assert_eq!(parse_state("मिज़ोरम"), Ok("mizoram"));
        assert_eq!(parse_state("Orissa"), Ok("odisha"));
    }

    #[test]
    fn a_typo_is_refused_with_the_nearest_state() {
        assert_eq!(
            parse_state("dehli").unwrap_err().to_string(),
            "unknown state 'dehli': did you mean delhi?"
        );
        assert_eq!(
            parse_state("del").unwrap_err().to_string(),
            "unknown state 'del': did you mean delhi?"
        );
        assert!(parse_state("Bihaar")
            .unwrap_err()
            .to_string()
            .contains("did you mean bihar?"));
        let e = parse_state("Atlantis").unwrap_err().to_string();
        assert!(
            e.starts_with("unknown state 'Atlantis': give a state"),
            "{e}"
        );
        assert!(parse_state("").is_err());
    }
}
