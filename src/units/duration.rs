//! A course's nominal duration as people and the portal write it:
//! `02:42:00` or `2:42` (the reports), `9720` (the catalogue's seconds),
//! `2h 42m`, `53m`, `1h`, `23m 45s` (the portal's course pages).

use super::hours::{HOUR, MAX_HOURS};

/// Why a duration was refused, with the text as typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("'{typed}' is not a duration: write 02:42:00, 2:42, 9720 (seconds), or as the portal does, 2h 42m")]
    NotADuration { typed: String },
    #[error("'{typed}' is no time at all: give the course's duration")]
    Zero { typed: String },
    #[error("'{typed}' is more than {MAX_HOURS} hours for one course: check the figure")]
    TooLong { typed: String },
}

/// Seconds of one of the spellings above; an empty text is an error (the
/// caller decides whether a blank cell means "unknown").
pub fn parse_duration(text: &str) -> Result<u32, DurationError> {
    let t = text.trim();
    let typed = || t.to_string();
    let bad = || DurationError::NotADuration { typed: typed() };
    let seconds: u64 = if t.contains(':') {
        let nums: Vec<u64> = t
            .split(':')
            .map(|p| digits(p).ok_or_else(bad))
            .collect::<Result<_, _>>()?;
        match nums.as_slice() {
            [h, m] if *m < 60 => h * 3600 + m * 60,
            [h, m, s] if *m < 60 && *s < 60 => h * 3600 + m * 60 + s,
            _ => return Err(bad()),
        }
    } else if let Some(n) = digits(t) {
        n
    } else {
        units(t).ok_or_else(bad)?
    };
    if seconds == 0 {
        return Err(DurationError::Zero { typed: typed() });
    }
    if seconds > u64::from(MAX_HOURS * HOUR) {
        return Err(DurationError::TooLong { typed: typed() });
    }
    Ok(seconds as u32)
}

/// A run of ASCII digits, short enough never to overflow.
fn digits(p: &str) -> Option<u64> {
    let p = p.trim();
    if p.is_empty() || p.len() > 9 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    p.parse().ok()
}

/// `2h 42m`, `53m`, `1h`, `23m 45s`: each unit once, largest first.
fn units(t: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut last_rank = 0u8;
    let mut rest = t;
    let mut any = false;
    while !rest.trim_start().is_empty() {
        rest = rest.trim_start();
        let end = rest.find(|c: char| !c.is_ascii_digit())?;
        let n = digits(&rest[..end])?;
        rest = rest[end..].trim_start();
        let unit = rest.chars().next()?.to_ascii_lowercase();
        rest = &rest[1..];
        let (rank, size) = match unit {
            'h' => (1, 3600),
            'm' => (2, 60),
            's' => (3, 1),
            _ => return None,
        };
        if rank <= last_rank || (rank > 1 && n >= 60) {
            return None;
        }
        last_rank = rank;
        total += n * size;
        any = true;
    }
    any.then_some(total)
}

/// The portal's way back: `2h 42m`, `53m`, `1h`, `23m 45s`.
pub fn format_duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{h}h"));
    }
    if m > 0 {
        parts.push(format!("{m}m"));
    }
    if s > 0 || parts.is_empty() {
        parts.push(format!("{s}s"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_the_portal_and_its_reports() {
        assert_eq!(parse_duration("02:42:00"), Ok(9720));
        assert_eq!(parse_duration("2:42"), Ok(9720));
        assert_eq!(parse_duration("9720"), Ok(9720));
        assert_eq!(parse_duration("2h 42m"), Ok(9720));
        assert_eq!(parse_duration("2h42m"), Ok(9720));
        assert_eq!(parse_duration("53m"), Ok(53 * 60));
        assert_eq!(parse_duration("1h"), Ok(3600));
        assert_eq!(parse_duration("23m 45s"), Ok(23 * 60 + 45));
        assert_eq!(parse_duration(" 1H 5M "), Ok(3900));
    }

    #[test]
    fn slips_are_refused_with_the_spellings() {
        for bad in [
            "", "2h 2h", "42m 2h", "1:75", "1.5", "h", "2 hours", "0", "00:00:00", "90m", "201h",
        ] {
            let e = parse_duration(bad).unwrap_err().to_string();
            assert!(e.contains(bad.trim()), "{bad}: {e}");
        }
    }

    #[test]
    fn formats_as_the_portal_writes() {
        assert_eq!(format_duration(9720), "2h 42m");
        assert_eq!(format_duration(3180), "53m");
        assert_eq!(format_duration(3600), "1h");
        assert_eq!(format_duration(1425), "23m 45s");
    }
}
