//! A part of a view that scrolls: heading lines that stay, then rows of
//! one or more wrapped lines, scrolled so the selected row shows whole and
//! no row is cut at either edge; rows out of sight below are counted.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::theme::{Meaning, Theme};
use crate::i18n::{tr, Lang};

/// The column before every row, for the selected row's mark.
pub const GUTTER: usize = 1;

/// One part of the list: its heading lines, which stay, and its rows,
/// which scroll; where each row starts, and the selected row's lines.
#[derive(Default)]
pub struct Pane {
    head: Vec<Line<'static>>,
    lines: Vec<Line<'static>>,
    starts: Vec<usize>,
    selected: Option<(usize, usize)>,
    /// The language of the "above" and "more" counts.
    lang: Lang,
}

impl Pane {
    pub fn new(head: Vec<Line<'static>>) -> Pane {
        Pane {
            head,
            ..Pane::default()
        }
    }

    /// The pane, counting the rows out of sight in `lang`.
    pub fn speaking(self, lang: Lang) -> Pane {
        Pane { lang, ..self }
    }

    /// Draws the heading, then the rows from the scroll that shows the
    /// selected one.
    pub fn render(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        if self.height() == 0 {
            return;
        }
        let [head, body] = Layout::vertical([
            Constraint::Length(self.head.len() as u16),
            Constraint::Min(0),
        ])
        .areas(area);
        // Down to the last row that shows whole, so none ends cut off; when
        // rows stay out of sight below, a line is kept to say so.
        let mut height = body.height as usize;
        let mut scroll = self.scroll(height);
        let mut whole = self.whole_from(scroll, height);
        if self.rows_from(scroll + whole) > 0 && height >= 2 {
            height = height.saturating_sub(1);
            scroll = self.scroll(height);
            whole = self.whole_from(scroll, height);
        }
        // Rows scrolled out of sight above are counted on the heading, which
        // costs no line.
        let mut heading = self.head.clone();
        let above = self.starts.len() - self.rows_from(scroll);
        if let (true, Some(last)) = (above > 0, heading.last_mut()) {
            last.spans.push(Span::styled(
                tr(self.lang, "tui-pane-above", &[("n", above.into())]),
                theme.style(Meaning::Muted),
            ));
        }
        f.render_widget(Paragraph::new(heading), head);
        let [shown, rest] =
            Layout::vertical([Constraint::Length(whole as u16), Constraint::Min(0)]).areas(body);
        f.render_widget(
            Paragraph::new(self.lines.clone()).scroll((scroll as u16, 0)),
            shown,
        );
        let below = self.rows_from(scroll + whole);
        if below > 0 && rest.height > 0 {
            let more = tr(self.lang, "tui-pane-more", &[("n", below.into())]);
            f.render_widget(
                Paragraph::new(more).style(theme.style(Meaning::Muted)),
                rest,
            );
        }
    }

    pub fn head_height(&self) -> usize {
        self.head.len()
    }

    /// The lines it takes to show whole; none when it has no rows.
    pub fn height(&self) -> usize {
        if self.starts.is_empty() {
            return 0;
        }
        self.head.len() + self.lines.len()
    }

    /// A row: `lead` before its first line, blanks as wide before the rest,
    /// all after a one-column gutter that holds the selected row's `▸`; its
    /// text is wrapped to the width less `GUTTER` and the lead.
    pub fn add(&mut self, selected: bool, lead: &str, mut body: Vec<String>, theme: &Theme) {
        if body.is_empty() {
            body.push(String::new());
        }
        let start = self.lines.len();
        self.starts.push(start);
        let style = if selected {
            self.selected = Some((start, start + body.len()));
            theme.style(Meaning::Selected)
        } else {
            Style::default()
        };
        for (n, text) in body.into_iter().enumerate() {
            // The selected row is marked, not only reversed: the mark reads
            // without colour or attributes (a screen reader, a copied screen).
            let lead = match (n, selected) {
                (0, true) => format!("▸{lead}"),
                (0, false) => format!(" {lead}"),
                _ => " ".repeat(GUTTER + lead.width()),
            };
            self.lines.push(Line::from(vec![
                Span::styled(lead, style),
                Span::styled(text, style),
            ]));
        }
    }

    /// How many rows start at or after line `line`.
    fn rows_from(&self, line: usize) -> usize {
        self.starts.iter().filter(|s| **s >= line).count()
    }

    /// How many of `height` lines from `scroll` on hold whole rows (all
    /// of them if even the first row is taller than the pane).
    fn whole_from(&self, scroll: usize, height: usize) -> usize {
        let last = scroll + height;
        let ends = self
            .starts
            .iter()
            .skip(1)
            .copied()
            .chain([self.lines.len()]);
        ends.filter(|end| *end > scroll && *end <= last)
            .max()
            .map_or(height, |end| end - scroll)
    }

    /// The least scroll that shows the selected row whole and starts at a
    /// row's first line: from the top the first rows show; on the last row
    /// the end.
    fn scroll(&self, height: usize) -> usize {
        let Some((start, end)) = self.selected else {
            return 0;
        };
        let least = end.saturating_sub(height);
        self.starts
            .iter()
            .copied()
            .find(|s| *s >= least)
            .unwrap_or(least)
            .min(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten rows of two lines each, the `selected` one chosen.
    fn pane(selected: usize) -> Pane {
        let mut p = Pane::new(Vec::new());
        let theme = Theme::PLAIN;
        for i in 0..10 {
            p.add(
                i == selected,
                "> ",
                vec![format!("row {i}"), "more".into()],
                &theme,
            );
        }
        p
    }

    #[test]
    fn the_selected_row_shows_whole_from_a_row_start() {
        for selected in 0..10 {
            let p = pane(selected);
            for height in 2..12 {
                let scroll = p.scroll(height);
                let whole = p.whole_from(scroll, height);
                assert_eq!(scroll % 2, 0, "starts at a row: {selected} in {height}");
                assert_eq!(whole % 2, 0, "ends at a row: {selected} in {height}");
                let (start, end) = p.selected.expect("selected");
                assert!(
                    start >= scroll && end <= scroll + whole,
                    "{selected} in {height}"
                );
            }
        }
        assert_eq!(pane(0).scroll(4), 0, "from the top, the first rows");
        assert_eq!(
            pane(9).rows_from(pane(9).scroll(4)),
            2,
            "at the end, the last two"
        );
    }
}
