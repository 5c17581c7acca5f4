//! Dates as people and orders write them, and the bounds a real one keeps.

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
}

/// Parses a date as Indian orders and people write it: day first with
/// `.`, `/` or `-` (15.09.2026, 15/09/2026, 15-09-2026), or ISO year first
/// (2026-09-15). The year has four digits: "15.09.26" could be 1926 or 2026.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    let typed = || s.to_string();
    let not_a_date = || DateError::NotADate { typed: typed() };
    let sep = s
        .chars()
        .find(|c| matches!(c, '.' | '/' | '-'))
        .ok_or_else(not_a_date)?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(not_a_date());
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if ![a, b, c].iter().all(|p| all_digits(p)) {
        return Err(not_a_date());
    }
    let (year, month, day) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) if sep == '-' => (*a, *b, *c),
        (1..=2, 1..=2, 4) => (*c, *b, *a),
        (1..=2, 1..=2, 2) => {
            return Err(DateError::TwoDigitYear {
                typed: typed(),
                with_century: format!("{a}{sep}{b}{sep}20{c}"),
            })
        }
        _ => return Err(not_a_date()),
    };
    let (year, month, day): (i32, u32, u32) = (
        year.parse().map_err(|_| not_a_date())?,
        month.parse().map_err(|_| not_a_date())?,
        day.parse().map_err(|_| not_a_date())?,
    );
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
}
