//! The dashboard's profile form checks what is typed through the same core
//! as `profile set`: a state not on India's list is refused in the form,
//! with the nearest one, and nothing is saved.

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use karmadash::tui::Form;
use tui_fixtures::{key, screen, type_text, Officer};

fn form_error(app: &karmadash::tui::App) -> Option<String> {
    app.overlay::<Form>().and_then(|f| f.error.clone())
}

#[test]
fn a_mistyped_state_is_refused_in_the_form_and_a_spelling_from_the_list_is_saved() {
    let o = Officer::empty();
    let mut app = o.app();
    type_text(&mut app, "ias");
    app.on_key(key(KeyCode::Tab));
    type_text(&mut app, "dehli");
    app.on_key(key(KeyCode::Tab));
    type_text(&mut app, "2012");
    app.on_key(key(KeyCode::Enter));
    assert_eq!(
        form_error(&app).as_deref(),
        Some("unknown state 'dehli': did you mean delhi?"),
        "the form stays open with the reason"
    );
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("did you mean delhi?"), "{shown}");
    assert!(
        o.store().snapshot().unwrap().profile.is_none(),
        "nothing saved"
    );

    app.on_key(key(KeyCode::BackTab));
    for _ in 0.."dehli".len() {
        app.on_key(key(KeyCode::Backspace));
    }
    type_text(&mut app, "NCT of Delhi");
    app.on_key(key(KeyCode::Enter));
    assert!(app.overlays().next().is_none(), "{:?}", form_error(&app));
    let profile = o.store().snapshot().unwrap().profile.expect("saved");
    assert_eq!(profile.state.as_deref(), Some("delhi"));
    assert_eq!(profile.batch, Some(2012));
}
