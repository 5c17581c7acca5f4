//! Hours of training, as certificates and the portal print them: kept in
//! whole seconds, summed as integers, and shown one way everywhere.

/// One course's hours above this is taken for a typing slip.
pub const MAX_HOURS: u32 = 200;

/// Seconds in an hour.
pub const HOUR: u32 = 3600;

/// Why typed hours were refused, with the text as typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("'{typed}' is not a number of hours: write 1.5, 1:30 or 01:30:00")]
    NotHours { typed: String },
    #[error("hours cannot be negative ({typed}): give the hours on the certificate")]
    Negative { typed: String },
    #[error("{typed} hours is nothing: give the hours on the certificate, e.g. 1.5")]
    Zero { typed: String },
    #[error("{typed} hours for one course looks like a slip (more than {MAX_HOURS}): give the certificate's hours")]
    TooMany { typed: String },
}

/// Hours as certificates and the portal print them (`1.5`, `1:30`,
/// `01:30:00`), in whole seconds: the portal keeps seconds, so do we.
pub fn parse_hours(text: &str) -> Result<u32, HoursError> {
    let t = text.trim();
    let typed = || t.to_string();
    let bad = || HoursError::NotHours { typed: typed() };
    let seconds = if t.contains(':') {
        let parts: Vec<&str> = t.split(':').collect();
        let nums: Vec<u32> = parts
            .iter()
            .map(|p| p.parse::<u32>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        match nums.as_slice() {
            // Saturating: `99999999:00` is refused below, never an overflow.
            [h, m] if *m < 60 => h.saturating_mul(HOUR).saturating_add(m * 60),
            [h, m, s] if *m < 60 && *s < 60 => h.saturating_mul(HOUR).saturating_add(m * 60 + s),
            _ => return Err(bad()),
        }
    } else {
        let h: f64 = t.parse().map_err(|_| bad())?;
        if !h.is_finite() {
            return Err(bad());
        }
        if h < 0.0 {
            return Err(HoursError::Negative { typed: typed() });
        }
        (h * f64::from(HOUR)).round().min(f64::from(u32::MAX)) as u32
    };
    if seconds == 0 {
        return Err(HoursError::Zero { typed: typed() });
    }
    if seconds > MAX_HOURS * HOUR {
        return Err(HoursError::TooMany { typed: typed() });
    }
    Ok(seconds)
}

/// Seconds as hundredths of an hour, rounded half up, as the portal rounds
/// its sum of seconds / 3600 to 2 decimals.
fn hundredths(seconds: u64) -> u64 {
    (seconds * 100 + u64::from(HOUR) / 2) / u64::from(HOUR)
}

/// The one way hours are shown: `0.76`, `4.25`, `52.00`.
pub fn format_hours(seconds: u64) -> String {
    let h = hundredths(seconds);
    format!("{}.{:02}", h / 100, h % 100)
}

/// The same figure as a number, for JSON and CSV (`hours` keys).
pub fn hours_value(seconds: u64) -> f64 {
    hundredths(seconds) as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_in_the_portal_spellings_keep_their_seconds() {
        assert_eq!(parse_hours("1.5"), Ok(5400));
        assert_eq!(parse_hours("1:30"), Ok(5400));
        assert_eq!(parse_hours("01:30:00"), Ok(5400));
        assert_eq!(parse_hours("00:45:30"), Ok(2730));
        assert_eq!(parse_hours("0:45:40"), Ok(2740));
        assert_eq!(parse_hours("4.25"), Ok(15300));
        assert_eq!(parse_hours(" 2 "), Ok(7200));
        for bad in [
            "-1", "0", "0:00:00", "abc", "1:75", "1:00:60", "NaN", "inf", "1e9", "201", "",
        ] {
            assert!(parse_hours(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn one_format_two_decimals_of_the_summed_seconds() {
        assert_eq!(format_hours(2730), "0.76");
        assert_eq!(format_hours(15300), "4.25");
        assert_eq!(format_hours(0), "0.00");
        assert_eq!(format_hours(52 * 3600), "52.00");
        // 00:45:30 + 4.25 h + 2:30 = 27030 s = 7.5083 h: the portal shows 7.51.
        assert_eq!(format_hours(2730 + 15300 + 9000), "7.51");
        // Half a hundredth (18 s) rounds up.
        assert_eq!(format_hours(18), "0.01");
        assert_eq!(format_hours(17), "0.00");
        assert_eq!(hours_value(2730 + 15300 + 9000), 7.51);
    }
}
