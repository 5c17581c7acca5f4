//! The interface's words in Hindi and English: Project Fluent messages,
//! one file per language (data/i18n/en.ftl, data/i18n/hi.ftl), built
//! into the binary. The shells call `tr(lang, id, args)`; ids are named
//! by area (`tui-...`, `cli-...`), and a whole sentence is one message,
//! so each language keeps its own word order and plurals: never join
//! translated fragments. Ids, `--json` keys and CSV headers are not
//! messages; they stay English in both languages.

mod check;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use self::check::{message_ids, message_variables, problems};
use crate::units::grouping::indian_grouping;
pub use crate::units::lang::Lang;

/// The messages of a language, as written.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../data/i18n/en.ftl"),
        Lang::Hi => include_str!("../../data/i18n/hi.ftl"),
    }
}

/// A value given to a message: text, or a number (which chooses the
/// plural, and prints with Latin digits as the portal does).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Str(Cow<'a, str>),
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                // Counts shown are far below 2^53: exact as f64.
                Arg::Num(n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

type Bundle = FluentBundle<FluentResource>;

/// Both languages' bundles, parsed once on first use.
fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(bundle))
}

fn bundle_of(lang: Lang) -> &'static Bundle {
    &bundles()[match lang {
        Lang::En => 0,
        Lang::Hi => 1,
    }]
}

/// The bundle of a language. A defect in a file (a test checks there is
/// none) loses only the entries it spoils: the rest still load.
fn bundle(lang: Lang) -> Bundle {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Fluent wraps each value in U+2068/U+2069 isolation marks; karmadash
    // prints no format characters (a terminal shows them as stray cells).
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    let _ = bundle.add_function("GROUPED", grouped);
    bundle
}

/// `GROUPED($n)`: a count grouped the Indian way (1,23,456), in both
/// languages; the plain `$n` stays ungrouped, as years and ids need.
fn grouped<'a>(positional: &[FluentValue<'a>], _named: &FluentArgs) -> FluentValue<'a> {
    match positional.first() {
        Some(FluentValue::Number(n)) if n.value >= 0.0 && n.value.fract() == 0.0 => {
            FluentValue::String(indian_grouping(n.value as u64).into())
        }
        Some(other) => other.clone(),
        None => FluentValue::Error,
    }
}

/// The message `id` in `lang`, with its arguments: one whole sentence or
/// label. A message missing in `lang` falls back to English, then to
/// the id itself; the i18n test keeps both files complete.
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let found = format_in(bundle_of(lang), id, args);
    found
        .or_else(|| format_in(bundle_of(Lang::En), id, args))
        .unwrap_or_else(|| id.to_string())
}

fn format_in(bundle: &Bundle, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Str(s) => fluent_args.set(*name, FluentValue::from(s.as_ref())),
            Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_grouping_follow_the_language() {
        assert_eq!(
            tr(Lang::En, "i18n-officers", &[("n", 1.into())]),
            "1 officer"
        );
        assert_eq!(
            tr(Lang::En, "i18n-officers", &[("n", 123_456.into())]),
            "1,23,456 officers"
        );
        assert_eq!(
            tr(Lang::Hi, "i18n-officers", &[("n", 123_456.into())]),
            "1,23,456 अधिकारी"
        );
    }

    #[test]
    fn no_isolation_marks_and_unknown_ids_fall_back() {
        let text = tr(Lang::Hi, "i18n-officers", &[("n", 2.into())]);
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
        assert_eq!(tr(Lang::Hi, "no-such-message", &[]), "no-such-message");
    }
}
