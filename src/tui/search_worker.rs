//! Fuzzy search off the UI thread: the UI sends each query and never waits;
//! the worker skips to the newest query, narrows from the previous search
//! while the query only grows (`Typing`), and sends hits back tagged with
//! the query's number so stale answers are dropped; each answer also
//! wakes the event loop, which otherwise sleeps.
//!
//! The portal's courses are searched too, in an index of their own, and
//! ranked with the catalogue's by the same scorer: a portal hit's `course`
//! is the snapshot's course number past the catalogue's (`portal_course`).

use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::thread;

use crate::catalogue::Catalogue;
use crate::search::{Hit, SearchIndex, Typing};

pub const LIMIT: usize = 100;

/// What the worker calls after each answer (the event loop's waker).
type Wake = Arc<OnceLock<Box<dyn Fn() + Send + Sync>>>;

pub struct SearchWorker {
    send: Sender<(u64, String)>,
    recv: Receiver<(u64, Vec<Hit>)>,
    pub latest: u64,
    wake: Wake,
}

impl SearchWorker {
    /// Starts the worker; it indexes `catalogue` and the portal's `portal`
    /// titles first, off the UI thread, so the first frame never waits for
    /// 100,000 titles to be indexed.
    pub fn start(catalogue: Arc<Catalogue>, portal: Vec<String>) -> SearchWorker {
        let (send, queries) = channel::<(u64, String)>();
        let (answers, recv) = channel();
        let wake: Wake = Arc::default();
        let woken = Arc::clone(&wake);
        thread::spawn(move || {
            let index = SearchIndex::new(&catalogue);
            let past = catalogue.courses.len();
            let portal_index = SearchIndex::from_titles(
                portal
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (past + i, t.as_str())),
            );
            let mut typing = Typing::new();
            let mut portal_typing = Typing::new();
            while let Ok(mut job) = queries.recv() {
                // Only the newest query matters.
                while let Ok(newer) = queries.try_recv() {
                    job = newer;
                }
                let (n, query) = job;
                let mut hits = index.search_typing(&mut typing, &query, LIMIT, &|_| true);
                hits.extend(
                    portal_index.search_typing(&mut portal_typing, &query, LIMIT, &|_| true),
                );
                // Stable: on equal scores the orders' listings come first.
                hits.sort_by_key(|h| std::cmp::Reverse(h.score));
                hits.truncate(LIMIT);
                if answers.send((n, hits)).is_err() {
                    break;
                }
                if let Some(wake) = woken.get() {
                    wake();
                }
            }
        });
        SearchWorker {
            send,
            recv,
            latest: 0,
            wake,
        }
    }

    /// Calls `wake` after each answer from now on (set once).
    pub fn wake_with(&self, wake: impl Fn() + Send + Sync + 'static) {
        let _ = self.wake.set(Box::new(wake));
    }

    pub fn ask(&mut self, query: &str) {
        self.latest += 1;
        // A dead worker only means no results; the UI keeps working.
        let _ = self.send.send((self.latest, query.to_string()));
    }

    /// The newest answer, if one for the latest query has arrived.
    pub fn poll(&self) -> Option<Vec<Hit>> {
        let mut newest = None;
        loop {
            match self.recv.try_recv() {
                Ok((n, hits)) if n == self.latest => newest = Some(hits),
                Ok(_) => {}
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return newest,
            }
        }
    }

    /// Waits for the latest answer (tests and screenshots only).
    pub fn wait(&self) -> Vec<Hit> {
        loop {
            match self.recv.recv() {
                Ok((n, hits)) if n == self.latest => return hits,
                Ok(_) => {}
                Err(_) => return Vec::new(),
            }
        }
    }
}

/// The portal snapshot's course number of `hit`, when it is a portal course.
pub fn portal_course(catalogue: &Catalogue, hit: &Hit) -> Option<usize> {
    hit.course.checked_sub(catalogue.courses.len())
}
