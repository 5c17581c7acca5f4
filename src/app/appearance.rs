//! How the dashboard should look, as the person asked on the command line
//! (`--theme`, `--chart-marker`, or their variables): plain values the CLI
//! hands to the dashboard, which fills in what was not asked from the
//! terminal itself.

/// The terminal's background, which the colours must read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Dark,
    Light,
}

/// How charts draw their lines: braille dots, or blocks for fonts (the
/// Linux console, DejaVu Sans Mono in urxvt) that have no braille.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartMarker {
    Braille,
    Block,
}

/// What was asked; `None` leaves the choice to the terminal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Appearance {
    pub background: Option<Background>,
    pub marker: Option<ChartMarker>,
}
