//! The store's change notice: the store's folder watched with `notify`
//! (inotify, FSEvents, ...), as gitui watches a repository, so another
//! shell's `karmadash done` wakes the dashboard at once instead of a timer
//! polling the change marker. Any change there wakes it; the marker then
//! says whether it was a write (sled's own files change too). Where the
//! folder cannot be watched (not made yet, a file system without notices),
//! the event loop's slow timer still reads the marker, and arms the watch
//! again once it can.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::input::Wake;

pub struct StoreWatch {
    dir: PathBuf,
    send: Sender<Wake>,
    watcher: Option<RecommendedWatcher>,
}

impl StoreWatch {
    pub fn start(dir: PathBuf, send: Sender<Wake>) -> StoreWatch {
        let mut watch = StoreWatch {
            dir,
            send,
            watcher: None,
        };
        watch.arm();
        watch
    }

    /// Starts watching the folder if it is not watched yet; returns
    /// whether it is watched.
    pub fn arm(&mut self) -> bool {
        if self.watcher.is_some() {
            return true;
        }
        let send = self.send.clone();
        let handler = move |event: notify::Result<notify::Event>| {
            // Reading the marker is an access: waking on it would loop.
            if event.is_ok_and(|e| !matches!(e.kind, EventKind::Access(_))) {
                let _ = send.send(Wake::Store);
            }
        };
        let Ok(mut watcher) = notify::recommended_watcher(handler) else {
            return false;
        };
        if watcher
            .watch(&self.dir, RecursiveMode::NonRecursive)
            .is_err()
        {
            return false;
        }
        self.watcher = Some(watcher);
        true
    }
}
