//! Shared by the dashboard tests: officers with stores prepared through the
//! library (the same calls as the shell commands), a fixed today, keys, and
//! rendering the real `draw` into a `TestBackend`.
#![allow(dead_code)] // each test file uses its own share

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::Terminal;
use std::sync::{Arc, OnceLock};
use tempfile::TempDir;

use karmadash::app::profile_edit::{save_profile, ProfileInput};
use karmadash::app::progress::{record_completion, CompletionInput};
use karmadash::catalogue::Catalogue;
use karmadash::store::Store;
use karmadash::tui::{draw, App, Theme};

pub const TODAY: &str = "2026-11-23";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

/// The built-in catalogue, loaded once per test binary.
pub fn catalogue() -> Arc<Catalogue> {
    static C: OnceLock<Arc<Catalogue>> = OnceLock::new();
    C.get_or_init(|| Arc::new(Catalogue::builtin().expect("the built-in catalogue loads")))
        .clone()
}

/// A store in its own temporary directory; the directory lives as long as this.
pub struct Officer {
    pub dir: TempDir,
}

impl Officer {
    pub fn empty() -> Officer {
        Officer {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }

    pub fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("db")
    }

    pub fn store(&self) -> Store {
        Store::at(self.db())
    }

    /// A fresh dashboard on this store, as `karmadash` opens it, without
    /// whatever portal snapshot the machine's cache holds (screens must not
    /// depend on the developer's last `catalogue sync`).
    pub fn app(&self) -> App {
        let mut app = App::new(catalogue(), self.store(), today());
        app.use_portal(None);
        app
    }

    pub fn profile(&self, service: &str, state: &str, batch: &str, tier: &str) -> &Officer {
        let input = ProfileInput {
            service: service.into(),
            state: state.into(),
            batch: batch.into(),
            tier: tier.into(),
            name: String::new(),
            registered: String::new(),
        };
        save_profile(&catalogue(), &self.store(), today(), &input).expect("the profile saves");
        self
    }

    pub fn done(
        &self,
        course: &str,
        hours: &str,
        date: &str,
        certificate: Option<&str>,
    ) -> &Officer {
        self.record(course, false, hours, date, certificate)
    }

    pub fn other(&self, title: &str, hours: &str, date: &str) -> &Officer {
        self.record(title, true, hours, date, None)
    }

    fn record(
        &self,
        course: &str,
        other: bool,
        hours: &str,
        date: &str,
        certificate: Option<&str>,
    ) -> &Officer {
        let input = CompletionInput {
            course,
            other,
            hours,
            date: date.parse().expect("a YYYY-MM-DD date"),
            certificate,
        };
        record_completion(&catalogue(), &self.store(), today(), &input)
            .unwrap_or_else(|e| panic!("recording {course}: {e}"));
        self
    }

    /// Reads the README tour's portal reports (a Bihar department) into
    /// this store's roster through the real binary, as a training cell does.
    pub fn import_tour_roster(&self) -> &Officer {
        let tour =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/igot_fixtures/tour");
        crate::bin_fixtures::karmadash_on(&self.db(), TODAY)
            .args(["roster", "import"])
            .arg(tour.join("ConsumptionReport.csv"))
            .arg(tour.join("UserReport.csv"))
            .assert()
            .success();
        self
    }

    /// A Bihar department's two snapshots, older then newer (as a cell
    /// imports them day by day): long names, hours over 100, and officers
    /// with several flags (too-fast, no-duration, unmapped,
    /// not-in-latest-report) for the Roster view's columns.
    pub fn import_view_roster(&self) -> &Officer {
        let view =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/igot_fixtures/view");
        for files in [
            &["ConsumptionReport-2026-11-15.csv", "UserReport.csv"][..],
            &["ConsumptionReport-2026-11-22.csv"][..],
        ] {
            crate::bin_fixtures::karmadash_on(&self.db(), TODAY)
                .args(["roster", "import"])
                .args(files.iter().map(|f| view.join(f)))
                .assert()
                .success();
        }
        self
    }

    pub fn shortlist(&self, course: &str) -> &Officer {
        let c = catalogue();
        let id = c
            .course_by_title(course)
            .unwrap_or_else(|| panic!("no course titled {course}"));
        self.store()
            .set_shortlisted(&c.courses[id].key(), true)
            .expect("the shortlist saves");
        self
    }
}

/// A Bihar Secretariat Service officer (Assistant Section Officer to Under
/// Secretary) with four completions this year, one outside the lists, and
/// two optional courses shortlisted.
pub fn bss_officer() -> Officer {
    let o = Officer::empty();
    o.profile("bss", "bihar", "", "bss-aso-us")
        .done(
            "Effective Communication",
            "2",
            "2026-05-12",
            Some("IGOT-EC-2211"),
        )
        .done("Office Procedure", "3:30", "2026-07-03", None)
        .done("Noting and Drafting", "1.5", "2026-09-18", Some("NDR-0917"))
        .other("Cyber Hygiene for Government Employees", "4", "2026-10-30")
        .shortlist("Basics of Communication")
        .shortlist("Insights from Data for Policy");
    o
}

/// An IAS officer of the 2020 batch in Delhi: the DoPT, AIS and Delhi
/// orders all apply; one half-year requirement is already overdue.
pub fn ias_officer() -> Officer {
    let o = Officer::empty();
    o.profile("ias", "delhi", "2020", "")
        .done("GenAI for Everyone", "4", "2026-10-12", Some("GENAI-77"))
        .done("AIS (Conduct) Rules, 1968", "6:15", "2026-11-02", None);
    o
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Types text one key at a time, as a person does.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(ch(c));
    }
}

/// Draws one frame of the real dashboard and returns the screen's cells.
pub fn render(app: &mut App, width: u16, height: u16, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|f| draw(f, app, theme))
        .expect("the frame draws");
    terminal.backend().buffer().clone()
}

/// The screen as a person reads it: one line per row, a wide character
/// once (not followed by the cell it covers), trailing blanks dropped.
pub fn screen_text(buffer: &Buffer) -> String {
    let width = buffer.area.width as usize;
    let mut out = String::new();
    for row in buffer.content.chunks(width) {
        let mut line = String::new();
        let mut skip = 0u16;
        for cell in row {
            if skip == 0 {
                line.push_str(cell.symbol());
            }
            skip = skip.max(cell.cell_width()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Renders without colour and returns the text, for snapshots.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    screen_text(&render(app, width, height, &Theme::PLAIN))
}

/// The screen's words in order, borders and line breaks gone: a sentence
/// wrapped over several rows reads as one.
#[allow(dead_code)] // not every test binary reads words
pub fn words(screen: &str) -> String {
    screen
        .replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title under the course list's cursor.
pub fn selected_title(app: &App) -> String {
    app.visible_listings()[app.views.catalogue.row]
        .title
        .clone()
}

/// Moves the course list's cursor onto a listing by title.
pub fn select_listing(app: &mut App, title: &str) {
    app.on_key(ch('l'));
    app.on_key(ch('g'));
    while selected_title(app) != title {
        let before = app.views.catalogue.row;
        app.on_key(ch('j'));
        assert_ne!(
            app.views.catalogue.row, before,
            "{title} is not in the list"
        );
    }
}
