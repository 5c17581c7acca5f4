//! The roster as the dashboard holds it: the cell's officers read from the
//! store and evaluated by the engine when the snapshot is read (and again
//! when the change marker moves), never per frame; most urgent first.

use chrono::NaiveDate;

use crate::catalogue::Catalogue;
use crate::roster::designations::Designations;
use crate::roster::evaluate::records_of;
use crate::roster::urgency::by_urgency;
use crate::roster::{
    evaluate_officer, Defaults, DurationSeen, Flag, FlagKind, Officer, OfficerId, Verdict,
};
use crate::rules::engine::{RequirementStatus, Status};
use crate::rules::fy::FinancialYear;
use crate::rules::record::Completion;
use crate::store::Store;
use crate::tui::wording::NoStatus;
use crate::units::hours::format_hours;

/// One officer's line, with what the Roster view draws worked out once.
#[derive(Debug, Clone)]
pub struct RosterRow {
    pub officer: Officer,
    pub status: Option<Status>,
    pub flags: Vec<Flag>,
    pub verdict: Verdict,
    pub tier: Option<String>,
    /// Hours done of the target ("12.5/52"), where an hours rule applies.
    pub hours: Option<String>,
    /// Mandatory courses done of the tier's list ("3/5").
    pub mandatory: Option<String>,
    pub next_due: Option<NaiveDate>,
}

#[derive(Debug, Default)]
pub struct Roster {
    pub rows: Vec<RosterRow>,
    /// Why the roster could not be read (the store, or a broken
    /// `designations.toml`); the view says so in place of rows.
    pub problem: Option<String>,
    /// The courses' durations the imported reports showed: the Plan view
    /// counts them, as `karmadash plan` does.
    pub durations: Vec<DurationSeen>,
    /// The roster at each import's report time, for the view's chart.
    pub history: Vec<crate::roster::history::HistoryPoint>,
}

/// A roster officer's Progress, shown read-only in the Progress view.
#[derive(Debug, Clone)]
pub struct OfficerProgress {
    pub id: OfficerId,
    pub name: String,
    /// Who, as the banner over their Progress names them.
    pub label: String,
    pub status: Result<Status, NoStatus>,
    pub completions: Vec<Completion>,
}

fn fraction(r: Option<&RequirementStatus>, hours: bool) -> Option<String> {
    r.map(|r| match (hours, r.seconds) {
        (true, Some(s)) => format!("{}/{}", format_hours(s), r.target),
        _ => format!("{}/{}", r.done, r.target),
    })
}

impl Roster {
    /// Every officer of the store's roster for the FY of `today`. The
    /// dashboard has no `--service` or `--state`: an officer is placed by
    /// their UserReport service or a designation that names one service.
    pub fn read(
        catalogue: &Catalogue,
        store: &Store,
        designations: &Designations,
        today: NaiveDate,
    ) -> Roster {
        let snapshot = match store.roster() {
            Ok(s) => s,
            Err(e) => return Roster::failed(super::wording::store_error(&e)),
        };
        let (cell, history) = match (store.cell(), store.history()) {
            (Ok(c), Ok(h)) => (c, h),
            (Err(e), _) | (_, Err(e)) => return Roster::failed(super::wording::store_error(&e)),
        };
        let all = crate::roster::cell::with_expected(&snapshot.officers, &cell.expected);
        let fy = FinancialYear::containing(today);
        let defaults = Defaults::default();
        let mut evaluated: Vec<_> = all
            .iter()
            .map(|o| evaluate_officer(catalogue, designations, &defaults, o, fy, today))
            .collect();
        crate::roster::cell::apply(&mut evaluated, &snapshot.officers, &cell, today);
        evaluated.sort_by(by_urgency);
        let rows = evaluated
            .into_iter()
            .map(|s| RosterRow {
                verdict: s.verdict(),
                tier: s.status.as_ref().and_then(|st| st.tier.id.clone()),
                hours: fraction(s.hours(), true),
                mandatory: fraction(s.mandatory(), false),
                next_due: s.next_due(),
                officer: s.officer.clone(),
                status: s.status,
                flags: s.flags,
            })
            .collect();
        Roster {
            rows,
            problem: None,
            durations: snapshot.durations,
            history,
        }
    }

    pub fn failed(why: String) -> Roster {
        Roster {
            rows: Vec::new(),
            problem: Some(why),
            durations: Vec::new(),
            history: Vec::new(),
        }
    }

    /// The tiers the roster's officers are in, in the order first seen.
    pub fn tiers(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in self.rows.iter().filter_map(|r| r.tier.as_ref()) {
            if !out.contains(t) {
                out.push(t.clone());
            }
        }
        out.sort();
        out
    }

    /// The departments (`organisation`) the roster's officers are of, each
    /// once, sorted: the ones `roster --mdo` knows.
    pub fn departments(&self) -> Vec<String> {
        crate::roster::mdo::distinct(
            self.rows
                .iter()
                .filter_map(|r| r.officer.organisation.clone()),
        )
    }

    /// One officer's Progress as the engine gives it, or `None` when the
    /// officer is no longer in the roster.
    pub fn progress_of(&self, id: &OfficerId, today: NaiveDate) -> Option<OfficerProgress> {
        let row = self.rows.iter().find(|r| &r.officer.id == id)?;
        let o = &row.officer;
        let status = row.status.clone().ok_or_else(|| {
            let why = row
                .flags
                .iter()
                .rev()
                .find(|f| f.kind == FlagKind::Unmapped)
                .map_or("no tier", |f| f.text.as_str());
            NoStatus::OfficerUnplaced {
                name: o.name.clone(),
                id: o.id.0.clone(),
                why: why.to_string(),
            }
        });
        // Name and identity; the tier is in the Progress box's title.
        let label = format!("{} <{}>", o.name, o.id.0);
        Some(OfficerProgress {
            id: o.id.clone(),
            name: o.name.clone(),
            label,
            status,
            completions: records_of(o, today).0,
        })
    }
}
