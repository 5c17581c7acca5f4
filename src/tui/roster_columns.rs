//! The Roster view's columns fitted to the terminal's width. The officer's
//! name is the row, so it gets the room first; hours, mandatory courses and
//! the verdict are always whole (a cut number misleads: "2.4" for 2.48/52);
//! the tier and the next due date show whole or not at all; the flags take
//! what is left, whole words first, then a count of the rest.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::draw::fit;
use super::roster_data::RosterRow;
use crate::i18n::{tr, Lang};
use crate::roster::Verdict;

/// A column of the Roster view, in the order they stand on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Tier,
    Hours,
    Mandatory,
    Verdict,
    NextDue,
    Flags,
}

impl Column {
    pub fn heading(self, lang: Lang) -> String {
        let id = match self {
            Column::Name => "tui-roster-col-officer",
            Column::Tier => "tui-roster-col-tier",
            Column::Hours => "tui-roster-col-hours",
            Column::Mandatory => "tui-roster-col-mand",
            Column::Verdict => "tui-roster-col-verdict",
            Column::NextDue => "tui-roster-col-next-due",
            Column::Flags => "tui-roster-col-flags",
        };
        tr(lang, id, &[])
    }

    /// Numbers line up on the right.
    fn right(self) -> bool {
        matches!(self, Column::Hours | Column::Mandatory)
    }

    /// What this column shows of `r`, whole (the flags before fitting).
    pub fn text(self, r: &RosterRow, lang: Lang) -> String {
        match self {
            Column::Name => r.officer.name.clone(),
            Column::Tier => r.tier.clone().unwrap_or_else(|| "-".into()),
            Column::Hours => r.hours.clone().unwrap_or_else(|| "-".into()),
            Column::Mandatory => r.mandatory.clone().unwrap_or_else(|| "-".into()),
            Column::Verdict => verdict_word(r.verdict, lang),
            Column::NextDue => due_text(r.next_due),
            Column::Flags => flag_kinds(r).join(","),
        }
    }
}

/// A verdict's word in the chosen language ("behind", "पिछड़े").
pub fn verdict_word(v: Verdict, lang: Lang) -> String {
    let id = match v {
        Verdict::Overdue => "tui-roster-overdue",
        Verdict::Behind => "tui-verdict-behind",
        Verdict::Unmapped => "tui-roster-unmapped",
        Verdict::OnPace => "tui-roster-on-pace",
        Verdict::Met => "tui-roster-met",
        Verdict::Exempt => "tui-roster-exempt",
        Verdict::Unregistered => "tui-roster-unregistered",
    };
    tr(lang, id, &[])
}

pub fn due_text(d: Option<NaiveDate>) -> String {
    d.map_or("-".into(), |d| d.format("%d.%m.%Y").to_string())
}

/// The kinds of an officer's flags, each once, in the order raised.
pub fn flag_kinds(r: &RosterRow) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for f in &r.flags {
        if !out.contains(&f.kind.id()) {
            out.push(f.kind.id());
        }
    }
    out
}

/// The flags in `width` cells: as many whole words as fit, then "+N" for
/// the rest; never a word cut in two.
pub fn flags_in(kinds: &[&str], width: usize) -> String {
    let all = kinds.join(",");
    if all.width() <= width {
        return all;
    }
    for shown in (0..kinds.len()).rev() {
        let rest = format!("+{}", kinds.len() - shown);
        let text = if shown == 0 {
            rest
        } else {
            format!("{} {rest}", kinds[..shown].join(","))
        };
        if text.width() <= width {
            return text;
        }
    }
    String::new()
}

/// The columns shown and their widths.
#[derive(Debug, PartialEq, Eq)]
pub struct Columns(pub Vec<(Column, usize)>, pub Lang);

/// The columns of `rows` in `width` cells (the selection mark's column
/// and one blank between columns taken off first).
pub fn lay_out(rows: &[&RosterRow], width: usize, lang: Lang) -> Columns {
    let natural = |c: Column| {
        rows.iter()
            .map(|r| c.text(r, lang).width())
            .chain([c.heading(lang).width()])
            .max()
            .unwrap_or(0)
    };
    let always = [Column::Hours, Column::Mandatory, Column::Verdict];
    let mut left = width.saturating_sub(crate::tui::row_pane::GUTTER);
    left = left.saturating_sub(always.iter().map(|c| natural(*c) + 1).sum());
    let name = natural(Column::Name).min(left);
    left -= name;
    let mut shown = vec![(Column::Name, name)];
    shown.extend(always.iter().map(|c| (*c, natural(*c))));
    // Whole or not at all, the tier before the date: the tier says which
    // list the numbers count against.
    for c in [Column::Tier, Column::NextDue] {
        if natural(c) < left {
            left -= natural(c) + 1;
            shown.push((c, natural(c)));
        }
    }
    let flagged = rows.iter().any(|r| !r.flags.is_empty());
    if flagged && left > Column::Flags.heading(lang).width() {
        shown.push((Column::Flags, natural(Column::Flags).min(left - 1)));
    }
    shown.sort_by_key(|(c, _)| *c as u8);
    Columns(shown, lang)
}

impl Columns {
    /// The heading line's texts, aligned as the cells are.
    pub fn headings(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|(c, w)| align(*c, &c.heading(self.1), *w))
            .collect()
    }

    /// One officer's cells, each fitted to its column.
    pub fn cells(&self, r: &RosterRow) -> Vec<String> {
        self.0
            .iter()
            .map(|(c, w)| match c {
                Column::Flags => flags_in(&flag_kinds(r), *w),
                Column::Name => fit(&c.text(r, self.1), *w),
                _ => align(*c, &c.text(r, self.1), *w),
            })
            .collect()
    }
}

/// The selected officer's e-mail (what `roster show` takes), then what the
/// columns left out of their row: every flag, the tier, the next due date;
/// bare words, as the columns show them, so more fits on a narrow line.
pub fn selected_parts(r: &RosterRow, columns: &Columns) -> Vec<String> {
    let shown = |c: Column| columns.0.iter().find(|(x, _)| *x == c).map(|(_, w)| *w);
    let kinds = flag_kinds(r);
    let mut parts = vec![r.officer.id.0.clone()];
    let all_flags = kinds.join(",");
    if !kinds.is_empty() && shown(Column::Flags).is_none_or(|w| w < all_flags.width()) {
        parts.push(all_flags);
    }
    if shown(Column::Tier).is_none() {
        let none = || tr(columns.1, "tui-roster-no-tier", &[]);
        parts.push(r.tier.clone().unwrap_or_else(none));
    }
    if shown(Column::NextDue).is_none() {
        let date = due_text(r.next_due);
        parts.push(tr(columns.1, "tui-roster-due", &[("date", date.into())]));
    }
    parts
}

/// `parts` joined by " · " on at most `max` lines of `width`, each part
/// whole on one line (cut with "…" only when longer than a line); what
/// does not fit ends the last line with "…".
pub fn wrap_parts(parts: &[String], width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        let part = fit(part, width);
        let full = lines.len() >= max;
        match lines.last_mut() {
            Some(line) if line.width() + 3 + part.width() <= width => {
                line.push_str(" · ");
                line.push_str(&part);
            }
            Some(line) if full => {
                if line.width() + 2 <= width {
                    line.push_str(" …");
                }
                break;
            }
            _ => lines.push(part),
        }
    }
    lines
}

fn align(c: Column, text: &str, width: usize) -> String {
    if c.right() {
        let pad = width.saturating_sub(text.width());
        format!("{}{text}", " ".repeat(pad))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_give_way_word_by_word_then_to_a_count() {
        let kinds = ["too-fast", "no-duration", "not-in-latest-report"];
        assert_eq!(
            flags_in(&kinds, 80),
            "too-fast,no-duration,not-in-latest-report"
        );
        assert_eq!(flags_in(&kinds, 24), "too-fast,no-duration +1");
        assert_eq!(flags_in(&kinds, 12), "too-fast +2");
        assert_eq!(flags_in(&kinds, 5), "+3");
        assert_eq!(flags_in(&kinds, 1), "");
        assert_eq!(flags_in(&[], 5), "");
    }

    #[test]
    fn the_selected_officer_s_words_wrap_whole_and_end_in_an_ellipsis() {
        let parts: Vec<String> = [
            "ab@x.in",
            "too-fast,no-duration",
            "bas-basic-ac",
            "due 31.03.2027",
        ]
        .map(String::from)
        .into();
        assert_eq!(
            wrap_parts(&parts, 80, 2),
            ["ab@x.in · too-fast,no-duration · bas-basic-ac · due 31.03.2027"]
        );
        assert_eq!(
            wrap_parts(&parts, 30, 2),
            [
                "ab@x.in · too-fast,no-duration",
                "bas-basic-ac · due 31.03.2027"
            ]
        );
        assert_eq!(
            wrap_parts(&parts, 22, 2),
            ["ab@x.in", "too-fast,no-duration …"]
        );
        assert_eq!(wrap_parts(&parts[..1], 5, 2), ["ab@x…"]);
    }
}
