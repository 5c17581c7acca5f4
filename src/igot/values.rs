//! The values of the portal's report cells: durations, statuses, dates
//! and times as the report jobs write them (and as Excel re-saves them).
//! Durations and calendar dates are read by the one reader of each in
//! `units`, in its report mode; the times and zones around them are here.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::units::dates::{self, DateError, DateForm};
pub use crate::units::dates::{DateOrder, OrderHint};
use crate::units::duration::{self, DurationError, DurationForm};

/// A cell the portal's readers cannot read, with the cell as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CellError {
    #[error(transparent)]
    Duration(#[from] DurationError),
    #[error("'{0}' is not a status: expected completed, in-progress, not-started, not-enrolled (or 2, 1, 0)")]
    Status(String),
    #[error("'{0}' is not yes/no or true/false")]
    Flag(String),
    #[error("'{0}' is not a date: the portal writes yyyy-MM-dd HH:mm:ss or dd/MM/yyyy; d/M/yyyy or M/d/yyyy with h:mm AM/PM, and ISO 8601 with Z or an offset, are read too")]
    Timestamp(String),
    #[error("'{0}' reads as two different dates, with the day or the month first, and nothing in the file proves which (a first number over 12 proves the day first, a second over 12 the month first): write the date as yyyy-MM-dd, or use the report as the portal gave it")]
    Ambiguous(String),
}

/// A cell that says "no value" in one of the portal's spellings.
pub fn is_blank(cell: &str) -> bool {
    let c = cell.trim();
    c.is_empty()
        || c.eq_ignore_ascii_case("not available")
        || c.eq_ignore_ascii_case("na")
        || c.eq_ignore_ascii_case("null")
        || c.eq_ignore_ascii_case("none")
}

/// `Content_Duration`: `HH:MM:SS` from the catalogue's seconds, hours past
/// 99 allowed (`132:05:00`); `H:MM` after an Excel re-save. Seconds, read
/// by the one duration reader in its report mode.
pub fn parse_duration(cell: &str) -> Result<Option<u32>, CellError> {
    if is_blank(cell) {
        return Ok(None);
    }
    Ok(Some(duration::parse_duration(cell, DurationForm::Report)?))
}

/// Where an officer stands with one content item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    NotEnrolled,
    NotStarted,
    InProgress,
    Completed,
}

/// `Status` (`completed`, `in-progress`...; one marketplace branch writes
/// `0`, `1`, `2`) and `Current Progress` (`Completed`, `In Progress`...).
pub fn parse_progress(cell: &str) -> Result<Progress, CellError> {
    let folded: String = cell
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect();
    match folded.as_str() {
        "completed" | "2" => Ok(Progress::Completed),
        "inprogress" | "1" => Ok(Progress::InProgress),
        "notstarted" | "0" => Ok(Progress::NotStarted),
        "notenrolled" => Ok(Progress::NotEnrolled),
        _ => Err(CellError::Status(cell.trim().to_string())),
    }
}

/// `Yes`/`No`, `true`/`false`.
pub fn parse_flag(cell: &str) -> Result<Option<bool>, CellError> {
    if is_blank(cell) {
        return Ok(None);
    }
    match cell.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "y" | "1" => Ok(Some(true)),
        "no" | "false" | "n" | "0" => Ok(Some(false)),
        other => Err(CellError::Flag(other.to_string())),
    }
}

/// What a cell proves about the order of its file's dates.
pub fn order_hint(cell: &str) -> OrderHint {
    let c = cell.trim();
    if !c.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return OrderHint::Neither;
    }
    dates::order_hint(c.split([' ', 'T']).next().unwrap_or(c))
}

/// A date or a date and time in any form the report generations, an
/// Excel re-save or another tool write, as IST:
///
/// - `yyyy-MM-dd HH:mm:ss`, `yyyy-MM-dd`, and the portal's
///   `yyyy-MM-dd HH:mm:ss a` (a 24-hour clock *and* AM/PM);
/// - `dd/MM/yyyy` (also with `-` or `.`) and Excel's `M/d/yyyy h:mm AM`,
///   read in `order`, the file's; with no order, a date that two orders
///   read differently is refused, never guessed;
/// - ISO 8601 (`2026-11-22T07:30:00`, with `Z` or an offset such as
///   `+05:30`): an offset is converted to IST, so `2026-03-31T20:00:00Z`
///   is 1 April 2026 01:30 in India.
///
/// A time without an offset is IST, as the portal writes it. A 12-hour
/// time reads 12 AM as midnight; a 24-hour time keeps its hour whatever
/// AM or PM follows it.
pub fn parse_timestamp(
    cell: &str,
    order: Option<DateOrder>,
) -> Result<Option<NaiveDateTime>, CellError> {
    if is_blank(cell) {
        return Ok(None);
    }
    let c = cell.trim();
    if let Some(t) = iso_fast(c) {
        return Ok(Some(t));
    }
    let bad = || CellError::Timestamp(c.to_string());
    let mut words = c.split_whitespace();
    let first = words.next().ok_or_else(bad)?;
    // `2026-11-22T07:30:00Z`: the date, then the time and its offset.
    let (date_part, joined_time) = match first.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (first, None),
    };
    let date = calendar_date(date_part, order, c)?;
    let mut rest: Vec<&str> = joined_time.into_iter().chain(words).collect();
    let offset = take_offset(&mut rest).ok_or_else(bad)?;
    let (time, meridiem) = match rest.as_slice() {
        [] => (None, None),
        [t] => (Some(*t), None),
        [t, m] => (Some(*t), Some(*m)),
        _ => return Err(bad()),
    };
    let time = match time {
        None => NaiveTime::MIN,
        Some(t) => clock(t, meridiem).ok_or_else(bad)?,
    };
    let ist = chrono::Duration::minutes(330);
    Ok(Some(date.and_time(time) - offset + ist))
}

/// The calendar date of a date part, in the file's order, read by the
/// one date reader in its report mode.
fn calendar_date(text: &str, order: Option<DateOrder>, cell: &str) -> Result<NaiveDate, CellError> {
    dates::parse_date_as(text, DateForm::Report(order)).map_err(|e| match e {
        DateError::Ambiguous { .. } => CellError::Ambiguous(cell.to_string()),
        _ => CellError::Timestamp(cell.to_string()),
    })
}

/// Removes a time zone (`Z`, `UTC`, `GMT`, `IST`, `+05:30`, `-0400`,
/// `+05`), a word of its own or joined to the time, and returns its
/// offset east of UTC; a time with none is IST. None when unreadable.
fn take_offset(words: &mut Vec<&str>) -> Option<chrono::Duration> {
    let ist = chrono::Duration::minutes(330);
    if let Some(&last) = words.last() {
        let named = match last.to_ascii_uppercase().as_str() {
            "Z" | "UTC" | "GMT" => Some(chrono::Duration::zero()),
            "IST" => Some(ist),
            _ => None,
        };
        if named.is_some() {
            words.pop();
            return named;
        }
        if words.len() > 1 && last.starts_with(['+', '-']) {
            words.pop();
            return zone_offset(last);
        }
    }
    // Only the time (the first word) carries a joined zone: `07:30:00Z`.
    let Some(time) = words.first_mut() else {
        return Some(ist);
    };
    match time.find(['Z', 'z', '+', '-']) {
        Some(at) if at > 0 => {
            let (t, zone) = time.split_at(at);
            *time = t;
            zone_offset(zone)
        }
        Some(_) => None,
        None => Some(ist),
    }
}

/// `Z`, `+05:30`, `+0530`, `+05`, `-04:00` as a duration east of UTC.
fn zone_offset(zone: &str) -> Option<chrono::Duration> {
    if zone.eq_ignore_ascii_case("z") {
        return Some(chrono::Duration::zero());
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if !matches!(digits.len(), 2 | 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i64 = digits[..2].parse().ok()?;
    let m: i64 = digits
        .get(2..)
        .filter(|s| !s.is_empty())
        .map_or(Ok(0), str::parse)
        .ok()?;
    (h <= 14 && m < 60).then(|| chrono::Duration::minutes(sign * (h * 60 + m)))
}

/// `H:mm`, `H:mm:ss`, `H:mm:ss.fff`, with AM/PM on a 12-hour clock or
/// after a 24-hour one (the portal's `HH:mm:ss a`).
fn clock(text: &str, meridiem: Option<&str>) -> Option<NaiveTime> {
    let text = text.split('.').next().unwrap_or(text);
    let time = ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(text, f).ok())?;
    let hour = time.hour();
    let shift = |h: i64| time + chrono::Duration::hours(h);
    match meridiem.map(str::to_ascii_uppercase).as_deref() {
        None => Some(time),
        Some("AM" | "A.M.") if hour == 12 => Some(shift(-12)),
        Some("AM" | "A.M.") if hour < 12 => Some(time),
        Some("PM" | "P.M.") if hour < 12 => Some(shift(12)),
        Some("PM" | "P.M.") => Some(time),
        // 13:00 AM says two different hours.
        _ => None,
    }
}

/// The shape the current report jobs write, `yyyy-MM-dd HH:mm:ss` (or
/// just the date), read digit by digit: a million rows spent a quarter of
/// their import in chrono's format parser. Anything else (or an invalid
/// date) goes to the general parser, which gives the message.
fn iso_fast(c: &str) -> Option<NaiveDateTime> {
    let b = c.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date_ok = b.len() >= 10 && b[4] == b'-' && b[7] == b'-';
    if !date_ok
        || !(b.len() == 10 || (b.len() == 19 && b[10] == b' ' && b[13] == b':' && b[16] == b':'))
    {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let time = if b.len() == 10 {
        NaiveTime::MIN
    } else {
        NaiveTime::from_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?
    };
    Some(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::duration::format_clock;

    fn ts(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn durations_as_the_reports_write_them() {
        assert_eq!(parse_duration("02:42:00"), Ok(Some(9720)));
        assert_eq!(parse_duration("132:05:00"), Ok(Some(132 * 3600 + 300)));
        assert_eq!(parse_duration("0:45:30"), Ok(Some(2730)));
        assert_eq!(parse_duration("1:30"), Ok(Some(5400)));
        for s in [0, 59, 2730, 9720, 132 * 3600 + 300] {
            assert_eq!(parse_duration(&format_clock(s)), Ok(Some(s)));
        }
        assert_eq!(parse_duration(""), Ok(None));
        assert_eq!(parse_duration("Not Available"), Ok(None));
        for bad in [
            "1:60:00",
            "-1:00:00",
            "abc",
            "1:2:3:4",
            "99999999:00:00",
            "1.5",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn statuses_in_words_and_numbers() {
        assert_eq!(parse_progress("completed"), Ok(Progress::Completed));
        assert_eq!(parse_progress("2"), Ok(Progress::Completed));
        assert_eq!(parse_progress("In Progress"), Ok(Progress::InProgress));
        assert_eq!(parse_progress("in-progress"), Ok(Progress::InProgress));
        assert_eq!(parse_progress("Not Started"), Ok(Progress::NotStarted));
        assert_eq!(parse_progress("not-enrolled"), Ok(Progress::NotEnrolled));
        assert!(parse_progress("done").is_err());
    }

    #[test]
    fn dates_of_every_generation_and_an_excel_resave() {
        let want = ts("2025-10-14 17:05:12");
        for cell in [
            "2025-10-14 17:05:12",
            "2025-10-14 17:05:12 PM",
            "14/10/2025 17:05:12 PM",
            "14/10/2025 05:05:12 PM",
            "2025-10-14T17:05:12",
        ] {
            assert_eq!(parse_timestamp(cell, None), Ok(Some(want)), "{cell}");
        }
        assert_eq!(
            parse_timestamp("14-10-2025 17:05", None),
            Ok(Some(ts("2025-10-14 17:05:00")))
        );
        assert_eq!(
            parse_timestamp("14/10/2025", None),
            Ok(Some(ts("2025-10-14 00:00:00")))
        );
        assert_eq!(
            parse_timestamp("2025-10-14 12:30:00 AM", None),
            Ok(Some(ts("2025-10-14 00:30:00")))
        );
        assert_eq!(parse_timestamp("", None), Ok(None));
        // The fast path and the general parser agree.
        for cell in ["2026-02-28 23:59:59", "2026-04-01 00:00:00", "2024-02-29"] {
            let chrono = NaiveDateTime::parse_from_str(cell, "%Y-%m-%d %H:%M:%S")
                .or_else(|_| {
                    NaiveDate::parse_from_str(cell, "%Y-%m-%d").map(|d| d.and_time(NaiveTime::MIN))
                })
                .ok();
            assert_eq!(iso_fast(cell), chrono, "{cell}");
        }
        for bad in [
            "2026-02-30 10:00:00",
            "2026-13-01",
            "2026-01-01 24:00:00",
            "2026-01-01 1:00:00",
        ] {
            assert_eq!(iso_fast(bad), None, "{bad}");
        }
        for bad in [
            "31/02/2025",
            "2025-13-01",
            "yesterday",
            "2025-10-14 25:00:00",
            "1 2 3 4",
        ] {
            assert!(parse_timestamp(bad, None).is_err(), "{bad}");
        }
    }

    #[test]
    fn excel_iso_and_offsets_are_read_as_ist() {
        let md = Some(DateOrder::MonthFirst);
        let dm = Some(DateOrder::DayFirst);
        for (cell, order, want) in [
            ("11/22/2026 7:30 AM", None, "2026-11-22 07:30:00"),
            ("11/22/2026 7:30 PM", None, "2026-11-22 19:30:00"),
            ("11/22/2026 12:05 AM", None, "2026-11-22 00:05:00"),
            ("11/22/2026 12:05 PM", None, "2026-11-22 12:05:00"),
            ("4/3/2026 10:00", md, "2026-04-03 10:00:00"),
            ("4/3/2026 10:00", dm, "2026-03-04 10:00:00"),
            ("04.03.2026", dm, "2026-03-04 00:00:00"),
            ("5/5/2026", None, "2026-05-05 00:00:00"),
            ("2026-03-31T20:00:00Z", None, "2026-04-01 01:30:00"),
            ("2026-03-31T20:00:00.250Z", None, "2026-04-01 01:30:00"),
            ("2026-03-31T23:00:00+05:30", None, "2026-03-31 23:00:00"),
            ("2026-03-31T12:00:00-0400", None, "2026-03-31 21:30:00"),
            ("2026-03-31 18:00:00 UTC", None, "2026-03-31 23:30:00"),
            ("2026-03-31 18:00:00 +00:00", None, "2026-03-31 23:30:00"),
            ("2026/11/22 07:30", None, "2026-11-22 07:30:00"),
        ] {
            assert_eq!(parse_timestamp(cell, order), Ok(Some(ts(want))), "{cell}");
        }
        assert_eq!(
            parse_timestamp("4/3/2026 10:00", None),
            Err(CellError::Ambiguous("4/3/2026 10:00".into()))
        );
        for bad in [
            "13:00 AM 1/1/2026",
            "2026-01-01 13:00 AM",
            "2026-01-01T10:00+25:00",
            "4/3/26",
        ] {
            assert!(parse_timestamp(bad, dm).is_err(), "{bad}");
        }
        assert_eq!(
            order_hint("22/11/2026 10:00"),
            OrderHint::Proves(DateOrder::DayFirst)
        );
        assert_eq!(
            order_hint("11/22/2026"),
            OrderHint::Proves(DateOrder::MonthFirst)
        );
        assert_eq!(order_hint("4/3/2026"), OrderHint::Ambiguous);
        assert_eq!(order_hint("4/4/2026"), OrderHint::Neither);
        assert_eq!(order_hint("2026-04-03 10:00:00"), OrderHint::Neither);
        assert_eq!(order_hint("Yuva 4/3/2026"), OrderHint::Neither);
    }
}
