//! The one reader of a length of time, in whole seconds, for every place
//! one is written: what a person types (`2.5`, `2:30`, `02:30:00`,
//! `2h 30m`, `150m`, `2h`), a course CSV's `duration` (the same, but a bare
//! number is the catalogue's seconds), and a portal report's cell
//! (`02:42:00`, `132:05:00`, `2:42` after an Excel re-save). The forms are
//! modes of one grammar, so a form read in one place is read alike in all.

use super::hours::{HOUR, MAX_HOURS};

/// Who wrote the duration: it decides what a bare number means, which
/// forms are taken, and whether nothing or a great many hours is a slip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationForm {
    /// Hours a person types (a certificate's, or those planned): a bare
    /// number is hours (`2.5`); also `2:30`, `02:30:00`, `2h 30m`,
    /// `150m`, `2h`. Nothing, or more than `MAX_HOURS`, is a slip.
    Typed,
    /// A course CSV's `duration`: as typed, but a bare number is the
    /// catalogue's seconds (`9720`) and a fraction is refused as unclear.
    Catalogue,
    /// A report cell: `HH:MM:SS` (hours past 99 too) or `H:MM` only; the
    /// portal writes what its catalogue holds, zero included.
    Report,
}

impl DurationForm {
    /// The forms this mode takes, in words, for every message about it.
    pub fn forms(self) -> &'static str {
        match self {
            DurationForm::Typed => "write hours as 2.5, 2:30, 02:30:00, 2h 30m, 150m or 2h",
            DurationForm::Catalogue => {
                "write 02:42:00, 2:42, 9720 (seconds), or as the portal does, 2h 42m or 150m"
            }
            DurationForm::Report => "the portal writes HH:MM:SS, e.g. 02:42:00",
        }
    }
}

/// Why a duration was refused, with the text as written and the forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("'{typed}' is not a duration: {}", .form.forms())]
    NotADuration { typed: String, form: DurationForm },
    #[error("hours cannot be negative ({typed}): give the hours on the certificate")]
    Negative { typed: String },
    #[error("'{typed}' is no time at all: give the hours on the certificate or the course page, e.g. 2.5")]
    Zero { typed: String },
    #[error("'{typed}' is more than {MAX_HOURS} hours for one course, which looks like a slip: check the figure")]
    TooLong { typed: String },
}

/// Seconds of `text` read in `form`. An empty text is an error: the caller
/// decides whether a blank cell means "unknown".
pub fn parse_duration(text: &str, form: DurationForm) -> Result<u32, DurationError> {
    let t = text.trim();
    let typed = || t.to_string();
    let seconds = match read(t, form) {
        Some(s) => s,
        // `-3`: a sign on what would be a duration is its own slip.
        None => {
            let negative = t
                .strip_prefix('-')
                .is_some_and(|rest| read(rest.trim_start(), form).is_some());
            return Err(if negative && form != DurationForm::Report {
                DurationError::Negative { typed: typed() }
            } else {
                DurationError::NotADuration {
                    typed: typed(),
                    form,
                }
            });
        }
    };
    if form == DurationForm::Report {
        // Any length the catalogue may hold, but never a wrapped one.
        return u32::try_from(seconds).map_err(|_| DurationError::NotADuration {
            typed: typed(),
            form,
        });
    }
    if seconds == 0 {
        return Err(DurationError::Zero { typed: typed() });
    }
    if seconds > u64::from(MAX_HOURS * HOUR) {
        return Err(DurationError::TooLong { typed: typed() });
    }
    Ok(seconds as u32)
}

/// Hours as a person types them: `parse_duration` in its typed mode.
pub fn parse_hours(text: &str) -> Result<u32, DurationError> {
    parse_duration(text, DurationForm::Typed)
}

/// The seconds of one of `form`'s spellings, saturating (a huge figure is
/// refused by its size, never wrapped), or None when it is none of them.
fn read(t: &str, form: DurationForm) -> Option<u64> {
    if t.contains(':') {
        return clock(t);
    }
    match form {
        DurationForm::Report => None,
        DurationForm::Catalogue => digits(t).or_else(|| units(t)),
        DurationForm::Typed => decimal_hours(t).or_else(|| units(t)),
    }
}

/// A run of ASCII digits; past 18 of them, saturated (no u64 overflow).
fn digits(p: &str) -> Option<u64> {
    if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(p.parse().unwrap_or(u64::MAX))
}

/// `H:MM` or `H:MM:SS`, hours of any size, minutes and seconds under 60.
fn clock(t: &str) -> Option<u64> {
    let nums: Vec<u64> = t
        .split(':')
        .map(|p| digits(p.trim()))
        .collect::<Option<_>>()?;
    let (h, m, s) = match nums.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    (m < 60 && s < 60).then(|| h.saturating_mul(3600).saturating_add(m * 60 + s))
}

/// `2`, `2.5`, `.5`, `2.`: hours, to the nearest second.
fn decimal_hours(t: &str) -> Option<u64> {
    let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole = if whole.is_empty() { 0 } else { digits(whole)? };
    let part = if fraction.is_empty() {
        0
    } else {
        digits(fraction)?;
        // At most nine places count; past them is below a second.
        let places = &fraction[..fraction.len().min(9)];
        let scale = 10u64.pow(places.len() as u32);
        let n: u64 = places.parse().ok()?;
        (n * 3600 + scale / 2) / scale
    };
    Some(whole.saturating_mul(3600).saturating_add(part))
}

/// `2h 42m`, `2h42m`, `150m`, `1h`, `23m 45s`: each unit once, largest
/// first; the first may be any size (`150m`), later ones under 60.
fn units(t: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut last_rank = 0u8;
    let mut rest = t.trim_start();
    while !rest.is_empty() {
        let end = rest.find(|c: char| !c.is_ascii_digit())?;
        let n = digits(&rest[..end])?;
        let mut chars = rest[end..].trim_start().chars();
        let (rank, size) = match chars.next()?.to_ascii_lowercase() {
            'h' => (1, 3600),
            'm' => (2, 60),
            's' => (3, 1),
            _ => return None,
        };
        if rank <= last_rank || (last_rank > 0 && n >= 60) {
            return None;
        }
        last_rank = rank;
        total = total.saturating_add(n.saturating_mul(size));
        rest = chars.as_str().trim_start();
    }
    (last_rank > 0).then_some(total)
}

/// The portal's course pages' way: `2h 42m`, `53m`, `1h`, `23m 45s`.
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

/// The reports' way: `02:42:00`, `132:05:00`.
pub fn format_clock(seconds: u32) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use DurationForm::{Catalogue, Report, Typed};

    #[test]
    fn every_spelling_of_a_person_the_portal_and_its_reports() {
        for (text, want) in [
            ("02:42:00", 9720),
            ("2:42", 9720),
            ("2h 42m", 9720),
            ("2h42m", 9720),
            ("53m", 53 * 60),
            ("150m", 9000),
            ("90m", 5400),
            ("1h", 3600),
            ("23m 45s", 23 * 60 + 45),
            (" 1H 5M ", 3900),
        ] {
            assert_eq!(parse_duration(text, Typed), Ok(want), "{text}");
            assert_eq!(parse_duration(text, Catalogue), Ok(want), "{text}");
        }
        // A bare number: hours typed, seconds in the catalogue.
        assert_eq!(parse_duration("9720", Catalogue), Ok(9720));
        assert_eq!(parse_duration("2", Typed), Ok(7200));
        assert_eq!(parse_duration("2.5", Typed), Ok(9000));
        assert_eq!(parse_duration(".5", Typed), Ok(1800));
        assert_eq!(parse_duration("0.76", Typed), Ok(2736));
        assert_eq!(parse_duration("4.25", Typed), Ok(15300));
        assert_eq!(parse_duration("0:45:40", Typed), Ok(2740));
        // Reports: the clock only, past 99 hours, zero too.
        assert_eq!(parse_duration("132:05:00", Report), Ok(132 * 3600 + 300));
        assert_eq!(parse_duration("00:00:00", Report), Ok(0));
        assert_eq!(parse_duration("1:30", Report), Ok(5400));
    }

    #[test]
    fn slips_are_refused_with_the_text_and_the_forms() {
        for (form, bad) in [
            (Catalogue, "1.5"),
            (Report, "1.5"),
            (Report, "2h 42m"),
            (Report, "9720"),
            (Report, "-1:00:00"),
            (Report, "99999999:00:00"),
            (Report, "1:2:3:4"),
        ] {
            let e = parse_duration(bad, form).unwrap_err().to_string();
            assert!(e.contains(bad) && e.contains(form.forms()), "{bad}: {e}");
        }
        for bad in [
            "",
            "2h 2h",
            "42m 2h",
            "1:75",
            "1:00:60",
            "h",
            "2 hours",
            "0",
            "00:00:00",
            "201h",
            "2h 90m",
            "1e9",
            "NaN",
            "inf",
            "2é",
            "2hé",
            "+5",
            "1.5h",
            "99999999:00",
        ] {
            for form in [Typed, Catalogue] {
                let e = parse_duration(bad, form).unwrap_err().to_string();
                assert!(e.contains(&format!("'{}'", bad.trim())), "{bad}: {e}");
            }
        }
        assert!(matches!(
            parse_duration("-3", Typed),
            Err(DurationError::Negative { .. })
        ));
        assert!(parse_hours("500").unwrap_err().to_string().contains("slip"));
    }

    #[test]
    fn formats_as_the_portal_and_its_reports_write() {
        assert_eq!(format_duration(9720), "2h 42m");
        assert_eq!(format_duration(3180), "53m");
        assert_eq!(format_duration(3600), "1h");
        assert_eq!(format_duration(1425), "23m 45s");
        assert_eq!(format_clock(9720), "02:42:00");
        assert_eq!(format_clock(132 * 3600 + 300), "132:05:00");
    }
}
