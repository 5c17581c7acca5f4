//! The dashboard in Hindi: `L` switches every view's words live, the
//! store remembers the choice for the next run, and a language asked for
//! one run (`--lang`, KARMADASH_LANG) wins over it without replacing it.

use crate::tui_fixtures;

use karmadash::i18n::Lang;
use karmadash::units::lang::{Chosen, LangSource};
use tui_fixtures::{bss_officer, ch, ias_officer, screen};

fn first_line(app: &mut karmadash::tui::App) -> String {
    screen(app, 120, 40)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

fn footer(app: &mut karmadash::tui::App) -> String {
    screen(app, 120, 40)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn l_switches_the_dashboard_to_hindi_live_and_the_store_remembers_it() {
    let o = bss_officer();
    let mut app = o.app();
    assert_eq!(app.data.lang, Lang::En);
    let tabs = first_line(&mut app);
    assert!(
        tabs.contains("1 Catalogue") && tabs.contains("5 Roster"),
        "{tabs}"
    );
    assert!(footer(&mut app).contains("L:हिन्दी"), "{}", footer(&mut app));

    app.on_key(ch('L'));
    assert_eq!(app.data.lang, Lang::Hi);
    let tabs = first_line(&mut app);
    assert!(
        tabs.contains("1 पाठ्यक्रम") && tabs.contains("2 प्रगति"),
        "{tabs}"
    );
    assert!(tabs.contains("वित्तीय वर्ष 2026-27"), "{tabs}");
    let foot = footer(&mut app);
    assert!(
        foot.contains("?:सहायता") && foot.contains("q:बाहर"),
        "{foot}"
    );
    assert!(foot.contains("L:English"), "{foot}");

    // Leaving saves it; the next run opens in Hindi.
    app.save_ui();
    drop(app);
    let mut again = o.app();
    assert_eq!(again.data.lang, Lang::Hi, "remembered in the store");
    assert!(first_line(&mut again).contains("1 पाठ्यक्रम"));
    again.on_key(ch('L'));
    assert_eq!(again.data.lang, Lang::En);
    assert!(first_line(&mut again).contains("1 Catalogue"));
}

#[test]
fn an_explicit_language_wins_for_the_run_and_the_locale_does_not() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('L'));
    app.save_ui();
    drop(app);

    let mut by_option = o.app();
    by_option.open_in(Chosen {
        lang: Lang::En,
        source: LangSource::Option,
    });
    assert_eq!(by_option.data.lang, Lang::En, "--lang en wins for this run");
    by_option.save_ui();
    drop(by_option);

    let mut by_locale = o.app();
    by_locale.open_in(Chosen {
        lang: Lang::En,
        source: LangSource::Locale,
    });
    assert_eq!(
        by_locale.data.lang,
        Lang::Hi,
        "the remembered choice beats the locale, and --lang did not replace it"
    );

    let fresh = bss_officer();
    let mut app = fresh.app();
    app.open_in(Chosen {
        lang: Lang::Hi,
        source: LangSource::Locale,
    });
    assert_eq!(
        app.data.lang,
        Lang::Hi,
        "with nothing remembered, the locale decides"
    );
}

#[test]
fn the_help_is_in_hindi_with_the_language_key() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('?'));
    let en = screen(&mut app, 120, 40);
    assert!(en.contains("switch the language: English / हिन्दी"), "{en}");
    app.on_key(ch('q'));
    app.on_key(ch('L'));
    app.on_key(ch('?'));
    let hi = screen(&mut app, 120, 40);
    assert!(hi.contains("पाठ्यक्रम दृश्य की कुंजियाँ"), "{hi}");
    assert!(hi.contains("हर पाठ्यक्रम में खोजें"), "{hi}");
    assert!(hi.contains("भाषा बदलें"), "{hi}");
}

/// Splits a screen or a source text into words: borders, blanks and
/// punctuation (the danda `।` too) separate them.
fn hindi_words(text: &str) -> Vec<&str> {
    text.split(|c: char| {
        c.is_whitespace() || "│┌┐└┘─├┤┬┴┼▸•·()[]{}:;,.!?\"'/|+*=<>-–—।".contains(c)
    })
    .filter(|w| w.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)))
    .collect()
}

/// Every Hindi word the dashboard may show whole: the catalogues' and the
/// orders' own words (everything under data/).
fn hindi_vocabulary() -> std::collections::BTreeSet<String> {
    fn walk(dir: &std::path::Path, out: &mut std::collections::BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("data/ reads") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                out.extend(hindi_words(&text).into_iter().map(str::to_string));
            }
        }
    }
    let mut out = std::collections::BTreeSet::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &mut out,
    );
    out
}

/// The Hindi words on a screen that are neither whole nor marked cut
/// with `…`: a word broken mid-way (or mid-syllable) without the mark.
fn cut_words(screen: &str, vocabulary: &std::collections::BTreeSet<String>) -> Vec<String> {
    hindi_words(screen)
        .into_iter()
        .filter(|w| !w.ends_with('…') && !vocabulary.contains(*w))
        .map(str::to_string)
        .collect()
}

/// Every view (and the help) in Hindi, as the dashboard opens them.
fn each_hindi_view(mut look: impl FnMut(&str, &mut karmadash::tui::App)) {
    let bss = bss_officer();
    bss.import_tour_roster();
    let ias = ias_officer();
    let empty = tui_fixtures::Officer::empty();
    let keys: [(&str, &tui_fixtures::Officer, &[char]); 10] = [
        ("catalogue", &bss, &[]),
        ("catalogue_listings", &bss, &['l', 'j']),
        ("progress", &ias, &['2']),
        ("progress_hours", &bss, &['2']),
        ("plan", &bss, &['3']),
        ("log", &bss, &['4']),
        ("roster", &bss, &['5']),
        ("roster_empty", &ias, &['5']),
        // Esc leaves the first-run profile form to browse first.
        ("no_profile_progress", &empty, &['\u{1b}', '2']),
        ("help", &bss, &['?']),
    ];
    for (name, officer, keys) in keys {
        let mut app = officer.app();
        app.open_in(Chosen {
            lang: Lang::Hi,
            source: LangSource::Option,
        });
        for k in keys {
            match k {
                '\u{1b}' => app.on_key(tui_fixtures::key(crossterm::event::KeyCode::Esc)),
                c => app.on_key(ch(*c)),
            }
        }
        look(name, &mut app);
    }
}

#[test]
fn every_view_in_hindi_fits_80x24_and_60x16_with_no_word_cut_mid_way() {
    let vocabulary = hindi_vocabulary();
    each_hindi_view(|name, app| {
        for (w, h) in [(80, 24), (60, 16)] {
            let text = screen(app, w, h);
            assert!(
                hindi_words(&text).len() >= 3,
                "{name} at {w}x{h} speaks Hindi:\n{text}"
            );
            let cut = cut_words(&text, &vocabulary);
            assert!(
                cut.is_empty(),
                "{name} at {w}x{h} cuts {cut:?} without …:\n{text}"
            );
            insta::with_settings!({ omit_expression => true }, {
                insta::assert_snapshot!(format!("hi_{name}_{w}x{h}"), text);
            });
        }
    });
}

#[test]
fn a_hindi_word_cut_without_the_mark_is_caught() {
    let vocabulary = hindi_vocabulary();
    assert!(vocabulary.contains("पाठ्यक्रम"));
    assert_eq!(
        cut_words("│ पाठ्यक्रम सूची │", &vocabulary),
        Vec::<String>::new()
    );
    assert_eq!(cut_words("│ पाठ्यक्र…", &vocabulary), Vec::<String>::new());
    assert_eq!(
        cut_words("│ पाठ्यक्र", &vocabulary),
        vec!["पाठ्यक्र".to_string()]
    );
}

#[test]
fn the_dashboard_s_messages_are_in_hindi_too() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('L'));
    // Row 2 of the course list is done: d says so, in Hindi.
    app.on_key(ch('l'));
    app.on_key(ch('j'));
    app.on_key(ch('d'));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("पहले से दर्ज है: अभिलेख दृश्य (4) देखें।"), "{text}");
    app.on_key(ch('s'));
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("आपकी चयन-सूची में जोड़ा गया (योजना दृश्य, 3)।"),
        "{text}"
    );
}
