//! Dates as people and orders write them, and the bounds a real one keeps.

use chrono::NaiveDate;

/// Mission Karmayogi was approved on 02.09.2020; no iGOT course predates it.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(2020, 9, 2) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// Parses a date as people type it: YYYY-MM-DD, or DD.MM.YYYY as the orders print it.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .map_err(|_| format!("'{s}' is not a date: write YYYY-MM-DD, e.g. 2026-03-31"))
}
