//! Styles by meaning, in the 16 basic colours, for a dark or a light
//! terminal background; a colourless theme when NO_COLOR is set. Meaning
//! never rests on colour alone (symbols, reverse). Also how charts draw
//! their lines (braille or blocks), chosen the same way.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;

pub use crate::app::appearance::{Appearance, Background, ChartMarker};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    Title,
    Muted,
    Selected,
    Match,
    /// A matched letter inside the selected (reversed) row.
    SelectedMatch,
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
    pub background: Background,
    pub marker: ChartMarker,
}

impl Theme {
    /// Colours for a black background, braille charts.
    pub const DARK: Theme = Theme {
        color: true,
        background: Background::Dark,
        marker: ChartMarker::Braille,
    };
    /// Colours for a white background, braille charts.
    pub const LIGHT: Theme = Theme {
        background: Background::Light,
        ..Theme::DARK
    };
    /// No colour at all (NO_COLOR): attributes only.
    pub const PLAIN: Theme = Theme {
        color: false,
        ..Theme::DARK
    };

    /// The theme the process's environment asks for, after `asked`.
    pub fn from_env(asked: Appearance) -> Theme {
        Theme::choose(asked, |name| std::env::var(name).ok())
    }

    /// In order: what was asked (`--theme`, else `KARMADASH_THEME`), else
    /// the background the terminal reports in `COLORFGBG` ("0;15": black on
    /// white), else dark. NO_COLOR (non-empty, no-color.org) wins over any
    /// of them. The chart marker: what was asked, else blocks on the Linux
    /// console (its fonts have no braille), else braille.
    pub fn choose(asked: Appearance, env: impl Fn(&str) -> Option<String>) -> Theme {
        let set = |name: &str| env(name).filter(|v| !v.is_empty());
        let background = asked
            .background
            .or_else(|| set("COLORFGBG").and_then(|v| background_of(&v)))
            .unwrap_or(Background::Dark);
        let console = set("TERM").is_some_and(|t| t == "linux");
        let marker = asked.marker.unwrap_or(if console {
            ChartMarker::Block
        } else {
            ChartMarker::Braille
        });
        Theme {
            color: set("NO_COLOR").is_none(),
            background,
            marker,
        }
    }

    /// The ratatui marker of a chart's own line.
    pub fn chart_marker(&self) -> Marker {
        match self.marker {
            ChartMarker::Braille => Marker::Braille,
            ChartMarker::Block => Marker::HalfBlock,
        }
    }

    /// The glyph that stands for that line in a chart's legend.
    pub fn chart_glyph(&self) -> &'static str {
        match self.marker {
            ChartMarker::Braille => "⣿",
            ChartMarker::Block => "█",
        }
    }

    pub fn style(&self, m: Meaning) -> Style {
        let s = Style::default();
        if !self.color {
            return match m {
                Meaning::Title | Meaning::Key | Meaning::Alert => s.add_modifier(Modifier::BOLD),
                Meaning::Selected => s.add_modifier(Modifier::REVERSED),
                Meaning::Match | Meaning::SelectedMatch => {
                    s.add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
                }
                _ => s,
            };
        }
        let bold = Modifier::BOLD;
        match m {
            Meaning::Muted => s.fg(Color::DarkGray),
            Meaning::Selected => s.add_modifier(Modifier::REVERSED),
            // Reversed, a coloured letter becomes a coloured block behind
            // the paper's colour (white on yellow): underline it instead.
            Meaning::SelectedMatch => s.add_modifier(Modifier::UNDERLINED | bold),
            Meaning::Mandatory => s.fg(Color::Magenta),
            Meaning::Met => s.fg(Color::Green),
            Meaning::Alert => s.fg(Color::Red).add_modifier(bold),
            _ => s.fg(self.ink(m)).add_modifier(self.weight(m)),
        }
    }

    /// The colours that differ by background: yellow and cyan fade on
    /// white, dark blue sinks into black.
    fn ink(&self, m: Meaning) -> Color {
        let light = self.background == Background::Light;
        match (m, light) {
            (Meaning::Title | Meaning::Key, false) => Color::Cyan,
            (Meaning::Title | Meaning::Key, true) => Color::Blue,
            (Meaning::Match | Meaning::Open, false) => Color::Yellow,
            (Meaning::Match, true) => Color::Magenta,
            (Meaning::Open, true) => Color::Red,
            (Meaning::Optional, false) => Color::LightBlue,
            (_, _) => Color::Blue,
        }
    }

    fn weight(&self, m: Meaning) -> Modifier {
        match m {
            Meaning::Title | Meaning::Key => Modifier::BOLD,
            Meaning::Match if self.background == Background::Light => {
                Modifier::BOLD | Modifier::UNDERLINED
            }
            Meaning::Match => Modifier::BOLD,
            _ => Modifier::empty(),
        }
    }
}

/// The background `COLORFGBG` names ("fg;bg", or rxvt's "fg;default;bg"):
/// colours 0-6 and 8 are dark, 7 and 9-15 light (as vim reads it).
fn background_of(colorfgbg: &str) -> Option<Background> {
    let bg: u8 = colorfgbg.rsplit(';').next()?.trim().parse().ok()?;
    match bg {
        0..=6 | 8 => Some(Background::Dark),
        7 | 9..=15 => Some(Background::Light),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn asked(background: Option<Background>) -> Appearance {
        Appearance {
            background,
            marker: None,
        }
    }

    #[test]
    fn the_theme_is_what_was_asked_else_colorfgbg_else_dark() {
        let light_terminal = [("COLORFGBG", "0;15")];
        let t = Theme::choose(asked(Some(Background::Dark)), with(&light_terminal));
        assert_eq!(t.background, Background::Dark, "asked beats COLORFGBG");
        let t = Theme::choose(asked(None), with(&light_terminal));
        assert_eq!(t.background, Background::Light, "COLORFGBG 0;15: white");
        for (v, bg) in [
            ("15;0", Background::Dark),
            ("0;default;15", Background::Light),
            ("0;7", Background::Light),
            ("7;8", Background::Dark),
            ("default;default", Background::Dark),
            ("", Background::Dark),
            ("nonsense", Background::Dark),
        ] {
            let t = Theme::choose(asked(None), with(&[("COLORFGBG", v)]));
            assert_eq!(t.background, bg, "COLORFGBG={v:?}");
        }
        assert_eq!(
            Theme::choose(asked(None), with(&[])).background,
            Background::Dark
        );
        assert!(Theme::choose(asked(None), with(&[])).color);
    }

    #[test]
    fn no_color_wins_over_any_theme() {
        let env = [("NO_COLOR", "1"), ("COLORFGBG", "0;15")];
        let t = Theme::choose(asked(Some(Background::Light)), with(&env));
        assert!(!t.color);
        assert_eq!(t.style(Meaning::Match).fg, None);
        let t = Theme::choose(asked(None), with(&[("NO_COLOR", "")]));
        assert!(t.color, "an empty NO_COLOR is unset (no-color.org)");
    }

    #[test]
    fn the_chart_marker_is_what_was_asked_else_blocks_on_the_linux_console() {
        let console = [("TERM", "linux")];
        let t = Theme::choose(asked(None), with(&console));
        assert_eq!(
            (t.marker, t.chart_marker()),
            (ChartMarker::Block, Marker::HalfBlock)
        );
        let t = Theme::choose(
            Appearance {
                background: None,
                marker: Some(ChartMarker::Braille),
            },
            with(&console),
        );
        assert_eq!(t.marker, ChartMarker::Braille, "asked beats TERM");
        let xterm = [("TERM", "xterm-256color")];
        assert_eq!(
            Theme::choose(asked(None), with(&xterm)).marker,
            ChartMarker::Braille
        );
    }

    #[test]
    fn every_colour_is_one_of_the_16_basic_ones() {
        use Meaning::*;
        let all = [
            Title,
            Muted,
            Selected,
            Match,
            SelectedMatch,
            Mandatory,
            Optional,
            Met,
            Open,
            Alert,
            Key,
        ];
        for theme in [Theme::DARK, Theme::LIGHT] {
            for m in all {
                let s = theme.style(m);
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                        "{m:?}: {c:?}"
                    );
                }
            }
            assert_eq!(theme.style(SelectedMatch).fg, None, "no colour on reverse");
        }
        let light = Theme::LIGHT;
        for m in all {
            let fg = light.style(m).fg;
            assert!(
                !matches!(
                    fg,
                    Some(Color::Yellow | Color::LightYellow | Color::Cyan | Color::LightCyan)
                ),
                "{m:?} fades on white: {fg:?}"
            );
        }
        assert_ne!(
            Theme::DARK.style(Optional).fg,
            Some(Color::Blue),
            "sinks into black"
        );
    }
}
