//! Seeded generator of large, realistic course catalogues, for benchmarks
//! and load tests of the search index. The real catalogue has a few hundred
//! titles; iGOT itself has thousands and a state may add its own, so search
//! has to stay fast at 100k. Titles use the vocabulary and shapes of real
//! iGOT titles ("Introduction to X", "X for Y", "Advanced X: Y", ...), with
//! about 5% in Devanagari or bilingual "हिंदी / English", and lengths of
//! 10-90 chars, mostly 25-60. The same seed always gives the same titles.
//!
//! Every title is distinct by karmadash's own identity key (so no two are
//! one course): a benchmark against a tool that ranks every line must not
//! be won by folding duplicates.
//!
//! Not part of the shipped library: each bench, tool and test that needs it
//! includes this file (`#[path = ".../benches/tools/synthetic.rs"] mod
//! synthetic;`), the library's own unit tests under `#[cfg(test)]`; it
//! names the crate `karmadash::`, which lib.rs makes work inside it too.

use std::collections::HashSet;

use fastrand::Rng;

use karmadash::catalogue::identity::normalise;

/// Subjects: the X of "Introduction to X".
const TOPICS: &[&str] = &[
    "Governance",
    "Public Policy",
    "Public Finance",
    "Leadership",
    "Data Analytics",
    "Digital Governance",
    "Disaster Management",
    "Ethics",
    "Public Procurement",
    "Right to Information",
    "RTI",
    "Project Management",
    "Financial Management",
    "Budgeting",
    "Cyber Security",
    "Artificial Intelligence",
    "Design Thinking",
    "Negotiation",
    "Conflict Resolution",
    "Stakeholder Management",
    "Citizen Services",
    "Service Excellence",
    "E-Office",
    "GeM Procurement",
    "Office Procedure",
    "Noting and Drafting",
    "Vigilance",
    "Integrity",
    "Grievance Redressal",
    "Public Health",
    "Climate Adaptation",
    "Urban Planning",
    "Rural Development",
    "Social Policy",
    "Monitoring and Evaluation",
    "Performance Management",
    "Change Management",
    "Emotional Intelligence",
    "Communication",
    "Decision Making",
    "Systems Thinking",
    "Behavioural Insights",
    "Geospatial Analysis",
    "Public-Private Partnerships",
    "Contract Management",
    "Gender Sensitisation",
    "Accessibility",
    "Cooperative Federalism",
    "Fiscal Management",
    "Audit",
    "Risk Management",
    "Innovation",
    "Mission Karmayogi",
    "Yoga",
    "Mental Well-being",
    "Data Protection",
    "Digital Payments",
    "Land Records",
    "Water Resources",
    "Energy Transition",
    "Agricultural Extension",
    "Skill Development",
    "Public Distribution System",
    "Revenue Administration",
    "Tribal Welfare",
    "Women and Child Development",
    "Forest Governance",
    "Road Safety",
    "Food Safety",
    "Labour Laws",
    "Service Rules",
    "Pension Administration",
    "Office Automation",
    "Cloud Computing",
    "Blockchain",
    "Machine Learning",
    "Statistics",
    "Public Speaking",
    "Time Management",
    "Team Building",
];

/// Audiences and settings: the Y of "X for Y".
const AUDIENCES: &[&str] = &[
    "Administrators",
    "Civil Servants",
    "Government Officials",
    "Frontline Workers",
    "Section Officers",
    "District Collectors",
    "Panchayat Functionaries",
    "Public Servants",
    "Managers",
    "Young Officers",
    "Senior Leaders",
    "Field Staff",
    "Police Officers",
    "Health Workers",
    "Teachers",
    "Everyone",
    "Beginners",
    "Professionals",
];

/// Places and contexts: the Z of "X and Y in Z".
const CONTEXTS: &[&str] = &[
    "the Public Sector",
    "Government",
    "Local Bodies",
    "Urban Local Bodies",
    "Ministries",
    "State Governments",
    "India",
    "Districts",
    "Public Service Delivery",
    "the Digital Age",
    "Crisis Situations",
    "Field Offices",
    "Central Ministries",
    "Welfare Schemes",
    "Bihar",
    "Delhi",
    "Uttar Pradesh",
    "Rajasthan",
    "Kerala",
    "Assam",
    "Odisha",
    "Maharashtra",
    "the North East",
    "Aspirational Districts",
    "Tamil Nadu",
    "Karnataka",
    "Gujarat",
    "West Bengal",
    "Madhya Pradesh",
    "Punjab",
    "Haryana",
    "Jharkhand",
    "Chhattisgarh",
    "Telangana",
    "Andhra Pradesh",
    "Himachal Pradesh",
    "Uttarakhand",
    "Goa",
    "Jammu and Kashmir",
    "Ladakh",
    "Manipur",
    "Meghalaya",
    "Tripura",
    "Sikkim",
    "Border Areas",
    "Coastal Districts",
    "Smart Cities",
];

/// Subtitles: the Y of "Advanced X: Y".
const SUBTITLES: &[&str] = &[
    "Concepts and Practice",
    "A Practical Guide",
    "Tools and Techniques",
    "Case Studies",
    "Principles and Frameworks",
    "From Policy to Practice",
    "The Basics",
    "Building Capacity",
    "Lessons from the Field",
    "Rules and Procedures",
    "An Overview",
    "Key Skills",
];

const OPENERS: &[&str] = &[
    "Introduction to",
    "Basics of",
    "Fundamentals of",
    "Understanding",
    "Essentials of",
    "Foundations of",
    "Mastering",
    "Getting Started with",
];

const LEVELS: &[&str] = &["Advanced", "Applied", "Strategic", "Practical", "Effective"];

const SUFFIXES: &[&str] = &[
    " (Part I)",
    " (Part II)",
    " (Part III)",
    " 2.0",
    " 3.0",
    " - Refresher",
    " (Hindi)",
    " (Self-paced)",
    " - Level 1",
    " - Level 2",
    " - Level 3",
];

/// Bilingual pairs as iGOT prints them: Hindi, then English.
const BILINGUAL: &[(&str, &str)] = &[
    ("सेवा उत्कृष्टता", "Service Excellence"),
    ("सुशासन", "Good Governance"),
    ("लोक नीति", "Public Policy"),
    ("लोक वित्त", "Public Finance"),
    ("नेतृत्व कौशल", "Leadership Skills"),
    ("आपदा प्रबंधन", "Disaster Management"),
    ("सूचना का अधिकार", "Right to Information"),
    ("नैतिकता और सत्यनिष्ठा", "Ethics and Integrity"),
    ("सार्वजनिक खरीद", "Public Procurement"),
    ("डिजिटल शासन", "Digital Governance"),
    ("राजभाषा हिंदी", "Official Language Hindi"),
    ("कर्मयोगी मिशन", "Mission Karmayogi"),
    ("साइबर सुरक्षा", "Cyber Security"),
    ("योग और स्वास्थ्य", "Yoga and Wellness"),
    ("शिकायत निवारण", "Grievance Redressal"),
    ("ग्रामीण विकास", "Rural Development"),
];

/// Hindi-only shapes: "X का परिचय" (introduction to X), "X के मूल सिद्धांत"
/// (fundamentals of X), and the bare subject.
const HINDI_SHAPES: &[&str] = &["{} का परिचय", "{} के मूल सिद्धांत", "{}", "उन्नत {}"];

/// Where and for whom, in Hindi: "X in Bihar", "X for officers".
const HINDI_CONTEXTS: &[&str] = &[
    "बिहार में",
    "उत्तर प्रदेश में",
    "राजस्थान में",
    "मध्य प्रदेश में",
    "झारखंड में",
    "हरियाणा में",
    "छत्तीसगढ़ में",
    "उत्तराखंड में",
    "हिमाचल प्रदेश में",
    "दिल्ली में",
    "जिलों में",
    "पंचायतों में",
    "मंत्रालयों में",
    "अधिकारियों के लिए",
    "कर्मचारियों के लिए",
    "शिक्षकों के लिए",
    "पुलिस अधिकारियों के लिए",
    "नए अधिकारियों के लिए",
];

const MIN_CHARS: usize = 10;
const MAX_CHARS: usize = 90;

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

/// Two different topics, so "X and Y" never reads "X and X".
fn two_topics(rng: &mut Rng) -> (&'static str, &'static str) {
    let a = rng.usize(..TOPICS.len());
    let b = (a + 1 + rng.usize(..TOPICS.len() - 1)) % TOPICS.len();
    (TOPICS[a], TOPICS[b])
}

fn english(rng: &mut Rng) -> String {
    let x = pick(rng, TOPICS);
    let mut title = match rng.u32(..14) {
        0 | 1 => format!("{} {x}", pick(rng, OPENERS)),
        2 | 3 => format!("{x} for {}", pick(rng, AUDIENCES)),
        4 | 5 => {
            let (x, y) = two_topics(rng);
            format!("{x} and {y} in {}", pick(rng, CONTEXTS))
        }
        6 => format!("{} {x}: {}", pick(rng, LEVELS), pick(rng, SUBTITLES)),
        7 => format!("{x} in {}", pick(rng, CONTEXTS)),
        8 => format!("{x}: {}", pick(rng, SUBTITLES)),
        9 => {
            let (x, y) = two_topics(rng);
            format!("{x} and {y}")
        }
        10 => format!("{} {x} for {}", pick(rng, LEVELS), pick(rng, AUDIENCES)),
        11 => format!(
            "{x} for {} in {}",
            pick(rng, AUDIENCES),
            pick(rng, CONTEXTS)
        ),
        12 => {
            let (x, y) = two_topics(rng);
            format!("{} {x} and {y}", pick(rng, LEVELS))
        }
        // Short titles, like "Negotiation Skills" or "Financial Analysis".
        _ => format!(
            "{x} {}",
            pick(rng, &["Skills", "Basics", "Essentials", "Toolkit"])
        ),
    };
    match rng.u32(..10) {
        0 | 1 => title.push_str(pick(rng, SUFFIXES)),
        2 => title.push_str(&format!(" - Module {}", rng.u32(1..=12))),
        3 => title.push_str(&format!(" ({} Edition)", rng.u32(2019..=2026))),
        _ => {}
    }
    title
}

fn devanagari(rng: &mut Rng) -> String {
    let (hindi, in_english) = BILINGUAL[rng.usize(..BILINGUAL.len())];
    let mut title = match rng.u32(..4) {
        0 => format!("{hindi} / {in_english}"),
        1 => format!("{hindi} / {}", english(rng)),
        _ => pick(rng, HINDI_SHAPES).replace("{}", hindi),
    };
    if rng.bool() {
        title.push(' ');
        title.push_str(pick(rng, HINDI_CONTEXTS));
    }
    match rng.u32(..4) {
        0 => title.push_str(&format!(" - भाग {}", rng.u32(1..=6))),
        1 => title.push_str(&format!(" - मॉड्यूल {}", rng.u32(1..=12))),
        _ => {}
    }
    title
}

fn title(rng: &mut Rng) -> String {
    loop {
        let t = if rng.u32(..20) == 0 {
            devanagari(rng)
        } else {
            english(rng)
        };
        if (MIN_CHARS..=MAX_CHARS).contains(&t.chars().count()) {
            return t;
        }
    }
}

/// `count` course titles, the same for the same `seed`, no two of them one
/// course (distinct by `identity::normalise`). A title already drawn is
/// drawn again; should the shapes ever run dry, a module number no title
/// has yet is appended, so any count can be met.
pub fn titles(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::with_seed(seed);
    let mut seen = HashSet::with_capacity(count);
    let mut all = Vec::with_capacity(count);
    let mut next_module = 13;
    while all.len() < count {
        let mut t = title(&mut rng);
        let mut tries = 0;
        while seen.contains(&normalise(&t)) {
            tries += 1;
            t = if tries < 64 {
                title(&mut rng)
            } else {
                next_module += 1;
                format!("{} - Module {next_module}", title(&mut rng))
            };
        }
        seen.insert(normalise(&t));
        all.push(t);
    }
    all
}

// The benches include this file too, and cargo builds them with
// `cfg(test)` but no test harness: there these tests are left out and
// their import and helper would be unused. They run with the lib's.
#[cfg(test)]
#[allow(unused_imports, dead_code)]
mod tests {
    use super::*;

    fn is_devanagari(c: char) -> bool {
        ('\u{0900}'..='\u{097F}').contains(&c)
    }

    #[test]
    fn same_seed_same_titles() {
        assert_eq!(titles(1_000, 7), titles(1_000, 7));
        assert_ne!(titles(1_000, 7), titles(1_000, 8));
    }

    #[test]
    fn gives_the_count_asked_for() {
        assert!(titles(0, 1).is_empty());
        assert_eq!(titles(1, 1).len(), 1);
        assert_eq!(titles(12_345, 1).len(), 12_345);
    }

    #[test]
    fn about_one_in_twenty_has_devanagari() {
        let all = titles(10_000, 42);
        let hindi = all.iter().filter(|t| t.chars().any(is_devanagari)).count();
        assert!((300..=800).contains(&hindi), "{hindi} of 10000");
        assert!(all.iter().any(|t| t.contains(" / ")));
    }

    #[test]
    fn lengths_are_like_real_titles() {
        let all = titles(10_000, 3);
        let lens: Vec<usize> = all.iter().map(|t| t.chars().count()).collect();
        assert!(lens.iter().all(|n| (MIN_CHARS..=MAX_CHARS).contains(n)));
        let typical = lens.iter().filter(|n| (25..=60).contains(*n)).count();
        assert!(typical > 6_000, "{typical} of 10000 in 25..=60");
    }

    #[test]
    fn no_two_titles_are_one_course() {
        for (count, seed) in [(10_000, 5), (200_000, 2024)] {
            let all = titles(count, seed);
            let keys: HashSet<String> = all.iter().map(|t| normalise(t)).collect();
            assert_eq!(keys.len(), count, "distinct keys of {count} titles");
        }
    }

    #[test]
    fn titles_are_varied() {
        let all = titles(10_000, 5);
        let distinct: std::collections::HashSet<&String> = all.iter().collect();
        assert!(distinct.len() > 5_000, "{} distinct", distinct.len());
    }
}
