//! Hours of training, as certificates and the portal print them: kept in
//! whole seconds, summed as integers, and shown one way everywhere. They
//! are read by `units::duration`, the one reader of a length of time.

/// One course's hours above this is taken for a typing slip.
pub const MAX_HOURS: u32 = 200;

/// Seconds in an hour.
pub const HOUR: u32 = 3600;

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
