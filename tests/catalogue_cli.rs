//! The real `karmadash` binary against the seed orders: every tier, every
//! printed row of seed 002's Schedules A and B, course identity, the lint
//! of the source tables' defects, bad input and `--data DIR`.
//!
//! Expected values are copied from the seeds (`shared/seeds/000_*.txt` for
//! the IAS list of 16.10.2025, `002_*.txt` for the Bihar schedules of
//! 15.05.2026) and written out literally here, so the tests need nothing
//! outside this repository.

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use unicode_width::UnicodeWidthStr;

// ---------------------------------------------------------------------------
// Helpers

/// The binary, isolated from the caller's environment (the global options
/// also read KARMADASH_DATA, KARMADASH_TODAY and KARMADASH_DB).
fn karmadash() -> Command {
    let mut cmd = cargo_bin_cmd!("karmadash");
    cmd.env_remove("KARMADASH_DATA")
        .env_remove("KARMADASH_TODAY")
        .env_remove("KARMADASH_DB")
        .env("NO_COLOR", "1");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = karmadash().args(args).output().expect("the binary runs");
    Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs a command that must succeed quietly and returns its stdout.
fn ok(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(
        r.code, 0,
        "karmadash {args:?} failed\nstdout:\n{}\nstderr:\n{}",
        r.stdout, r.stderr
    );
    assert_eq!(r.stderr, "", "karmadash {args:?} wrote to stderr");
    r.stdout
}

fn ok_json(args: &[&str]) -> Value {
    let out = ok(args);
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("karmadash {args:?} printed invalid JSON ({e}):\n{out}"))
}

#[derive(Debug, Deserialize)]
struct Listing {
    id: String,
    tier: String,
    row: u32,
    status: String,
    competencies: Vec<String>,
    title: String,
    course: Option<String>,
    defect: Option<String>,
    rulebook: String,
    source: String,
}

fn listings(args: &[&str]) -> Vec<Listing> {
    let mut full = vec!["courses"];
    full.extend_from_slice(args);
    full.push("--json");
    serde_json::from_value(ok_json(&full)).expect("courses --json has the documented keys")
}

/// The competencies of a listing as the seed's tick columns: `BF-`.
fn badge(competencies: &[String]) -> String {
    ["behavioural", "functional", "domain"]
        .iter()
        .zip(['B', 'F', 'D'])
        .map(|(name, letter)| {
            if competencies.iter().any(|c| c == name) {
                letter
            } else {
                '-'
            }
        })
        .collect()
}

fn table_of(tier: &str, status: &str) -> Vec<(u32, String, String)> {
    let flag = format!("--{status}");
    let rows = listings(&["--tier", tier, &flag]);
    for l in &rows {
        assert_eq!(l.tier, tier, "{l:?}");
        assert_eq!(l.status, status, "{l:?}");
        assert_eq!(l.rulebook, "bihar-schedules-2026-05-15", "{l:?}");
        let letter = if status == "mandatory" { 'm' } else { 'o' };
        assert_eq!(l.id, format!("{tier}/{letter}{}", l.row), "{l:?}");
    }
    rows.into_iter()
        .map(|l| (l.row, badge(&l.competencies), l.title))
        .collect()
}

fn expected(table: &[(u32, &str, &str)]) -> Vec<(u32, String, String)> {
    table
        .iter()
        .map(|&(row, bfd, title)| (row, bfd.to_string(), title.to_string()))
        .collect()
}

/// Compares row by row, so a failure names the first row that differs.
fn assert_table(tier: &str, status: &str, want: &[(u32, &str, &str)]) {
    let got = table_of(tier, status);
    let want = expected(want);
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "{tier} {status}: row differs from seed 002");
    }
    assert_eq!(got.len(), want.len(), "{tier} {status}: number of rows");
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Line `line` (1-based) of a file named as the program names it.
fn line_of(file: &str, line: usize) -> String {
    let path = if Path::new(file).is_absolute() {
        Path::new(file).to_path_buf()
    } else {
        manifest_dir().join(file)
    };
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is named in output but unreadable: {e}", path.display()));
    assert!(line >= 1, "line numbers start at 1, got {line} for {file}");
    text.lines()
        .nth(line - 1)
        .unwrap_or_else(|| panic!("{file} has no line {line}"))
        .to_string()
}

fn split_source(source: &str) -> (&str, usize) {
    let (file, line) = source
        .rsplit_once(':')
        .unwrap_or_else(|| panic!("source '{source}' is not file:line"));
    (file, line.parse().expect("line is a number"))
}

const NINE_TIERS: [&str; 9] = [
    "ias-0-9",
    "ias-10-16",
    "ias-17-25",
    "ias-26-plus",
    "bas-js-ss",
    "bas-basic-ac",
    "bss-ds-js",
    "bss-aso-us",
    "bscs-udc-ldc",
];

// ---------------------------------------------------------------------------
// Seed 000: the IAS list of 16.10.2025 (also forwarded in seed 001).

/// (tier, row, status, title) as printed in the letter.
const IAS_LIST: &[(&str, u32, &str, &str)] = &[
    ("ias-0-9", 1, "mandatory", "AIS (Conduct) Rules, 1968"),
    ("ias-0-9", 2, "mandatory", "GenAI for Everyone"),
    (
        "ias-0-9",
        3,
        "mandatory",
        "Introduction to 3 New Criminal Laws",
    ),
    ("ias-0-9", 4, "optional", "Basics of Disaster Management"),
    (
        "ias-0-9",
        5,
        "optional",
        "Data Driven Decision Making for Government",
    ),
    ("ias-0-9", 6, "optional", "Evidence-based Policy Making"),
    (
        "ias-0-9",
        7,
        "optional",
        "Prevention of Sexual Harassment of Women at Workplace",
    ),
    ("ias-10-16", 1, "mandatory", "Noting and Drafting"),
    ("ias-10-16", 2, "mandatory", "Public Policy Writing"),
    ("ias-10-16", 3, "mandatory", "GenAI for Everyone"),
    ("ias-10-16", 4, "optional", "Preparation of Cabinet Notes"),
    ("ias-10-16", 5, "optional", "Cybersecurity"),
    ("ias-10-16", 6, "optional", "Evidence in Public Policy"),
    ("ias-17-25", 1, "mandatory", "Managing and Leading Teams"),
    (
        "ias-17-25",
        2,
        "mandatory",
        "Structured Approach to Problem Solving",
    ),
    (
        "ias-17-25",
        3,
        "mandatory",
        "Introduction to Emerging Technologies",
    ),
    (
        "ias-17-25",
        4,
        "optional",
        "Effective Techniques To Manage Stress",
    ),
    (
        "ias-17-25",
        5,
        "optional",
        "AI Policies and Governance in India",
    ),
    ("ias-17-25", 6, "optional", "PM Gatishakti"),
    ("ias-17-25", 7, "optional", "Nation Branding"),
    ("ias-26-plus", 1, "mandatory", "Purpose-Driven Leadership"),
    ("ias-26-plus", 2, "mandatory", "PM Gatishakti"),
    (
        "ias-26-plus",
        3,
        "mandatory",
        "Introduction to Emerging Technologies",
    ),
    (
        "ias-26-plus",
        4,
        "optional",
        "Effective Communication: The Cornerstone of Great Leadership",
    ),
    (
        "ias-26-plus",
        5,
        "optional",
        "AI Policies and Governance in India",
    ),
    (
        "ias-26-plus",
        6,
        "optional",
        "Structured Approach to Problem Solving",
    ),
];

// ---------------------------------------------------------------------------
// Seed 002: the Bihar schedules of 15.05.2026, every row as printed:
// (S.No., competencies ticked as B/F/D, title). Schedule A rows carry the
// one competency of their "Behavioral/Functional/Domain" column.

/// bas-js-ss, Schedule A of seed 002, as printed.
const BAS_JS_SS_MANDATORY: &[(u32, &str, &str)] = &[
    (1, "B--", "Leadership Skills for Professionals"),
    (2, "B--", "Conflict Resolution and Negotiation"),
    (3, "B--", "Leading The Future : Managing Gen Z"),
    (
        4,
        "B--",
        "Leading from Within: Self-Leadership for Public Service",
    ),
    (5, "B--", "User Charges on Public Services"),
    (
        6,
        "-F-",
        "Strategic Management for Businesses and Corporates",
    ),
    (7, "-F-", "Public Policy Basics for Administrators"),
    (8, "-F-", "Best Practices for Connecting with Citizens"),
    (
        9,
        "-F-",
        "Design Thinking For Excellence In Public Services",
    ),
    (10, "-F-", "Yuva AI for All"),
    (11, "--D", "Basic Life Support-Disaster Response Training"),
    (12, "--D", "Future of Digital Governance"),
    (13, "--D", "Social Policy and Migration"),
    (14, "--D", "The Rural Employment Framework"),
    (15, "--D", "Using Behaviour Science for Climate Adaptation"),
];

/// bas-js-ss, Schedule B of seed 002, as printed.
const BAS_JS_SS_OPTIONAL: &[(u32, &str, &str)] = &[
    (1, "-FD", "Advanced Project Management"),
    (2, "-FD", "AI Application Innovation Management"),
    (3, "BF-", "Analytical Systems Thinking"),
    (4, "-FD", "Behavioral Insights for Policy"),
    (5, "BF-", "Citizen Centricity Design Thinking"),
    (6, "BF-", "Collaboration, Diversity Inclusion"),
    (7, "BF-", "Conflict Resolution Negotiation"),
    (8, "-FD", "Data Analytics Visualization"),
    (9, "-FD", "Data Analytics, Management Visualization"),
    (10, "-FD", "Data-led Decision Making Digital Fluency"),
    (11, "-FD", "Data-led Decision Making Data Analytics"),
    (12, "-FD", "Data-Driven Governance"),
    (13, "-F-", "Decision Making Analytical Thinking"),
    (14, "-FD", "Digital Tools Data-led Decision Making"),
    (15, "-FD", "Disaster Management Preparedness"),
    (16, "-FD", "Economic Analysis Public Budgeting"),
    (17, "BF-", "Effective Communication Stakeholder Management"),
    (18, "BF-", "Emotional Intelligence Communication"),
    (19, "-FD", "Emerging Technology Synthesis"),
    (20, "-FD", "Ethical Decision-Making Integrity"),
    (21, "-FD", "Ethical Leadership Governance"),
    (22, "-FD", "Financial Analysis"),
    (23, "-FD", "Financial Management Public Finance"),
    (24, "BF-", "Global Mindset Sustainable Leadership"),
    (25, "-FD", "Geospatial Analysis"),
    (26, "-FD", "Handling Establishment HR Matters"),
    (27, "-FD", "Management of Public Organisations"),
    (28, "BF-", "Mentoring Inspiring Others"),
    (29, "-FD", "Monitoring Evaluation of Outcomes"),
    (30, "BF-", "Negotiation Skills"),
    (31, "-F-", "Office Management Official Communications"),
    (32, "-FD", "Performance Management"),
    (33, "-FD", "Policy Architecture Implementation"),
    (34, "-F-", "Policy Design Implementation"),
    (35, "-FD", "Public Financial Management"),
    (36, "-FD", "Public Policy Analysis Fiscal Management"),
    (37, "-FD", "Public-Private Partnerships"),
    (38, "-FD", "Public Sector Transformation Innovation"),
    (39, "BF-", "Public Speaking Persuasion"),
    (40, "-FD", "Right to Information RTI"),
    (41, "BF-", "Resilience Stress Management"),
    (42, "-FD", "Risk Business Project Management"),
    (43, "-F-", "Risk Management"),
    (44, "BF-", "सेवा उत्कृष्टता / Service Excellence wrt citizens"),
    (45, "BF-", "Service Excellence Process Excellence"),
    (46, "BF-", "Strategic Leadership Forward Thinking"),
    (47, "BF-", "Strategic Leadership Global Mindset"),
    (48, "BF-", "Strategic Management Leadership"),
    (49, "BF-", "Sustainable Leadership"),
    (50, "BF-", "Team Leadership Mentoring"),
    (51, "-FD", "Technology Infrastructure Management"),
    (52, "---", "Transforming / Advanced? (No duplicate kept separately)"),
    (53, "-FD", "Policy Analysis Evaluation"),
    (54, "-FD", "Public Financial Management"),
    (55, "-FD", "Public Policy and Administration in India"),
    (56, "BF-", "Service Excellence and Process Excellence"),
    (57, "BF-", "Strategic Leadership, Diversity Inclusion"),
    (58, "BF-", "Strategic Leadership, Project Planning Implementation"),
    (59, "-FD", "Understanding DoPT and Key Training Institutes in India"),
    (60, "B--", "Understanding the Central Administrative Tribunal CAT and Member Appointments"),
    (61, "-F-", "Understanding the Roles and Responsibilities of Secretarial Staff in the Central Secretariat"),
    (62, "---", "User?"),
    (63, "-FD", "Public Leadership Credential"),
    (64, "BF-", "Citizen Centricity Design Thinking"),
    (65, "-F-", "Policy Design and Implementation"),
];

/// bas-basic-ac, Schedule A of seed 002, as printed.
const BAS_BASIC_AC_MANDATORY: &[(u32, &str, &str)] = &[
    (1, "B--", "Leadership Skills for Professionals"),
    (2, "B--", "Communication for Citizen Centricity"),
    (3, "B--", "Leadership Skills for Professionals"),
    (4, "B--", "Strategic Leadership: The Indic Way"),
    (5, "B--", "Data Driven Decision Making"),
    (6, "-F-", "Understanding Mission Karmayogi"),
    (7, "-F-", "Delegation of power in day-to-day administration"),
    (8, "-F-", "Reduction"),
    (9, "-F-", "Organisational Change Management- Fundamentals"),
    (10, "-F-", "Yuva AI for All"),
    (11, "--D", "Smart Cities: Urban Digital Twin Applications"),
    (
        12,
        "--D",
        "Delegation of power in day-to-day administration",
    ),
    (13, "--D", "Reform Initiatives of Government of India"),
    (14, "--D", "Financial Analysis and Regulatory Practices"),
    (15, "--D", "Public Policy Basics for Administrators"),
];

/// bas-basic-ac, Schedule B of seed 002, as printed.
const BAS_BASIC_AC_OPTIONAL: &[(u32, &str, &str)] = &[
    (1, "--D", "Active Listening Verbal Fluency"),
    (4, "-FD", "Case Studies in Data Evidence for Governance"),
    (5, "-F-", "Clear Communication Stakeholder Management"),
    (
        7,
        "-FD",
        "Constitutional Law and Public Administration in India",
    ),
    (8, "-FD", "Crisis Management Emergency Response"),
    (9, "-FD", "Data Analytics, Management Visualization"),
    (11, "-FD", "Data Driven Decision Making For Government"),
    (12, "-F-", "Data-Driven Decision Making"),
    (15, "-FD", "Digital Service Design AI Applications"),
    (16, "-FD", "Digital Tools for Data-led Decision Making"),
    (
        17,
        "-FD",
        "Digital Transformation Playbook for Government Professionals",
    ),
    (19, "-FD", "Disaster Preparedness and Mitigation"),
    (20, "-FD", "Disaster Recovery and Build Back Better"),
    (22, "-FD", "Ethical Decision Making"),
    (23, "-FD", "Ethical Leadership"),
    (
        25,
        "BFD",
        "Fundamentals of Public Policy Writing and Communication in India",
    ),
    (26, "-FD", "Fiscal Policy Financial Management"),
    (28, "-FD", "Handling Establishment HR Matters"),
    (29, "-FD", "Insights from Data for Policy"),
    (30, "-FD", "Introduction to Monitoring and Evaluation"),
    (
        31,
        "-F-",
        "Leadership and Communication Skills for Public Administrators",
    ),
    (32, "-FD", "Lessons from the Use of Data for Government"),
    (33, "-FD", "Litigation Management Legal Know-How"),
    (
        35,
        "BFD",
        "Mastering Communication for Effective Leadership",
    ),
    (
        37,
        "BF-",
        "Mastering the Basics of Microsoft Excel for Beginners",
    ),
    (
        38,
        "BFD",
        "Microsoft Excel Advanced Data Analysis and Automation Techniques",
    ),
    (39, "-F-", "Management of Public Organisations"),
    (
        40,
        "BF-",
        "Outcome Orientation Accountability in Management",
    ),
    (41, "-FD", "Policy Analysis"),
    (42, "-F-", "Public Administration"),
    (43, "-FD", "Public Financial Administration"),
    (44, "-FD", "Public Leadership Credential"),
    (45, "-FD", "Public Officials Work The Last-Mile Delivery"),
    (46, "BFD", "Public Policy and Administration in India"),
    (48, "-FD", "Public Policy Analysis and Evaluation"),
    (49, "BF-", "Public Speaking and Persuasion for Leaders"),
    (50, "-FD", "Rural Development Frameworks"),
    (
        51,
        "BF-",
        "Sadharanikarana Effective Communication for Transformative Leadership",
    ),
    (52, "BF-", "Service Excellence and Process Excellence"),
    (53, "BF-", "Strategic Leadership, Diversity Inclusion"),
    (55, "BF-", "Strategic Leadership Policy Formulation"),
    (56, "BF-", "Strategic Management Planning"),
    (57, "-FD", "Sustainable Development Policy Analysis"),
    (
        58,
        "-FD",
        "Understanding Indias Budget Concepts and Constitutional Framework",
    ),
    (59, "-FD", "Urban Governance"),
];

/// bss-ds-js, Schedule A of seed 002, as printed.
const BSS_DS_JS_MANDATORY: &[(u32, &str, &str)] = &[
    (1, "B--", "Leadership Skills for Professionals"),
    (2, "B--", "Conflict Resolution and Negotiation"),
    (3, "B--", "Leading The Future : Managing Gen Z"),
    (
        4,
        "B--",
        "Leading from Within: Self-Leadership for Public Service",
    ),
    (5, "B--", "User Charges on Public Services"),
    (
        6,
        "-F-",
        "Strategic Management for Businesses and Corporates",
    ),
    (7, "-F-", "Public Policy Basics for Administrators"),
    (8, "-F-", "Best Practices for Connecting with Citizens"),
    (9, "-F-", "Yuva AI for All"),
    (
        10,
        "-F-",
        "Design Thinking For Excellence In Public Services",
    ),
    (11, "--D", "Basic Life Support-Disaster Response Training"),
    (12, "--D", "Future of Digital Governance"),
    (13, "--D", "Social Policy and Migration"),
    (14, "--D", "The Rural Employment Framework"),
    (
        15,
        "--D",
        "Using Behaviour Science for Climate Adaptation and Mitigation",
    ),
];

/// bss-ds-js, Schedule B of seed 002, as printed.
const BSS_DS_JS_OPTIONAL: &[(u32, &str, &str)] = &[
    (1, "-F-", "Administrative Law A Foundation for Government Employees"),
    (2, "-FD", "Behavioral Economics and Public Policy"),
    (3, "-FD", "Case Studies in the Use of Data and Evidence for Governance"),
    (4, "-FD", "Data Analysis in the Public Sector with Specialization"),
    (5, "-FD", "Data Driven Decision Making for Government"),
    (6, "-FD", "Delegation of Authority in Government Administration"),
    (7, "-FD", "Digital Transformation Playbook for Government Professionals"),
    (8, "BFD", "Essential Roles and Competencies for Central Secretariat Branch Officers"),
    (9, "BFD", "Fundamentals of Public Policy Writing and Communication in India"),
    (10, "-FD", "From Gridlock to Growth Impact of PM Gati Shakti in India and Beyond"),
    (11, "-FD", "Introduction to Public Financial Management in the Indian Context"),
    (12, "-FD", "Lessons from the Use of Data for Government"),
    (13, "B--", "Mastering Communication for Professional and Personal Growth"),
    (14, "-FD", "Management of Public Organisations"),
    (15, "-FD", "Overview of Viksit Bharat 2047"),
    (16, "BF-", "Project Management in Government Certification"),
    (17, "-FD", "Public Officials Work The Last-Mile Delivery"),
    (18, "-FD", "Public Leadership Credential"),
    (19, "BFD", "Public Policy and Administration in India"),
    (20, "BF-", "Sadharanikarana Effective Communication for Transformative Leadership"),
    (21, "-FD", "Understanding DoPT and Key Training Institutes in India"),
    (22, "B--", "Understanding the Central Administrative Tribunal CAT and Member Appointments"),
    (23, "-F-", "Understanding the Roles and Responsibilities of Secretarial Staff in the Central Secretariat"),
    (24, "B--", "Decentralizing Citizen Service Delivery"),
];

/// bss-aso-us, Schedule A of seed 002, as printed.
const BSS_ASO_US_MANDATORY: &[(u32, &str, &str)] = &[
    (1, "B--", "Understanding the Government Email System of NIC"),
    (2, "B--", "Effective Communication"),
    (3, "B--", "Office Procedure"),
    (
        4,
        "B--",
        "Fundamentals of Government Office Procedures and Communication",
    ),
    (5, "B--", "Data Driven Decision Making For Government"),
    (6, "-F-", "Statistical Tools and Data Visualization"),
    (7, "-F-", "Noting and Drafting"),
    (8, "-F-", "Problem Solving and Decision Making"),
    (9, "-F-", "Yuva AI for All"),
    (
        10,
        "-F-",
        "Design Thinking For Excellence In Public Services",
    ),
    (
        11,
        "--D",
        "Citizen Centric Services Marketing in Government",
    ),
    (12, "--D", "Future of Digital Governance"),
    (13, "--D", "Reservation Policy - Reservation in Service"),
    (14, "--D", "Financial Administration"),
    (
        15,
        "--D",
        "UNDERSTANDING THE FORMAT OF FINANCIAL STATEMENTS",
    ),
];

/// bss-aso-us, Schedule B of seed 002, as printed.
const BSS_ASO_US_OPTIONAL: &[(u32, &str, &str)] = &[
    (1, "-F-", "ADMINISTRATIVE LAW A Foundation for Government Employees"),
    (2, "-FD", "AI in Boosting Public Sector Efficiency and Service Delivery"),
    (3, "-FD", "Understanding the Role of an Assistant Section Officer ASO in the Central Secretariat"),
    (4, "BF-", "Basics of Communication"),
    (5, "-FD", "Case Studies in the Use of Data and Evidence for Governance"),
    (6, "BF-", "CCS Leave, Establishment and Office Procedure Rules for Central Government Employees"),
    (7, "-F-", "Consultation with UPSC in Disciplinary Cases Advanced Procedures"),
    (8, "BFD", "Data Analytics in the Public Sector with"),
    (9, "BF-", "Decoding Mission Karmayogi"),
    (10, "BF-", "Digital Literacy for Office Assistants"),
    (11, "-FD", "Digital Transformation Theory and Applications"),
    (12, "BF-", "E-Governance and Digital Transformation in Public Administration"),
    (13, "BF-", "Effective Communication: Mastering Corporate Letters"),
    (14, "BF-", "Effective Writing Skills for the Public Service"),
    (15, "B--", "Ecosystem of Public Management and the Citizen"),
    (16, "BFD", "Essential Roles and Competencies for Central Secretariat Branch Officers"),
    (17, "-F-", "Excel Skills for Business Essentials"),
    (18, "-FD", "Fundamentals of Government Accounting Principles, Structure and Classification"),
    (19, "-FD", "Google Project Management Professional Certificate"),
    (20, "-FD", "Insights from Data for Policy"),
    (21, "-F-", "Introduction to Public Administration"),
    (22, "BF-", "Leadership and Negotiation"),
    (23, "B--", "Leading People and Teams Specialization"),
    (24, "-FD", "Mastering 360 Finance Commission Grant Management"),
    (25, "BF-", "Mastering Communication for Effective Leadership"),
    (26, "B--", "Mastering Communication Skills for Professional and Personal Growth"),
    (27, "BF-", "Mastering the Basics of Microsoft Excel for Beginners"),
    (28, "BFD", "Microsoft Excel Advanced Data Analysis and Automation Techniques"),
    (29, "B--", "Noting and Drafting Training"),
    (30, "-FD", "Post Graduate Programme in Public Policy and Management"),
    (31, "BF-", "Project Management in Government Certification"),
    (32, "-FD", "Public Financial Management PFM"),
    (33, "BF-", "Public Policy and Administration"),
    (34, "-FD", "Public Policy and Administration in India"),
    (35, "BF-", "Public Policy Analysis"),
    (36, "B--", "Reservation Policy Handling matters of"),
    (37, "-F-", "Reservation Policy - Reservation in Service"),
    (38, "--D", "Right To Information And Good Governance"),
    (39, "B--", "Section Officer in Office Procedures, FileDAK Management and Drafting"),
    (40, "BF-", "Sadharanikarana Effective Communication for Transformative Leadership"),
    (41, "B--", "Solving Public Policy Problems Berkeleys Eightfold Path"),
    (42, "B--", "Soft Skills"),
    (43, "-FD", "Understanding Government of Indias Reform Initiatives"),
    (44, "-FD", "Understanding Indias Budget Concepts and Constitutional Framework"),
    (45, "-FD", "Understanding Posts Classification, Character, and Status in Civil Services"),
    (46, "-FD", "Understanding Public Finance in Cooperative Federalism"),
    (47, "-F-", "Understanding the Central Administrative Tribunal CAT and Member Appointments"),
    (48, "-F-", "Understanding the Role of an Assistant Section Officer ASO in the Central Secretariat"),
    (49, "-FD", "Understanding the Roles and Responsibilities of Secretarial Staff in the Central Secretariat"),
    (50, "-F-", "Understanding the Union Budget Documents, Presentation and Passing"),
    (51, "BFD", "Unified DARPAN Android Application Dakshata"),
    (52, "BFD", "Unified DARPAN Android Application: Prarambh"),
    (53, "BFD", "UMANG: Your Gateway to Digital Governance in India"),
    (54, "BF-", "Vigilance Administration - Conduct Rules"),
    (55, "BF-", "When it's hard: Applied ethics in the public sector"),
    (56, "BF-", "Work Smarter, Not Harder: Time Management for Personal & Professional Productivity"),
    (57, "-F-", "Write Professional Emails in English"),
];

/// bscs-udc-ldc, Schedule A of seed 002, as printed.
const BSCS_UDC_LDC_MANDATORY: &[(u32, &str, &str)] = &[
    (1, "B--", "Leadership Skills for Professionals"),
    (2, "B--", "Conflict Resolution and Negotiation"),
    (3, "B--", "Leading The Future : Managing Gen Z"),
    (
        4,
        "B--",
        "Leading from Within: Self-Leadership for Public Service",
    ),
    (5, "B--", "User Charges on Public Services"),
    (
        6,
        "-F-",
        "Strategic Management for Businesses and Corporates",
    ),
    (7, "-F-", "Public Policy Basics for Administrators"),
    (8, "-F-", "Best Practices for Connecting with Citizens"),
    (
        9,
        "-F-",
        "Design Thinking For Excellence In Public Services",
    ),
    (10, "-F-", "Basic Life Support-Disaster Response Training"),
    (11, "--D", "Future of Digital Governance"),
    (12, "--D", "Social Policy and Migration"),
    (13, "--D", "The Rural Employment Framework"),
    (
        14,
        "--D",
        "Using Behaviour Science for Climate Adaptation and Mitigation",
    ),
    (15, "--D", "Yuva AI for All"),
];

/// bscs-udc-ldc, Schedule B of seed 002, as printed.
const BSCS_UDC_LDC_OPTIONAL: &[(u32, &str, &str)] = &[
    (
        1,
        "BF-",
        "Effective Communication: Mastering Corporate Letters",
    ),
    (
        2,
        "B--",
        "Mastering Communication Skills for Professional and Personal Growth",
    ),
    (3, "B--", "Ecosystem of Public Management and the Citizen"),
    (
        4,
        "B--",
        "Work Smarter, Not Harder: Time Management for Personal & Professional Productivity",
    ),
    (5, "B--", "Managing Stress"),
    (6, "BFD", "Lekha-DEeP - Dakshta"),
    (
        7,
        "BFD",
        "Lekha DEeP-Prarambh: Accounting Fundamentals for Postal Staff",
    ),
    (
        8,
        "BFD",
        "UMANG: Your Gateway to Digital Governance in India",
    ),
    (9, "BFD", "Unified DARPAN Android Application: Prarambh"),
    (10, "B--", "Effective Communication Skills"),
    (
        11,
        "B--",
        "When it's hard: Applied ethics in the public sector",
    ),
    (12, "--D", "Fundamentals of Citizen-Centric Governance"),
];

// ---------------------------------------------------------------------------
// tiers

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

fn course_of(all: &[Listing], id: &str) -> String {
    all.iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no listing {id}"))
        .course
        .clone()
        .unwrap_or_else(|| panic!("{id} has no course"))
}

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

// ---------------------------------------------------------------------------
// lint

#[derive(Debug, Deserialize)]
struct Finding {
    severity: String,
    code: String,
    file: String,
    line: usize,
    message: String,
}

#[derive(Debug, Deserialize)]
struct LintReport {
    errors: usize,
    warnings: usize,
    findings: Vec<Finding>,
}

fn lint_report(args: &[&str]) -> (i32, LintReport) {
    let mut full = args.to_vec();
    full.extend(["lint", "--json"]);
    let r = run(&full);
    let report = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("lint --json: {e}\n{}\n{}", r.stdout, r.stderr));
    (r.code, report)
}

/// The one finding with this code whose message holds every fragment; it
/// must name a file and a line that holds `at` (the row it is about).
fn expect_finding<'a>(
    report: &'a LintReport,
    code: &str,
    fragments: &[&str],
    at: &str,
) -> &'a Finding {
    let found: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.code == code && fragments.iter().all(|s| f.message.contains(s)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "want one {code} finding with {fragments:?}, got {found:?}"
    );
    let f = found[0];
    assert!(
        f.file.starts_with("data/") && f.file.ends_with(".toml"),
        "{f:?}"
    );
    assert!(
        line_of(&f.file, f.line).contains(at),
        "{}:{} is `{}`, not the row with {at:?}",
        f.file,
        f.line,
        line_of(&f.file, f.line)
    );
    f
}

#[test]
fn lint_names_every_defect_of_the_source_tables() {
    let (code, report) = lint_report(&[]);
    assert_eq!(code, 0, "warnings are not errors");
    assert_eq!(report.errors, 0);
    assert_eq!(
        report.warnings,
        report
            .findings
            .iter()
            .filter(|f| f.severity == "warning")
            .count()
    );
    let schedules = "data/bihar-schedules-2026-05-15.toml";
    let ias = "data/dopt-ias-list-2025-10-16.toml";

    // BAS Basic-grade mandatory repeats.
    let f = expect_finding(
        &report,
        "duplicate",
        &[
            "bas-basic-ac",
            "rows 1 and 3",
            "Leadership Skills for Professionals",
        ],
        "row = 3,",
    );
    assert_eq!(f.file, schedules);
    expect_finding(
        &report,
        "duplicate",
        &["bas-basic-ac", "rows 7 and 12", "Delegation of power"],
        "row = 12,",
    );
    // BAS Joint-Secretary optional repeats and editing notes.
    expect_finding(
        &report,
        "duplicate",
        &["bas-js-ss", "rows 35 and 54", "Public Financial Management"],
        "row = 54,",
    );
    expect_finding(
        &report,
        "duplicate",
        &[
            "bas-js-ss",
            "rows 5 and 64",
            "Citizen Centricity Design Thinking",
        ],
        "row = 64,",
    );
    expect_finding(
        &report,
        "editing-note",
        &["bas-js-ss", "row 52"],
        "row = 52,",
    );
    expect_finding(
        &report,
        "editing-note",
        &["bas-js-ss", "row 62", "User?"],
        "row = 62,",
    );
    // Cut-off titles.
    expect_finding(
        &report,
        "truncated",
        &["bas-basic-ac", "\"Reduction\""],
        "\"Reduction\"",
    );
    expect_finding(
        &report,
        "truncated",
        &["bss-aso-us", "Data Analytics in the Public Sector with"],
        "row = 8,",
    );
    expect_finding(
        &report,
        "truncated",
        &["bss-aso-us", "Reservation Policy Handling matters of"],
        "row = 36,",
    );
    // Missing rows.
    let f = expect_finding(
        &report,
        "numbering-gap",
        &[
            "bas-basic-ac",
            "2, 3, 6, 10, 13, 14, 18, 21, 24, 27, 34, 36, 47, 54",
        ],
        "Active Listening Verbal Fluency",
    );
    assert_eq!(f.file, schedules);
    // UDC/LDC competencies unlike the other tiers.
    let f = expect_finding(
        &report,
        "competency-disagrees",
        &[
            "bscs-udc-ldc",
            "Basic Life Support-Disaster Response Training",
            "functional here",
        ],
        "Basic Life Support",
    );
    assert!(line_of(&f.file, f.line).contains("row = 10,"));
    let f = expect_finding(
        &report,
        "competency-disagrees",
        &["bscs-udc-ldc", "Yuva AI for All", "domain here"],
        "Yuva AI for All",
    );
    assert!(line_of(&f.file, f.line).contains("row = 15,"));
    // The IAS list.
    let f = expect_finding(
        &report,
        "status-differs",
        &["PM Gatishakti"],
        "PM Gatishakti",
    );
    assert_eq!(f.file, ias);
    let f = expect_finding(
        &report,
        "several-tiers",
        &["GenAI for Everyone", "ias-0-9", "ias-10-16"],
        "GenAI for Everyone",
    );
    assert_eq!(f.file, ias);

    for f in &report.findings {
        assert!(
            ["error", "warning", "info"].contains(&f.severity.as_str()),
            "{f:?}"
        );
        assert!(f.line > 0, "every finding has a line: {f:?}");
    }
}

#[test]
fn lint_text_prints_file_and_line() {
    let out = ok(&["lint"]);
    assert!(
        out.lines().any(|l| l
            .starts_with("data/bihar-schedules-2026-05-15.toml:146: warning[truncated]:")
            && l.contains("Reduction")),
        "{out}"
    );
    let summary = out.lines().last().unwrap();
    assert!(summary.starts_with("0 errors,"), "{summary}");
}

// ---------------------------------------------------------------------------
// bad input

fn assert_one_line(stderr: &str) {
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "want a one-line message, got:\n{stderr}"
    );
}

#[test]
fn unknown_tier_exits_2_naming_the_tiers() {
    for args in [
        &["courses", "--tier", "nope"][..],
        &["search", "yuva", "--tier", "nope"][..],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert_one_line(&r.stderr);
        assert!(r.stderr.contains("'nope'"), "{}", r.stderr);
        for id in NINE_TIERS {
            assert!(r.stderr.contains(id), "{id} not named in {}", r.stderr);
        }
    }
}

#[test]
fn unknown_competency_exits_2_naming_the_choices() {
    let r = run(&["courses", "--competency", "nope"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("nope"), "{}", r.stderr);
    for k in ["behavioural", "functional", "domain"] {
        assert!(r.stderr.contains(k), "{k} not named in {}", r.stderr);
    }
}

#[test]
fn unknown_competency_message_is_one_line() {
    let r = run(&["courses", "--competency", "nope"]);
    assert_eq!(r.code, 2);
    assert_one_line(&r.stderr);
}

#[test]
fn an_impossible_today_exits_2() {
    let r = run(&["--today", "2026-02-30", "tiers"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_one_line(&r.stderr);
    assert!(r.stderr.contains("2026-02-30"), "{}", r.stderr);
    assert!(r.stderr.contains("YYYY-MM-DD"), "{}", r.stderr);

    // Both spellings of a real date are taken.
    ok(&["--today", "2026-03-31", "tiers"]);
    ok(&["--today", "31.03.2026", "tiers"]);
}

#[test]
fn environment_options_are_read_too() {
    let r = karmadash()
        .env("KARMADASH_TODAY", "2026-02-30")
        .arg("tiers")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
}

// ---------------------------------------------------------------------------
// --data DIR

/// A small valid rulebook with the id of the built-in IAS list.
const REPLACEMENT_IAS_LIST: &str = r#"# A training cell's own IAS list.
id = "dopt-ias-list-2025-10-16"
short = "Test IAS list"

[citation]
authority = "Test authority"
reference = "T-1"
date = "2025-10-16"
subject = "A replacement list for the tests"

[applies]
services = ["ias"]

[[requirement]]
kind = "all-mandatory"
clause = "para 1"
text = "Complete every mandatory course"

[[tier]]
id = "ias-0-9"
service = "ias"
label = "IAS, test tier"
min_years = 0
max_years = 9
mandatory = [
  { row = 1, title = "Only Test Course" },
]
optional = [
  { row = 2, competencies = ["domain"], title = "Optional Test Course" },
]
"#;

fn data_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_rulebook_with_a_built_in_id_replaces_it() {
    let dir = data_dir(&[("my-ias-list.toml", REPLACEMENT_IAS_LIST)]);
    let d = dir.path().to_str().unwrap();

    let tiers = ok_json(&["--data", d, "tiers", "--json"]);
    let ids: Vec<&str> = tiers
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "ias-0-9",
            "bas-js-ss",
            "bas-basic-ac",
            "bss-ds-js",
            "bss-aso-us",
            "bscs-udc-ldc"
        ],
        "the built-in IAS tiers are gone, the Bihar ones stay"
    );
    assert_eq!(tiers[0]["label"], "IAS, test tier");
    assert_eq!(
        (
            tiers[0]["mandatory"].as_u64(),
            tiers[0]["optional"].as_u64()
        ),
        (Some(1), Some(1))
    );

    let rows = listings(&["--data", d, "--tier", "ias-0-9"]);
    let got: Vec<(&str, &str, String)> = rows
        .iter()
        .map(|l| (l.id.as_str(), l.title.as_str(), badge(&l.competencies)))
        .collect();
    assert_eq!(
        got,
        [
            ("ias-0-9/m1", "Only Test Course", "---".to_string()),
            ("ias-0-9/o2", "Optional Test Course", "--D".to_string()),
        ]
    );
    let (file, line) = split_source(&rows[1].source);
    assert!(file.ends_with("my-ias-list.toml"), "{file}");
    assert!(line_of(file, line).contains("Optional Test Course"));

    // The environment variable does the same.
    let out = karmadash()
        .env("KARMADASH_DATA", d)
        .args(["courses", "--tier", "ias-10-16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "ias-10-16 was replaced away");
}

#[test]
fn an_aliases_file_in_the_data_dir_adds_aliases() {
    let aliases = r#"[[alias]]
title = "Conflict Resolution Negotiation"
same_as = "Conflict Resolution and Negotiation"
why = "test: the optional title drops a small word"
"#;
    let before = listings(&["--tier", "bas-js-ss"]);
    assert_ne!(
        course_of(&before, "bas-js-ss/o7"),
        course_of(&before, "bas-js-ss/m2")
    );

    let dir = data_dir(&[("aliases.toml", aliases)]);
    let after = listings(&[
        "--data",
        dir.path().to_str().unwrap(),
        "--tier",
        "bas-js-ss",
    ]);
    assert_eq!(
        course_of(&after, "bas-js-ss/o7"),
        course_of(&after, "bas-js-ss/m2")
    );
}

#[test]
fn a_malformed_data_file_exits_2_naming_file_and_line() {
    let dir = data_dir(&[(
        "broken.toml",
        "id = \"broken\"\nshort = \"B\"\n[citation\nauthority = \"A\"\n",
    )]);
    let d = dir.path().to_str().unwrap();
    for args in [
        &["tiers"][..],
        &["courses", "--json"][..],
        &["search", "yuva"][..],
    ] {
        let mut full = vec!["--data", d];
        full.extend_from_slice(args);
        let r = run(&full);
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert_one_line(&r.stderr);
        assert!(r.stderr.contains("broken.toml:3:"), "{}", r.stderr);
    }
}

#[test]
fn a_bad_value_in_a_data_file_names_its_line() {
    let text =
        REPLACEMENT_IAS_LIST.replace("competencies = [\"domain\"]", "competencies = [\"maybe\"]");
    let line = text.lines().position(|l| l.contains("\"maybe\"")).unwrap() + 1;
    let dir = data_dir(&[("my-ias-list.toml", &text)]);
    let r = run(&["--data", dir.path().to_str().unwrap(), "tiers"]);
    assert_eq!(r.code, 2);
    assert_one_line(&r.stderr);
    assert!(
        r.stderr.contains(&format!("my-ias-list.toml:{line}:")),
        "line {line} not named: {}",
        r.stderr
    );
    assert!(r.stderr.contains("'maybe'"), "{}", r.stderr);
}

#[test]
fn lint_of_a_broken_data_dir_exits_1_with_file_and_line() {
    let dir = data_dir(&[(
        "broken.toml",
        "id = \"broken\"\nshort = \"B\"\n[citation\nauthority = \"A\"\n",
    )]);
    let d = dir.path().to_str().unwrap();

    let r = run(&["--data", d, "lint"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.contains("broken.toml:3: error[")),
        "{}",
        r.stdout
    );

    let (code, report) = lint_report(&["--data", d]);
    assert_eq!(code, 1);
    assert_eq!(report.errors, 1);
    let f = &report.findings[0];
    assert_eq!(f.severity, "error");
    assert!(f.file.ends_with("broken.toml"), "{f:?}");
    assert_eq!(f.line, 3);
}

#[test]
fn lint_of_a_good_data_dir_passes() {
    let dir = data_dir(&[("my-ias-list.toml", REPLACEMENT_IAS_LIST)]);
    let (code, report) = lint_report(&["--data", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(report.errors, 0);
    // The replaced list no longer has PM Gatishakti in two tiers.
    assert!(!report
        .findings
        .iter()
        .any(|f| f.message.contains("PM Gatishakti")));
    // The Bihar defects are still reported.
    assert!(report.findings.iter().any(|f| f.code == "numbering-gap"));
}

#[test]
fn a_missing_data_dir_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir");
    let r = run(&["--data", missing.to_str().unwrap(), "tiers"]);
    assert_eq!(r.code, 2);
    assert_one_line(&r.stderr);
    assert!(r.stderr.contains("no-such-dir"), "{}", r.stderr);
}
