//! The dashboard in Hindi: `L` switches every view's words live, the
//! store remembers the choice for the next run, and a language asked for
//! one run (`--lang`, KARMADASH_LANG) wins over it without replacing it.

use crate::tui_fixtures;

use karmadash::i18n::Lang;
use karmadash::units::lang::{Chosen, LangSource};
use tui_fixtures::{bss_officer, ch, screen};

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
