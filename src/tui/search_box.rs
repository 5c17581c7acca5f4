//! The search box: keys typed into it, results from the worker thread, and
//! jumping to the course a person chose.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Focus, Overlay, SearchBox};
use super::views::catalogue;
use crate::catalogue::{CourseId, Listing};

impl App {
    /// Returns whether the search box stays open.
    pub(super) fn on_search_key(&mut self, b: &mut SearchBox, key: KeyEvent) -> bool {
        match key.code {
            KeyCode::Esc => return false,
            KeyCode::Enter => {
                if let Some(hit) = b.hits.get(b.selected) {
                    self.jump_to(hit.course);
                }
                return false;
            }
            KeyCode::Up => b.selected = b.selected.saturating_sub(1),
            KeyCode::Down => b.selected = (b.selected + 1).min(b.hits.len().saturating_sub(1)),
            KeyCode::Backspace => {
                b.query.pop();
                self.ask(b);
            }
            KeyCode::Char(ch) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                b.query.push(ch);
                self.ask(b);
            }
            _ => {}
        }
        true
    }

    fn ask(&mut self, b: &mut SearchBox) {
        self.search.ask(&b.query);
        b.waiting = true;
        b.selected = 0;
    }

    /// Takes any search results that arrived; called every tick. Returns
    /// whether some did (the screen then changes).
    pub fn poll_search(&mut self) -> bool {
        if let Some(Overlay::Search(b)) = &mut self.overlay {
            if let Some(hits) = self.search.poll() {
                b.hits = hits;
                b.waiting = false;
                b.selected = b.selected.min(b.hits.len().saturating_sub(1));
                return true;
            }
        }
        false
    }

    /// Blocks until the search answers (tests and screenshots).
    pub fn wait_search(&mut self) {
        if let Some(Overlay::Search(b)) = &mut self.overlay {
            b.hits = self.search.wait();
            b.waiting = false;
        }
    }

    /// Shows a course in the catalogue: the current tier if it lists it.
    /// A course no tier lists (from a portal export) opens on its own, where
    /// `d` records it like any other.
    pub fn jump_to(&mut self, course: CourseId) {
        let current = self.tier_id().to_string();
        let listings: Vec<&Listing> = self.catalogue.course_listings(course).collect();
        let Some(target) = listings
            .iter()
            .find(|l| l.tier == current)
            .or(listings.first())
        else {
            self.overlay = Some(Overlay::Detail(course));
            return;
        };
        let listing_id = target.id.clone();
        self.tier = self
            .catalogue
            .tiers
            .iter()
            .position(|t| t.id == target.tier)
            .unwrap_or(0);
        self.competency = None;
        self.listing_status = None;
        self.go_to(catalogue::VIEW);
        self.focus = Focus::Listings;
        self.row = self
            .visible_listings()
            .iter()
            .position(|l| l.id == listing_id)
            .unwrap_or(0);
        self.overlay = Some(Overlay::Detail(course));
    }
}
