//! The language a person reads karmadash in, and how it is chosen: the
//! `--lang` option, then `KARMADASH_LANG`, then the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, the first one set decides, as POSIX has it),
//! else English. The words themselves live in the shells' catalogues
//! (src/i18n); ids, `--json` keys and CSV headers stay English in both.

use std::fmt;
use std::str::FromStr;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Hi,
}

impl Lang {
    /// Every language, in the order the dashboard's key cycles them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Hi];

    /// The short code, as typed and as kept in the store: `en`, `hi`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
        }
    }

    /// The next language: what the dashboard's language key switches to.
    pub fn next(self) -> Lang {
        match self {
            Lang::En => Lang::Hi,
            Lang::Hi => Lang::En,
        }
    }

    /// The language a locale names: `hi`, `hi_IN`, `hi_IN.UTF-8`, `hi-IN`
    /// are Hindi, `en...` English; `C`, `POSIX` and the rest are none.
    pub fn of_locale(locale: &str) -> Option<Lang> {
        let lower = locale.trim().to_ascii_lowercase();
        let language = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match language {
            "hi" => Some(Lang::Hi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language that karmadash does not speak, as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no interface language {given:?}: hi or en")]
pub struct LangError {
    pub given: String,
}

impl FromStr for Lang {
    type Err = LangError;

    /// `hi` or `en`; a locale-like `hi_IN.UTF-8` too.
    fn from_str(s: &str) -> Result<Lang, LangError> {
        Lang::of_locale(s).ok_or_else(|| LangError {
            given: s.to_string(),
        })
    }
}

/// Where the language came from: a person's explicit choice (option or
/// variable) beats one the dashboard remembers; the locale does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangSource {
    /// `--lang`.
    Option,
    /// `KARMADASH_LANG`.
    Variable,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`.
    Locale,
    /// Nothing said: English.
    Default,
}

/// The language chosen, and by what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chosen {
    pub lang: Lang,
    pub source: LangSource,
}

impl Chosen {
    /// True when a person asked for this language for this run.
    pub fn explicit(self) -> bool {
        matches!(self.source, LangSource::Option | LangSource::Variable)
    }
}

/// The variable that names the language for every command.
pub const LANG_VARIABLE: &str = "KARMADASH_LANG";

/// The locale variables, in the order POSIX consults them for messages.
const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// Chooses the language: `option`, then `KARMADASH_LANG`, then the first
/// locale variable that is set and not empty (`LC_ALL=C` means English
/// even when `LANG=hi_IN.UTF-8`), else English. `var` reads a variable
/// (the process environment, or a test's). A `KARMADASH_LANG` that is
/// not a language is refused, never silently ignored.
pub fn choose(
    option: Option<Lang>,
    var: impl Fn(&str) -> Option<String>,
) -> Result<Chosen, LangError> {
    if let Some(lang) = option {
        return Ok(Chosen {
            lang,
            source: LangSource::Option,
        });
    }
    if let Some(value) = var(LANG_VARIABLE).filter(|v| !v.trim().is_empty()) {
        return Ok(Chosen {
            lang: value.parse()?,
            source: LangSource::Variable,
        });
    }
    let locale = LOCALE_VARIABLES
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()));
    Ok(match locale {
        Some(locale) => Chosen {
            lang: Lang::of_locale(&locale).unwrap_or(Lang::En),
            source: LangSource::Locale,
        },
        None => Chosen {
            lang: Lang::En,
            source: LangSource::Default,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn lang(option: Option<Lang>, pairs: &[(&str, &str)]) -> (Lang, LangSource) {
        let c = choose(option, env(pairs)).unwrap();
        (c.lang, c.source)
    }

    #[test]
    fn the_option_beats_the_variable_which_beats_the_locale() {
        let all = [
            ("KARMADASH_LANG", "en"),
            ("LC_ALL", "hi_IN.UTF-8"),
            ("LANG", "hi_IN.UTF-8"),
        ];
        assert_eq!(lang(Some(Lang::Hi), &all), (Lang::Hi, LangSource::Option));
        assert_eq!(lang(None, &all), (Lang::En, LangSource::Variable));
        let hindi_var = [("KARMADASH_LANG", "hi"), ("LC_ALL", "en_IN.UTF-8")];
        assert_eq!(lang(None, &hindi_var), (Lang::Hi, LangSource::Variable));
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        assert_eq!(
            lang(None, &[("LC_ALL", "C"), ("LANG", "hi_IN.UTF-8")]),
            (Lang::En, LangSource::Locale)
        );
        assert_eq!(
            lang(None, &[("LC_MESSAGES", "hi_IN"), ("LANG", "en_GB.UTF-8")]),
            (Lang::Hi, LangSource::Locale)
        );
        assert_eq!(
            lang(None, &[("LC_ALL", ""), ("LANG", "hi_IN.UTF-8")]),
            (Lang::Hi, LangSource::Locale)
        );
        assert_eq!(
            lang(None, &[("LANG", "fr_FR.UTF-8")]),
            (Lang::En, LangSource::Locale)
        );
        assert_eq!(lang(None, &[]), (Lang::En, LangSource::Default));
        assert_eq!(
            lang(None, &[("KARMADASH_LANG", ""), ("LANG", "hi_IN")]),
            (Lang::Hi, LangSource::Locale)
        );
    }

    #[test]
    fn a_variable_naming_no_language_is_refused() {
        let e = choose(None, env(&[("KARMADASH_LANG", "fr")])).unwrap_err();
        assert_eq!(e.given, "fr");
    }

    #[test]
    fn locales_are_read_by_their_language() {
        for hi in [
            "hi",
            "HI",
            "hi_IN",
            "hi_IN.UTF-8",
            "hi-IN",
            "hi_IN@devanagari",
        ] {
            assert_eq!(Lang::of_locale(hi), Some(Lang::Hi), "{hi}");
        }
        for none in ["C", "POSIX", "C.UTF-8", "hin", "", "bho_IN"] {
            assert_eq!(Lang::of_locale(none), None, "{none}");
        }
    }
}
