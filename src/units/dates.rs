//! The one reader of a calendar date, for every place one is written: as
//! people and orders type it (day first, or ISO year first), as a data
//! file's ISO date, and as a portal report's date part (day or month first
//! as the file proves, year first with any separator); and the bounds a
//! real one keeps. The forms are modes of one reader, so a date read in one
//! place is read alike in all.

use chrono::NaiveDate;

/// Mission Karmayogi was approved on 02.09.2020; no iGOT course predates it.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(2020, 9, 2) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// The forms `parse_date` accepts, in words, for every message about a date.
pub const DATE_FORMS: &str =
    "write 15.09.2026 or 2026-09-15 (day first: 15.09.2026, 15/09/2026, 15-09-2026; or year first: 2026-09-15)";

/// Why a typed date was refused: the text as typed and what is wrong
/// with it, each with the forms a date may take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{typed}' is not a date: {DATE_FORMS}")]
    NotADate { typed: String },
    /// "15.09.26": the same date with all four digits is `with_century`.
    #[error("'{typed}' has a two-digit year: give all four digits, e.g. {with_century}")]
    TwoDigitYear { typed: String, with_century: String },
    /// Month first (09/15/2026): the day comes first.
    #[error("'{typed}' has no month {month}: the day comes first; {DATE_FORMS}")]
    NoMonth { typed: String, month: u32 },
    /// Year first with a month past 12 (2026-13-01): a slip, not an order.
    #[error("'{typed}' has no month {month}: a year has 12 (write 15.09.2026 or 2026-09-15)")]
    NoSuchMonth { typed: String, month: u32 },
    #[error("'{typed}' is not a date: month {month} of {year} has no day {day} (write 15.09.2026 or 2026-09-15)")]
    NoDay {
        typed: String,
        year: i32,
        month: u32,
        day: u32,
    },
    /// A report's `4/3/2026` with no order proved for its file.
    #[error("'{typed}' reads as two different dates, with the day or the month first")]
    Ambiguous { typed: String },
}

/// Who wrote the date: it decides which orders and separators are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// Typed by a person, as Indian orders print dates: day first with `.`,
    /// `/` or `-` (15.09.2026), or ISO year first with `-` (2026-09-15).
    /// A two-digit year and a month first are refused with the fix.
    Typed,
    /// A data file's ISO date, year first with `-` only (2026-09-15).
    Iso,
    /// A report's date part: year first with `-`, `/` or `.`, or year last
    /// in the order its own numbers prove, else in the file's order; with
    /// neither, a date two orders read differently is refused.
    Report(Option<DateOrder>),
}

/// Which of a slashed date's first two numbers is the day: `4/3/2026` is
/// 4 March day first (India, the portal's `dd/MM/yyyy`) and 3 April month
/// first (Excel in a US locale). A file is read in one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl DateOrder {
    pub fn words(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day first",
            DateOrder::MonthFirst => "month first",
        }
    }
}

/// What one date says about its file's date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderHint {
    /// Not a year-last date, or one that reads the same either way (5/5/2026).
    Neither,
    /// Only this order gives a date: `22/11/2026`, `11/22/2026`.
    Proves(DateOrder),
    /// Both orders give a date, and different ones: `4/3/2026`.
    Ambiguous,
}

/// A date's three runs of digits and the separator between them, the
/// first of `.`, `/`, `-` it holds; None unless exactly three, all digits.
fn fields(s: &str) -> Option<(char, [&str; 3])> {
    let sep = s.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    [a, b, c]
        .iter()
        .all(|p| all_digits(p))
        .then_some((sep, [*a, *b, *c]))
}

/// What the first two numbers of a year-last date prove about the order.
fn hint(a: u32, b: u32) -> OrderHint {
    match (a > 12, b > 12) {
        _ if a == b => OrderHint::Neither,
        (true, false) if b >= 1 => OrderHint::Proves(DateOrder::DayFirst),
        (false, true) if a >= 1 => OrderHint::Proves(DateOrder::MonthFirst),
        (false, false) if a >= 1 && b >= 1 => OrderHint::Ambiguous,
        _ => OrderHint::Neither,
    }
}

/// What a report's date part (`22/11/2026`) proves about its file's order.
pub fn order_hint(date: &str) -> OrderHint {
    match fields(date) {
        Some((_, [a, b, c])) if a.len() <= 2 && b.len() <= 2 && c.len() == 4 => {
            match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) => hint(a, b),
                _ => OrderHint::Neither,
            }
        }
        _ => OrderHint::Neither,
    }
}

/// A date as a person types it: `parse_date_as` in its typed mode.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    parse_date_as(s, DateForm::Typed)
}

/// Reads a date written in `form`. The year has four digits: "15.09.26"
/// could be 1926 or 2026.
pub fn parse_date_as(s: &str, form: DateForm) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    let typed = || s.to_string();
    let not_a_date = || DateError::NotADate { typed: typed() };
    let (sep, [a, b, c]) = fields(s).ok_or_else(not_a_date)?;
    let num = |p: &str| p.parse::<u32>().map_err(|_| not_a_date());
    let year_first_seps: &[char] = match form {
        DateForm::Report(_) => &['-', '/', '.'],
        _ => &['-'],
    };
    let (year, month, day) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) if year_first_seps.contains(&sep) => (num(a)?, num(b)?, num(c)?),
        (1..=2, 1..=2, 4) if form != DateForm::Iso => {
            let (a, b, y) = (num(a)?, num(b)?, num(c)?);
            match (form, hint(a, b)) {
                (DateForm::Report(_), OrderHint::Proves(DateOrder::MonthFirst))
                | (DateForm::Report(Some(DateOrder::MonthFirst)), OrderHint::Ambiguous) => {
                    (y, a, b)
                }
                (DateForm::Report(None), OrderHint::Ambiguous) => {
                    return Err(DateError::Ambiguous { typed: typed() })
                }
                _ => (y, b, a),
            }
        }
        (1..=2, 1..=2, 2) if form == DateForm::Typed => {
            return Err(DateError::TwoDigitYear {
                typed: typed(),
                with_century: format!("{a}{sep}{b}{sep}20{c}"),
            })
        }
        _ => return Err(not_a_date()),
    };
    let year = year as i32;
    if !(1..=12).contains(&month) {
        let typed = typed();
        return Err(if a.len() == 4 {
            DateError::NoSuchMonth { typed, month }
        } else {
            DateError::NoMonth { typed, month }
        });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::NoDay {
        typed: typed(),
        year,
        month,
        day,
    })
}

/// The one way a date is shown to people: day first, `15.09.2026`, a form
/// `parse_date` reads back.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_forms_indian_orders_and_people_write() {
        for typed in [
            "2026-09-15",
            "15.09.2026",
            "15/09/2026",
            "15-09-2026",
            " 15.9.2026 ",
        ] {
            assert_eq!(parse_date(typed), Ok(d(2026, 9, 15)), "{typed}");
        }
        assert_eq!(parse_date("31/12/2026"), Ok(d(2026, 12, 31)));
        assert_eq!(parse_date("2026-9-5"), Ok(d(2026, 9, 5)));
        assert_eq!(parse_date("29.02.2028"), Ok(d(2028, 2, 29)));
    }

    #[test]
    fn impossible_ambiguous_or_foreign_dates_are_refused_with_the_forms() {
        let err = |typed: &str| parse_date(typed).unwrap_err().to_string();
        assert_eq!(
            err("31.02.2026"),
            "'31.02.2026' is not a date: month 2 of 2026 has no day 31 (write 15.09.2026 or 2026-09-15)"
        );
        assert!(err("15.09.26").contains("two-digit year"));
        assert!(err("09/15/2026").contains("no month 15: the day comes first"));
        // Year first, the order is right: the month is the slip.
        assert_eq!(
            err("2026-13-01"),
            "'2026-13-01' has no month 13: a year has 12 (write 15.09.2026 or 2026-09-15)"
        );
        for bad in [
            "",
            "2026",
            "tomorrow",
            "2026/09/15",
            "15.09-2026",
            "1.2.3.2026",
            "+5.09.2026",
        ] {
            let e = err(bad);
            assert!(e.contains("15.09.2026 or 2026-09-15"), "{bad}: {e}");
        }
    }

    #[test]
    fn one_reader_in_three_modes() {
        use DateForm::{Iso, Report};
        use DateOrder::{DayFirst, MonthFirst};
        assert_eq!(parse_date_as("2026-09-15", Iso), Ok(d(2026, 9, 15)));
        for bad in ["15.09.2026", "2026/09/15", "15.09.26", "2026-02-30"] {
            assert!(parse_date_as(bad, Iso).is_err(), "{bad}");
        }
        // A report: year first with any separator; year last as its own
        // numbers prove, else in the file's order, else refused.
        let report = |t: &str, o| parse_date_as(t, Report(o));
        assert_eq!(report("2026/11/22", None), Ok(d(2026, 11, 22)));
        assert_eq!(report("11/22/2026", Some(DayFirst)), Ok(d(2026, 11, 22)));
        assert_eq!(report("22.11.2026", None), Ok(d(2026, 11, 22)));
        assert_eq!(report("4/3/2026", Some(MonthFirst)), Ok(d(2026, 4, 3)));
        assert_eq!(report("4/3/2026", Some(DayFirst)), Ok(d(2026, 3, 4)));
        assert_eq!(
            report("4/3/2026", None),
            Err(DateError::Ambiguous {
                typed: "4/3/2026".into()
            })
        );
        assert!(report("4/3/26", Some(DayFirst)).is_err());
        // A person: always day first, as the orders print.
        assert_eq!(parse_date("4/3/2026"), Ok(d(2026, 3, 4)));
        assert_eq!(parse_date(&format_date(d(2026, 3, 4))), Ok(d(2026, 3, 4)));
        assert_eq!(order_hint("22/11/2026"), OrderHint::Proves(DayFirst));
        assert_eq!(order_hint("4/4/2026"), OrderHint::Neither);
    }
}
