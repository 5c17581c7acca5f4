//! Hours of training, as certificates and the portal print them.

/// One course's hours above this is taken for a typing slip.
pub const MAX_HOURS: u32 = 200;

/// Hours as certificates and the portal print them: `1.5`, `1:30`, `01:30:00`.
pub fn parse_hours(text: &str) -> Result<u32, String> {
    let t = text.trim();
    let bad = || format!("'{t}' is not a number of hours: write 1.5, 1:30 or 01:30:00");
    let minutes = if t.contains(':') {
        let parts: Vec<&str> = t.split(':').collect();
        let nums: Vec<u32> = parts
            .iter()
            .map(|p| p.parse::<u32>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        match nums.as_slice() {
            // Saturating: `99999999:00` is refused below, never an overflow.
            [h, m] if *m < 60 => h.saturating_mul(60).saturating_add(*m),
            [h, m, s] if *m < 60 && *s < 60 => {
                h.saturating_mul(60).saturating_add(m + u32::from(*s >= 30))
            }
            _ => return Err(bad()),
        }
    } else {
        let h: f64 = t.parse().map_err(|_| bad())?;
        if !h.is_finite() {
            return Err(bad());
        }
        if h < 0.0 {
            return Err(format!(
                "hours cannot be negative ({t}): give the hours on the certificate"
            ));
        }
        (h * 60.0).round().min(f64::from(u32::MAX)) as u32
    };
    if minutes == 0 {
        return Err(format!(
            "{t} hours is nothing: give the hours on the certificate, e.g. 1.5"
        ));
    }
    if minutes > MAX_HOURS * 60 {
        return Err(format!("{t} hours for one course looks like a slip (more than {MAX_HOURS}): give the certificate's hours"));
    }
    Ok(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_in_the_portal_spellings() {
        assert_eq!(parse_hours("1.5"), Ok(90));
        assert_eq!(parse_hours("1:30"), Ok(90));
        assert_eq!(parse_hours("01:30:00"), Ok(90));
        assert_eq!(parse_hours("0:45:40"), Ok(46));
        assert_eq!(parse_hours(" 2 "), Ok(120));
        for bad in ["-1", "0", "abc", "1:75", "NaN", "inf", "1e9", "201", ""] {
            assert!(parse_hours(bad).is_err(), "{bad}");
        }
    }
}
