//! `roster notices`: for each department, one letter to its controlling
//! officer listing every officer behind (what they lack, by when, under
//! which order), as the GAD's own reminder letters do; and one CSV for a
//! mail merge with a short notice per officer. The words come from
//! templates in `data/notices/`, which a cell replaces with its own in
//! `--data DIR/notices/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::args::RosterArgs;
use super::args_cell::RosterNoticesArgs;
use super::output::{csv_table, emit, Cell};
use super::roster_cmds::evaluated;
use super::{store, Context, Failure, Outcome, Problem};
use crate::roster::{OfficerStatus, Verdict};
use crate::rules::engine::{Standing, Unit};
use crate::rules::fy::FinancialYear;
use crate::units::hours::format_hours;
use crate::units::lang::Lang;

const BUILT_IN: &[(&str, &str)] = &[
    (
        "letter-en.txt",
        include_str!("../../data/notices/letter-en.txt"),
    ),
    (
        "letter-hi.txt",
        include_str!("../../data/notices/letter-hi.txt"),
    ),
    (
        "notice-en.txt",
        include_str!("../../data/notices/notice-en.txt"),
    ),
    (
        "notice-hi.txt",
        include_str!("../../data/notices/notice-hi.txt"),
    ),
];

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Hi => "hi",
        Lang::En => "en",
    }
}

/// The cell's template from `--data DIR/notices/`, else the built-in one.
fn template(ctx: &Context, name: &str) -> Result<String, Failure> {
    if let Some(dir) = &ctx.data {
        let path = dir.join("notices").join(name);
        if path.exists() {
            return std::fs::read_to_string(&path)
                .map_err(|error| Problem::CannotReadTemplate { path, error }.into());
        }
    }
    Ok(BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| t.to_string())
        .unwrap_or_default())
}

/// `{key}` in the template becomes the value; other text stays.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(template.to_string(), |t, (k, v)| {
        t.replace(&format!("{{{k}}}"), v)
    })
}

/// What the officer lacks, requirement by requirement, in `lang`.
fn lacks(s: &OfficerStatus, lang: Lang) -> String {
    if s.verdict() == Verdict::Unregistered {
        return match lang {
            Lang::En => "not registered on the iGOT Karmayogi portal".into(),
            Lang::Hi => "iGOT कर्मयोगी पोर्टल पर पंजीकरण नहीं".into(),
        };
    }
    let open = s
        .status
        .iter()
        .flat_map(|st| st.requirements.iter())
        .filter(|r| !r.met && r.standing != Standing::Met);
    let parts: Vec<String> = open
        .map(|r| match (r.unit, lang) {
            (Unit::Hours, Lang::En) => format!(
                "{} of {} hours done",
                format_hours(r.seconds.unwrap_or(0)),
                r.target
            ),
            (Unit::Hours, Lang::Hi) => format!(
                "{} घंटों में से {} घंटे पूर्ण",
                r.target,
                format_hours(r.seconds.unwrap_or(0))
            ),
            (_, Lang::En) if r.kind == "all-mandatory" => {
                format!("{} of {} mandatory courses done", r.done, r.target)
            }
            (_, Lang::Hi) if r.kind == "all-mandatory" => {
                format!("{} अनिवार्य पाठ्यक्रमों में से {} पूर्ण", r.target, r.done)
            }
            (_, Lang::En) => format!("{} of {} done ({})", r.done, r.target, r.text),
            (_, Lang::Hi) => format!("{} में से {} पूर्ण ({})", r.target, r.done, r.text),
        })
        .collect();
    parts.join("; ")
}

/// The orders behind what the officers lack, each once.
fn orders(rows: &[&OfficerStatus]) -> String {
    let mut cited: Vec<String> = Vec::new();
    for r in rows
        .iter()
        .flat_map(|s| s.status.iter().flat_map(|st| st.requirements.iter()))
        .filter(|r| !r.met)
    {
        if !cited.contains(&r.citation) {
            cited.push(r.citation.clone());
        }
    }
    if cited.is_empty() {
        "the orders on mandatory training".into()
    } else {
        cited.join("; ")
    }
}

fn deadline(s: &OfficerStatus, fy: FinancialYear) -> String {
    s.next_due()
        .unwrap_or(fy.end())
        .format("%d.%m.%Y")
        .to_string()
}

/// A department's name as a file name: letters and digits, else dashes.
fn file_stem(department: &str, n: usize) -> String {
    let mut stem = String::new();
    for c in department.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-').to_string();
    if stem.is_empty() {
        format!("department-{n}")
    } else {
        stem
    }
}

fn write(path: PathBuf, text: &str) -> Result<(), Failure> {
    std::fs::write(&path, text).map_err(|error| Problem::CannotWriteNotice { path, error }.into())
}

/// The defaulters, by department: behind, overdue or unregistered.
fn by_department<'a, 'b>(
    rows: &'b [OfficerStatus<'a>],
    mdo: Option<&str>,
) -> Result<BTreeMap<String, Vec<&'b OfficerStatus<'a>>>, Failure> {
    let department = |s: &OfficerStatus| {
        s.officer
            .organisation
            .clone()
            .unwrap_or_else(|| "(no department)".into())
    };
    if let Some(m) = mdo {
        if !rows
            .iter()
            .any(|s| department(s).eq_ignore_ascii_case(m.trim()))
        {
            let mut known: Vec<String> = rows.iter().map(department).collect();
            known.sort();
            known.dedup();
            return Err(Problem::NoSuchDepartment {
                given: m.to_string(),
                known: known.join(", "),
            }
            .into());
        }
    }
    let mut out: BTreeMap<String, Vec<&OfficerStatus>> = BTreeMap::new();
    for s in rows.iter().filter(|s| {
        matches!(
            s.verdict(),
            Verdict::Overdue | Verdict::Behind | Verdict::Unregistered
        )
    }) {
        let d = department(s);
        if mdo.is_none_or(|m| d.eq_ignore_ascii_case(m.trim())) {
            out.entry(d).or_default().push(s);
        }
    }
    Ok(out)
}

pub fn notices(ctx: &Context, args: &RosterArgs, a: &RosterNoticesArgs) -> Outcome {
    let fy = FinancialYear::containing(ctx.today);
    let roster = store(ctx)?.roster().map_err(Failure::from)?;
    let (all, cell) = super::roster_cell::listed(ctx, &roster.officers)?;
    if all.is_empty() {
        return Err(Problem::EmptyRoster.into());
    }
    let mut rows = evaluated(ctx, args, (&all, &roster.officers, &cell), fy)?;
    rows.sort_by(crate::roster::urgency::by_urgency);
    let departments = by_department(&rows, a.mdo.as_deref())?;
    // The letters follow the global language (`--lang hi`, KARMADASH_LANG,
    // the locale): Hindi in the words of the GAD's orders.
    let lang = ctx.lang;
    let letter = template(ctx, &format!("letter-{}.txt", code(lang)))?;
    let notice = template(ctx, &format!("notice-{}.txt", code(lang)))?;
    std::fs::create_dir_all(&a.out).map_err(|error| Problem::CannotWriteNotice {
        path: a.out.clone(),
        error,
    })?;
    let date = ctx.today.format("%d.%m.%Y").to_string();
    let mut mails: Vec<[String; 4]> = Vec::new();
    let mut names = Vec::new();
    for (n, (department, defaulters)) in departments.iter().enumerate() {
        let cited = orders(defaulters);
        let list: Vec<String> = defaulters
            .iter()
            .enumerate()
            .map(|(i, s)| defaulter_line(i + 1, s, lang, fy))
            .collect();
        let common = [
            ("department", department.clone()),
            ("date", date.clone()),
            ("fy", fy.to_string()),
            ("orders", cited.clone()),
            ("deadline", fy.end().format("%d.%m.%Y").to_string()),
        ];
        let mut values = common.to_vec();
        values.push(("count", defaulters.len().to_string()));
        values.push(("defaulters", list.join("\n")));
        let name = format!("{}.{}.txt", file_stem(department, n + 1), code(lang));
        write(a.out.join(&name), &fill(&letter, &values))?;
        names.push(name);
        for s in defaulters {
            mails.extend(mail(s, &notice, &common, lang, fy));
        }
    }
    let csv_name = format!("notices.{}.csv", code(lang));
    write(a.out.join(&csv_name), &mail_csv(&mails))?;
    emit(&said(&a.out, &names, &csv_name, &mails, &departments))
}

fn defaulter_line(i: usize, s: &OfficerStatus, lang: Lang, fy: FinancialYear) -> String {
    let o = s.officer;
    let by = match lang {
        Lang::En => format!("by {}", deadline(s, fy)),
        Lang::Hi => format!("समय-सीमा {}", deadline(s, fy)),
    };
    let stop = if lang == Lang::Hi { "।" } else { "." };
    format!(
        "{i}. {}, {} <{}>: {}; {by}{stop}",
        o.name,
        o.designation.as_deref().unwrap_or("-"),
        o.id,
        lacks(s, lang)
    )
}

/// One officer's notice (e-mail, name, subject, body), if the roster
/// knows their e-mail.
fn mail(
    s: &OfficerStatus,
    template: &str,
    common: &[(&str, String)],
    lang: Lang,
    fy: FinancialYear,
) -> Option<[String; 4]> {
    let email = &s.officer.id.0;
    if !email.contains('@') {
        return None;
    }
    let mut values = common.to_vec();
    values.push(("name", s.officer.name.clone()));
    values.push(("lacks", lacks(s, lang)));
    values.push(("deadline", deadline(s, fy)));
    values.push(("orders", orders(&[s])));
    let text = fill(template, &values);
    let (subject, body) = text.split_once('\n').unwrap_or((text.as_str(), ""));
    Some([
        email.clone(),
        s.officer.name.clone(),
        subject.trim().to_string(),
        body.trim().to_string(),
    ])
}

fn mail_csv(mails: &[[String; 4]]) -> String {
    csv_table(
        &["email", "name", "subject", "body"],
        mails
            .iter()
            .map(|m| m.iter().map(|c| Cell::Text(c)).collect()),
    )
}

fn said(
    out: &Path,
    letters: &[String],
    csv_name: &str,
    mails: &[[String; 4]],
    departments: &BTreeMap<String, Vec<&OfficerStatus>>,
) -> String {
    let defaulters: usize = departments.values().map(Vec::len).sum();
    if letters.is_empty() {
        return format!(
            "No officer is behind, overdue or unregistered: no letter; {} has the header only.\n",
            out.join(csv_name).display()
        );
    }
    let mut text = format!(
        "{} letter{} for {defaulters} officer{} behind, overdue or unregistered, in {}:\n",
        letters.len(),
        if letters.len() == 1 { "" } else { "s" },
        if defaulters == 1 { "" } else { "s" },
        out.display()
    );
    for l in letters {
        text.push_str(&format!("  {l}\n"));
    }
    text.push_str(&format!("  {csv_name} ({} notices", mails.len()));
    if mails.len() < defaulters {
        text.push_str(&format!(
            "; {} officer{} without an e-mail in the reports",
            defaulters - mails.len(),
            if defaulters - mails.len() == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    text.push_str(")\n");
    text
}
