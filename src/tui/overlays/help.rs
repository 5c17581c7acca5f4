//! The help: every key of the view, from the keymap, and over a popup
//! that popup's own keys first; it scrolls where the screen is shorter.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;

use super::scroll::Scroll;
use super::{centred, Keys, Overlay, Then};
use crate::i18n::{tr, Lang};
use crate::tui::app::App;
use crate::tui::keymap::{bindings_for, Action, TEXT_KEYS};
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::{View, VIEWS};
use crate::units::wrap::wrap;

/// The help, over the view or over the popup whose keys it lists first.
#[derive(Default)]
pub struct Help {
    popup: Option<Keys>,
    scroll: Scroll,
}

impl Help {
    /// Help over a popup whose keys are `popup` (`None`: over the view).
    pub fn over(popup: Option<Keys>) -> Help {
        Help {
            popup,
            scroll: Scroll::default(),
        }
    }
}

impl Overlay for Help {
    fn draw(&self, f: &mut Frame, _: Rect, app: &App, theme: &Theme) {
        render(f, app.view, self.popup, &self.scroll, theme, app.data.lang);
    }

    fn on_key(&mut self, key: KeyEvent, _: &mut App) -> Then {
        if self.scroll.on_key(&key) {
            return Then::Stay;
        }
        match key.code {
            KeyCode::Char('q') | KeyCode::Char('?') | KeyCode::Enter => Then::Close,
            _ => Then::Stay,
        }
    }

    fn keys(&self) -> Keys {
        &[
            ("j/k PgDn End", "tui-hint-scroll"),
            ("Esc", "tui-hint-close-help"),
        ]
    }

    /// Help is not opened over help.
    fn opens_help(&self, _: &KeyEvent) -> bool {
        false
    }
}

/// Bindings that read best as one help line ("↑/k ↓/j  move up / down").
fn pairs_with(a: Action, b: Action) -> bool {
    use Action::*;
    a == b
        || matches!(
            (a, b),
            (Up, Down)
                | (PageUp, PageDown)
                | (Top, Bottom)
                | (NextView, PrevView)
                | (FocusLeft, FocusRight)
                | (GoView(_), GoView(_))
        )
}

/// Help lines built from the keymap in `lang`, paired bindings merged to
/// fit 80x24 (a list of key words, " / " between them in both languages).
pub fn help_lines(view: View, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String, Action)> = Vec::new();
    for b in bindings_for(view) {
        if let Action::GoView(_) = b.action {
            // The views table's digits, spelled out from it.
            let keys: Vec<String> = VIEWS.iter().map(|v| v.key.to_string()).collect();
            let names: Vec<String> = VIEWS.iter().map(|v| v.id.label(lang)).collect();
            let help = tr(
                lang,
                "tui-help-go-view",
                &[
                    ("first", (&names[0]).into()),
                    ("rest", names[1..].join(" / ").into()),
                ],
            );
            out.push((keys.join(" "), help, b.action));
            continue;
        }
        let words = tr(lang, b.help, &[]);
        match out.last_mut() {
            Some((keys, help, last)) if pairs_with(*last, b.action) => {
                keys.push(' ');
                keys.push_str(b.label);
                if *last != b.action {
                    *help = format!("{help} / {words}");
                } else {
                    *help = format!("{help} ({}: {words})", b.label);
                }
                *last = b.action;
            }
            _ => out.push((b.label.to_string(), words, b.action)),
        }
    }
    out.into_iter().map(|(k, h, _)| (k, h)).collect()
}

/// `body` wrapped to `width` after `head`, the lines after the first
/// indented as far as `head` is wide, so the words line up.
fn hanging(head: Span<'static>, body: &str, width: usize) -> Vec<Line<'static>> {
    let indent = head.width();
    let mut out = Vec::new();
    for (n, l) in wrap(body, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
    {
        let lead = if n == 0 {
            head.clone()
        } else {
            Span::raw(" ".repeat(indent))
        };
        out.push(Line::from(vec![lead, Span::raw(l)]));
    }
    out
}

fn render(
    f: &mut Frame,
    view: View,
    popup: Option<Keys>,
    scroll: &Scroll,
    theme: &Theme,
    lang: Lang,
) {
    let area = f.area();
    let inner = centred(area, 80, 1).width.saturating_sub(2) as usize;
    let rows = help_lines(view, lang);
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(8);
    let title = |id: &str| Span::styled(tr(lang, id, &[]), theme.style(Meaning::Title));
    let mut lines = Vec::new();
    // Over a popup, its own keys come first: they are what works now.
    if let Some(popup) = popup {
        let keys: Vec<String> = popup
            .iter()
            .map(|(k, h)| format!("{k}: {}", tr(lang, h, &[])))
            .collect();
        lines.extend(hanging(
            title("tui-help-in-popup"),
            &keys.join(" · "),
            inner,
        ));
    }
    lines.push(Line::from(Span::styled(
        tr(lang, "tui-help-title", &[("view", view.label(lang).into())]),
        theme.style(Meaning::Title),
    )));
    for (k, h) in rows {
        let key = Span::styled(format!("{k:>width$}  "), theme.style(Meaning::Key));
        lines.extend(hanging(key, &h, inner));
    }
    let text_keys: Vec<String> = TEXT_KEYS
        .iter()
        .map(|(k, h)| format!("{k}: {}", tr(lang, h, &[])))
        .collect();
    lines.extend(hanging(
        title("tui-help-text-keys"),
        &text_keys.join(" · "),
        inner,
    ));
    // The whole screen if need be; taller than it, the lines scroll.
    let r = centred(area, 80, lines.len() as u16 + 2);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr(lang, "tui-help-box-title", &[]));
    scroll.render(f, r, lines, block, theme);
}
