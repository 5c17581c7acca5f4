//! Writes a large seeded ConsumptionReport.csv (the portal's current
//! header generation) for the roster's scale benchmark: realistic names,
//! designations of the Bihar services, real course titles from the
//! built-in catalogue mixed with portal-like ones, durations, dates across
//! two financial years, a few officers completing the same course in two
//! batches. Phone, gender and category columns are filled, as the portal
//! fills them, so the benchmark reads what a cell really downloads.
//!
//! ```text
//! cargo run --release --example gen_consumption -- --out FILE [--officers 50000] [--rows 1000000] [--seed 7]
//! ```

use std::io::Write;
use std::path::PathBuf;

const HEADER: &str = "Full_Name,Designation,Email,Phone_Number,MDO_Name,Group,Tag,Ministry,Department,Organization,Content_Provider,Content_Name,Content_Type,Content_Duration,Batch_Id,Batch_Name,Batch_Start_Date,Batch_End_Date,Enrolled_On,Status,Content_Progress_Percentage,Last_Published_On,Content_Retired_On,Completed_On,Certificate_Generated,User_Rating,Gender,Category,External_System,External_System_Id,Certificate_ID,Report_Last_Generated_On,Live_CBP_Plan_Mandate";

const FIRST: &[&str] = &[
    "Anjali", "Ravi", "Sunita", "Imran", "Pooja", "Rakesh", "Neha", "Amit", "Priya", "Sanjay",
    "Kavita", "Manoj", "Rekha", "Vikas", "Shabnam", "Arun", "Meena", "Deepak", "Nisha", "Rahul",
];
const LAST: &[&str] = &[
    "Kumari",
    "Prasad",
    "Devi",
    "Alam",
    "Sinha",
    "Kumar",
    "Singh",
    "Jha",
    "Mishra",
    "Yadav",
    "Paswan",
    "Choudhary",
    "Ansari",
    "Thakur",
    "Verma",
    "Pandey",
    "Ranjan",
    "Sahu",
    "Mandal",
];
const DESIGNATIONS: &[&str] = &[
    "Deputy Collector",
    "Senior Deputy Collector",
    "Additional Collector",
    "Joint Secretary",
    "Special Secretary",
    "Assistant Section Officer",
    "Section Officer",
    "Under Secretary",
    "Deputy Secretary",
    "Upper Division Clerk",
    "Lower Division Clerk",
];
const PORTAL: &[&str] = &[
    "Basics of RTI",
    "e-Office for Beginners",
    "Government e-Marketplace Procurement",
    "Cyber Hygiene for Government Employees",
    "Prevention of Sexual Harassment at Workplace",
    "Disaster Management Essentials",
    "Ethics in Public Service",
    "Stress Management",
    "GFR 2017: An Overview",
    "Grievance Redressal with CPGRAMS",
];

fn main() {
    if let Err(e) = run() {
        eprintln!("gen_consumption: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let usage = "usage: gen_consumption --out FILE [--officers N] [--rows N] [--seed N]";
    let (mut officers, mut rows, mut seed, mut out) = (50_000usize, 1_000_000usize, 7u64, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or(format!("{arg} needs a value; {usage}"))?;
        let number = || format!("{arg} takes a whole number, not '{value}'");
        match arg.as_str() {
            "--officers" => officers = value.parse().map_err(|_| number())?,
            "--rows" => rows = value.parse().map_err(|_| number())?,
            "--seed" => seed = value.parse().map_err(|_| number())?,
            "--out" => out = Some(PathBuf::from(value)),
            _ => return Err(usage.into()),
        }
    }
    let out = out.ok_or(usage)?;
    if officers == 0 {
        return Err("--officers must be at least 1".into());
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let file =
        std::fs::File::create(&out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let mut w = csv::Writer::from_writer(std::io::BufWriter::new(file));
    let catalogue = karmadash::catalogue::Catalogue::builtin().map_err(|e| e.to_string())?;
    let mut titles: Vec<String> = catalogue.courses.iter().map(|c| c.title.clone()).collect();
    titles.extend(PORTAL.iter().map(|s| s.to_string()));
    // Each title keeps one duration, as the portal's catalogue does.
    let mut rng = fastrand::Rng::with_seed(seed);
    let durations: Vec<u32> = titles.iter().map(|_| rng.u32(10..=480) * 60).collect();
    w.write_record(HEADER.split(','))
        .map_err(|e| e.to_string())?;
    let day0 = chrono::NaiveDate::from_ymd_opt(2025, 4, 1).expect("a date");
    for row in 0..rows {
        let o = row % officers;
        let mut orng = fastrand::Rng::with_seed(seed ^ (o as u64).wrapping_mul(0x9E37_79B9));
        let first = FIRST[orng.usize(..FIRST.len())];
        let last = LAST[orng.usize(..LAST.len())];
        let designation = DESIGNATIONS[orng.usize(..DESIGNATIONS.len())];
        let t = rng.usize(..titles.len());
        let seconds = durations[t];
        let done = day0 + chrono::Duration::days(rng.i64(0..600));
        let completed = rng.u8(..10) < 8;
        let hms = format!(
            "{:02}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
        let enrolled = format!("{} 09:00:00", done - chrono::Duration::days(rng.i64(0..20)));
        let completed_on = if completed {
            format!("{done} 17:{:02}:00", rng.u8(..60))
        } else {
            String::new()
        };
        let phone = format!("9{:09}", rng.u64(..1_000_000_000));
        let fields = [
            format!("{first} {last}"),
            designation.to_string(),
            format!(
                "{}.{}.{o}@bihar.gov.in",
                first.to_lowercase(),
                last.to_lowercase()
            ),
            phone,
            "General Administration Department, Bihar".into(),
            "Group A".into(),
            String::new(),
            "Bihar".into(),
            "General Administration Department".into(),
            "General Administration Department, Bihar".into(),
            "Bihar Institute of Public Administration and Rural Development".into(),
            titles[t].clone(),
            "Course".into(),
            hms,
            format!("0139{:07}", rng.u32(..10_000_000)),
            "Batch 1".into(),
            "2025-04-01".into(),
            "2027-03-31".into(),
            enrolled,
            if completed {
                "completed".into()
            } else {
                "in-progress".into()
            },
            if completed {
                "100".into()
            } else {
                rng.u8(1..100).to_string()
            },
            "2025-03-15".into(),
            String::new(),
            completed_on,
            if completed { "Yes".into() } else { "No".into() },
            "4.5".into(),
            if orng.bool() {
                "Female".into()
            } else {
                "Male".into()
            },
            "General".into(),
            String::new(),
            String::new(),
            if completed {
                format!("c0ffee{row:010x}")
            } else {
                String::new()
            },
            "2026-11-22 07:30:00 AM".into(),
            "false".into(),
        ];
        w.write_record(&fields)
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    }
    w.flush()
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let mut err = std::io::stderr();
    let _ = writeln!(
        err,
        "{}: {rows} rows, {officers} officers, {} titles (seed {seed})",
        out.display(),
        titles.len()
    );
    Ok(())
}
