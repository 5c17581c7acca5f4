//! What wakes the dashboard: the terminal's input, read on its own thread;
//! a change in the store's folder; a search answer; a signal. All come
//! through one channel the event loop blocks on, so an idle dashboard
//! sleeps; a slow timer is the fallback where no change notice comes.
//!
//! crossterm 0.29 retries a read of 0 bytes without end: once the terminal
//! hangs up (an SSH link drops, a tmux pane is killed) its `poll` never
//! returns and spins a core. A loop blocked there could not see SIGHUP nor
//! exit, so the events come through the channel instead, and on the timer
//! the loop also asks the kernel whether the terminal is still there.
//! The reading thread blocks in crossterm's own `read`, which takes an
//! escape sequence whole, so an arrow key never arrives as a bare Esc (a
//! zero-timeout poll could split it).

use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event};

use super::wording::DashError;

/// Why the event loop woke.
pub enum Wake {
    Input(std::io::Result<Event>),
    /// Something changed in the store's folder.
    Store,
    /// A search answer, or a signal: the loop looks at the app again.
    Other,
}

pub struct Input {
    wakes: Receiver<Wake>,
    send: Sender<Wake>,
    /// A wake-up taken while draining a burst of store changes, not yet
    /// handed out.
    pending: Option<Wake>,
}

impl Input {
    pub fn start() -> Input {
        let (send, wakes) = channel();
        let keys = send.clone();
        thread::spawn(move || loop {
            let event = event::read();
            let failed = event.is_err();
            if keys.send(Wake::Input(event)).is_err() || failed {
                return;
            }
        });
        Input {
            wakes,
            send,
            pending: None,
        }
    }

    /// A sender for the other things that wake the loop.
    pub fn waker(&self) -> Sender<Wake> {
        self.send.clone()
    }

    /// Blocks until something wakes the loop, or `fallback` passes (then
    /// it is time to look at the store's change marker anyway); or says the
    /// terminal is gone (which ends the dashboard like SIGHUP does).
    pub fn next(&mut self, fallback: Duration) -> Result<Next, DashError> {
        let wake = match self.pending.take() {
            Some(wake) => Ok(wake),
            None => self.wakes.recv_timeout(fallback),
        };
        match wake {
            Ok(Wake::Input(Ok(event))) => Ok(Next::Event(event)),
            Ok(Wake::Input(Err(_))) if hung_up() => Ok(Next::Gone),
            Ok(Wake::Input(Err(e))) => Err(DashError::Keys(e)),
            Ok(Wake::Store) => {
                self.drain_store_changes();
                Ok(Next::Store)
            }
            Ok(Wake::Other) => Ok(Next::Idle),
            // The loop holds a sender itself: the channel never disconnects.
            Err(RecvTimeoutError::Disconnected) => Err(DashError::InputClosed),
            Err(RecvTimeoutError::Timeout) if hung_up() => Ok(Next::Gone),
            Err(RecvTimeoutError::Timeout) => Ok(Next::Store),
        }
    }
}

impl Input {
    /// One write is several changes in the store's folder (sled's files,
    /// then the marker): a burst already queued needs one look, not one
    /// each.
    fn drain_store_changes(&mut self) {
        while let Ok(wake) = self.wakes.try_recv() {
            if !matches!(wake, Wake::Store) {
                self.pending = Some(wake);
                return;
            }
        }
    }
}

#[derive(Debug, Clone)]
pub enum Next {
    Event(Event),
    /// Time to look at the store's change marker.
    Store,
    /// Woken with nothing to read (a search answer, a signal).
    Idle,
    Gone,
}

/// Whether the terminal on standard input has hung up.
fn hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout; poll only writes `revents`.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}
