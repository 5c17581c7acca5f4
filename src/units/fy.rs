//! Financial years (1 April to 31 March, written `2026-27`) and their halves.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A financial year, named by the calendar year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear {
    pub start_year: i32,
}

impl FinancialYear {
    pub fn new(start_year: i32) -> Self {
        FinancialYear { start_year }
    }

    /// The FY a date belongs to: 31.03.2026 is in 2025-26, 01.04.2026 in 2026-27.
    pub fn containing(date: NaiveDate) -> Self {
        let start_year = if date.month() >= 4 {
            date.year()
        } else {
            date.year() - 1
        };
        FinancialYear { start_year }
    }

    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year, 4, 1).expect("1 April exists")
    }

    pub fn end(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year + 1, 3, 31).expect("31 March exists")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    pub fn halves(self) -> [HalfYear; 2] {
        [
            HalfYear {
                fy: self,
                second: false,
            },
            HalfYear {
                fy: self,
                second: true,
            },
        ]
    }

    pub fn next(self) -> Self {
        FinancialYear::new(self.start_year + 1)
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{:02}",
            self.start_year,
            (self.start_year + 1).rem_euclid(100)
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FyParseError(pub String);

impl fmt::Display for FyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a financial year: write it as 2026-27 (April 2026 to March 2027)",
            self.0
        )
    }
}

impl std::error::Error for FyParseError {}

impl FromStr for FinancialYear {
    type Err = FyParseError;

    /// Accepts `2026-27`, `2026-2027` and `2026`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || FyParseError(s.to_string());
        let s = s.trim();
        let (first, second) = match s.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        if first.len() != 4 || !first.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let start: i32 = first.parse().map_err(|_| err())?;
        if let Some(second) = second {
            let end: i32 = second.parse().map_err(|_| err())?;
            let ok = match second.len() {
                2 => end == (start + 1) % 100,
                4 => end == start + 1,
                _ => false,
            };
            if !ok {
                return Err(err());
            }
        }
        Ok(FinancialYear::new(start))
    }
}

impl Serialize for FinancialYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FinancialYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// H1 is April to September, H2 October to March.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HalfYear {
    pub fy: FinancialYear,
    pub second: bool,
}

impl HalfYear {
    pub fn start(self) -> NaiveDate {
        if self.second {
            NaiveDate::from_ymd_opt(self.fy.start_year, 10, 1).expect("1 October exists")
        } else {
            self.fy.start()
        }
    }

    pub fn end(self) -> NaiveDate {
        if self.second {
            self.fy.end()
        } else {
            NaiveDate::from_ymd_opt(self.fy.start_year, 9, 30).expect("30 September exists")
        }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    pub fn label(self) -> &'static str {
        if self.second {
            "H2 (Oct-Mar)"
        } else {
            "H1 (Apr-Sep)"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn march_31_closes_the_year_and_april_1_opens_the_next() {
        assert_eq!(
            FinancialYear::containing(d(2026, 3, 31)).to_string(),
            "2025-26"
        );
        assert_eq!(
            FinancialYear::containing(d(2026, 4, 1)).to_string(),
            "2026-27"
        );
    }

    #[test]
    fn parses_the_usual_spellings() {
        for s in ["2026-27", "2026-2027", "2026"] {
            assert_eq!(
                s.parse::<FinancialYear>().unwrap(),
                FinancialYear::new(2026)
            );
        }
        assert_eq!(
            "1999-00".parse::<FinancialYear>().unwrap().to_string(),
            "1999-00"
        );
        for bad in ["2026-28", "26-27", "abcd", "2026-", ""] {
            assert!(bad.parse::<FinancialYear>().is_err(), "{bad}");
        }
    }

    #[test]
    fn halves_split_at_october() {
        let [h1, h2] = FinancialYear::new(2026).halves();
        assert!(h1.contains(d(2026, 9, 30)) && !h1.contains(d(2026, 10, 1)));
        assert!(h2.contains(d(2026, 10, 1)) && h2.contains(d(2027, 3, 31)));
    }

    /// Every day of 70 years against the calendar as written (month-day
    /// compared as text), so an off-by-one at any edge fails every run.
    #[test]
    fn every_day_lands_in_the_year_and_half_its_written_date_says() {
        let mut date = d(1990, 1, 1);
        while date <= d(2060, 12, 31) {
            let written = date.format("%Y-%m-%d").to_string();
            let (year, month_day) = (written[..4].parse::<i32>().unwrap(), &written[5..]);
            let start_year = if month_day >= "04-01" { year } else { year - 1 };
            let in_h1 = ("04-01"..="09-30").contains(&month_day);

            let fy = FinancialYear::containing(date);
            assert_eq!(fy.start_year, start_year, "{written}");
            assert!(fy.contains(date), "{written} in {fy}");
            assert!(!fy.next().contains(date), "{written} not in {}", fy.next());
            let before = FinancialYear::new(start_year - 1);
            assert!(!before.contains(date), "{written} not in {before}");
            let [h1, h2] = fy.halves();
            assert_eq!(h1.contains(date), in_h1, "{written} in H1 of {fy}");
            assert_eq!(h2.contains(date), !in_h1, "{written} in H2 of {fy}");
            date = date.succ_opt().unwrap();
        }
    }
}
