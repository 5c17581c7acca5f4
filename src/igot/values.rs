//! The values of the portal's report cells: durations, statuses, dates
//! and times as the report jobs write them (and as Excel re-saves them).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A cell the portal's readers cannot read, with the cell as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CellError {
    #[error("'{0}' is not a duration: the portal writes HH:MM:SS, e.g. 02:42:00")]
    Duration(String),
    #[error("'{0}' is not a status: expected completed, in-progress, not-started, not-enrolled (or 2, 1, 0)")]
    Status(String),
    #[error("'{0}' is not yes/no or true/false")]
    Flag(String),
    #[error("'{0}' is not a date: the portal writes yyyy-MM-dd HH:mm:ss or dd/MM/yyyy")]
    Timestamp(String),
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
/// 99 allowed (`132:05:00`); `H:MM` after an Excel re-save. Seconds.
pub fn parse_duration(cell: &str) -> Result<Option<u32>, CellError> {
    if is_blank(cell) {
        return Ok(None);
    }
    let c = cell.trim();
    let bad = || CellError::Duration(c.to_string());
    let parts: Vec<&str> = c.split(':').collect();
    let num = |p: &str| -> Result<u64, CellError> {
        if p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse::<u64>().map_err(|_| bad())
    };
    let (h, m, s) = match parts.as_slice() {
        [h, m, s] => (num(h)?, num(m)?, num(s)?),
        [h, m] => (num(h)?, num(m)?, 0),
        _ => return Err(bad()),
    };
    if m >= 60 || s >= 60 {
        return Err(bad());
    }
    let total = h * 3600 + m * 60 + s;
    u32::try_from(total).map(Some).map_err(|_| bad())
}

/// Seconds as the reports write a duration: `02:42:00`, `132:05:00`.
pub fn format_duration(seconds: u32) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Where an officer stands with one content item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
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

const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"];
const TIME_FORMATS: &[&str] = &["%H:%M:%S", "%H:%M"];

/// A date or a date and time in any form the report generations and an
/// Excel re-save write: `yyyy-MM-dd HH:mm:ss`, `yyyy-MM-dd`, `dd/MM/yyyy`,
/// `dd/MM/yyyy HH:mm:ss a`, `dd-MM-yyyy HH:mm`. Day first, as in India.
/// The `AM`/`PM` that some jobs add to a 24-hour time is ignored when the
/// hour already says it, and applied when it is 12 or less.
/// Times are IST, as the portal writes them.
pub fn parse_timestamp(cell: &str) -> Result<Option<NaiveDateTime>, CellError> {
    if is_blank(cell) {
        return Ok(None);
    }
    let c = cell.trim();
    if let Some(t) = iso_fast(c) {
        return Ok(Some(t));
    }
    let bad = || CellError::Timestamp(c.to_string());
    let mut words = c.split_whitespace();
    let date_part = words.next().ok_or_else(bad)?;
    let time_part = words.next();
    let meridiem = words.next();
    if words.next().is_some() {
        return Err(bad());
    }
    // `2025-10-14T17:05:12` (ISO) too.
    let (date_part, time_part) = match (date_part.split_once('T'), time_part) {
        (Some((d, t)), None) => (d, Some(t)),
        _ => (date_part, time_part),
    };
    let date = DATE_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(date_part, f).ok())
        .ok_or_else(bad)?;
    let time = match time_part {
        None => NaiveTime::MIN,
        Some(t) => {
            let t = t.split('.').next().unwrap_or(t); // fractional seconds
            TIME_FORMATS
                .iter()
                .find_map(|f| NaiveTime::parse_from_str(t, f).ok())
                .ok_or_else(bad)?
        }
    };
    let time = match meridiem.map(str::to_ascii_uppercase).as_deref() {
        None => time,
        Some("AM") if time.format("%H").to_string() == "12" => time - chrono::Duration::hours(12),
        Some("PM") if time < NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN) => {
            time + chrono::Duration::hours(12)
        }
        Some("AM" | "PM") => time,
        Some(_) => return Err(bad()),
    };
    Ok(Some(date.and_time(time)))
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
            assert_eq!(parse_duration(&format_duration(s)), Ok(Some(s)));
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
            assert_eq!(parse_timestamp(cell), Ok(Some(want)), "{cell}");
        }
        assert_eq!(
            parse_timestamp("14-10-2025 17:05"),
            Ok(Some(ts("2025-10-14 17:05:00")))
        );
        assert_eq!(
            parse_timestamp("14/10/2025"),
            Ok(Some(ts("2025-10-14 00:00:00")))
        );
        assert_eq!(
            parse_timestamp("2025-10-14 12:30:00 AM"),
            Ok(Some(ts("2025-10-14 00:30:00")))
        );
        assert_eq!(parse_timestamp(""), Ok(None));
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
            assert!(parse_timestamp(bad).is_err(), "{bad}");
        }
    }
}
