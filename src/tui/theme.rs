//! Styles by meaning, in the 16 basic colours; a colourless theme when
//! NO_COLOR is set. Meaning never rests on colour alone (symbols, reverse).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    Title,
    Muted,
    Selected,
    Match,
    Mandatory,
    Optional,
    Met,
    Open,
    Alert,
    Key,
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn style(&self, m: Meaning) -> Style {
        let s = Style::default();
        if !self.color {
            return match m {
                Meaning::Title | Meaning::Key | Meaning::Alert => s.add_modifier(Modifier::BOLD),
                Meaning::Selected => s.add_modifier(Modifier::REVERSED),
                Meaning::Match => s.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                _ => s,
            };
        }
        match m {
            Meaning::Title => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Meaning::Muted => s.fg(Color::DarkGray),
            Meaning::Selected => s.add_modifier(Modifier::REVERSED),
            Meaning::Match => s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Meaning::Mandatory => s.fg(Color::Magenta),
            Meaning::Optional => s.fg(Color::Blue),
            Meaning::Met => s.fg(Color::Green),
            Meaning::Open => s.fg(Color::Yellow),
            Meaning::Alert => s.fg(Color::Red).add_modifier(Modifier::BOLD),
            Meaning::Key => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }
}
