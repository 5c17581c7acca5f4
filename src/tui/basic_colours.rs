//! ratatui's crossterm backend with one change: colours go out in the 16 basic
//! SGR forms (30-37 and 90-97, 40-47 and 100-107). crossterm writes even
//! `Color::Yellow` as the 256-colour `38;5;3`, which the Linux console
//! (`TERM=linux`) and older terminals misread; the basic forms every
//! terminal reads, and the theme uses no other colour. Each change of
//! style is one SGR that resets and sets everything, so no attribute of
//! the cell before can leak into the next.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

pub struct BasicColours<W: Write> {
    writer: W,
}

impl<W: Write> BasicColours<W> {
    pub fn new(writer: W) -> Self {
        BasicColours { writer }
    }
}

/// The SGR parameter of `c` as a foreground (`base` 30) or background
/// (`base` 40); `None` for the terminal's own. A 256-colour or RGB value
/// (the theme sends none) is brought to the nearest basic colour.
fn code(c: Color, base: u8) -> Option<u8> {
    let index = match c {
        Color::Reset => return None,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) if i < 16 => i,
        Color::Indexed(i) => nearest(indexed_rgb(i)),
        Color::Rgb(r, g, b) => nearest((r, g, b)),
    };
    Some(if index < 8 {
        base + index
    } else {
        base + 60 + index - 8
    })
}

/// xterm's 256-colour cube and grey ramp as RGB.
fn indexed_rgb(i: u8) -> (u8, u8, u8) {
    if i >= 232 {
        let v = 8 + (i - 232) * 10;
        return (v, v, v);
    }
    let n = i - 16;
    let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
    (level(n / 36), level(n / 6 % 6), level(n % 6))
}

/// The basic colour (0-15) nearest an RGB value: each channel on or off,
/// bright when the brightest channel is.
fn nearest((r, g, b): (u8, u8, u8)) -> u8 {
    let max = r.max(g).max(b);
    if max < 64 {
        return 0;
    }
    let on = |v: u8| u8::from(v >= max / 2 + 32);
    let index = on(r) | on(g) << 1 | on(b) << 2;
    match (index, max >= 192) {
        (7, false) => 7,
        (7, true) => 15,
        (i, true) => i + 8,
        (i, false) => i,
    }
}

/// One SGR that resets, then sets the cell's attributes and colours.
fn sgr(cell: &Cell) -> String {
    const ATTRIBUTES: [(Modifier, u8); 8] = [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ];
    let mut params = vec![0u8];
    params.extend(
        ATTRIBUTES
            .iter()
            .filter(|(m, _)| cell.modifier.contains(*m))
            .map(|(_, n)| *n),
    );
    params.extend(code(cell.fg, 30));
    params.extend(code(cell.bg, 40));
    let params: Vec<String> = params.iter().map(u8::to_string).collect();
    format!("\x1b[{}m", params.join(";"))
}

impl<W: Write> Backend for BasicColours<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut last: Option<Position> = None;
        let mut style: Option<(Color, Color, Modifier)> = None;
        let w = &mut self.writer;
        for (x, y, cell) in content {
            if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
                crossterm::queue!(w, crossterm::cursor::MoveTo(x, y))?;
            }
            last = Some(Position { x, y });
            let now = (cell.fg, cell.bg, cell.modifier);
            if style != Some(now) {
                w.write_all(sgr(cell).as_bytes())?;
                style = Some(now);
            }
            w.write_all(cell.symbol().as_bytes())?;
        }
        w.write_all(b"\x1b[0m")
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        crossterm::execute!(self.writer, crossterm::cursor::Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        crossterm::execute!(self.writer, crossterm::cursor::Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = crossterm::cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        crossterm::execute!(self.writer, crossterm::cursor::MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use crossterm::terminal::ClearType as To;
        let to = match clear_type {
            ClearType::All => To::All,
            ClearType::AfterCursor => To::FromCursorDown,
            ClearType::BeforeCursor => To::FromCursorUp,
            ClearType::CurrentLine => To::CurrentLine,
            ClearType::UntilNewLine => To::UntilNewLine,
        };
        crossterm::execute!(self.writer, crossterm::terminal::Clear(to))
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = crossterm::terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let w = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: w.columns,
                height: w.rows,
            },
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_16_colours_take_their_basic_codes() {
        assert_eq!(code(Color::Yellow, 30), Some(33));
        assert_eq!(code(Color::DarkGray, 30), Some(90));
        assert_eq!(code(Color::LightBlue, 40), Some(104));
        assert_eq!(code(Color::Reset, 30), None);
        assert_eq!(code(Color::Indexed(1), 30), Some(31));
        assert_eq!(code(Color::Rgb(255, 255, 0), 30), Some(93), "bright yellow");
        assert_eq!(code(Color::Rgb(0, 0, 128), 30), Some(34), "dark blue");
        assert_eq!(code(Color::Indexed(232), 30), Some(30), "near black");
        assert_eq!(code(Color::Indexed(255), 30), Some(97), "near white");
    }

    #[test]
    fn a_cell_is_one_sgr_that_resets_first() {
        let mut cell = Cell::new("x");
        cell.set_fg(Color::Cyan).set_bg(Color::Black).modifier =
            Modifier::BOLD | Modifier::REVERSED;
        assert_eq!(sgr(&cell), "\x1b[0;1;7;36;40m");
        assert_eq!(sgr(&Cell::new("x")), "\x1b[0m");
    }
}
