//! The terminal's input, read on its own thread.
//!
//! crossterm 0.29 retries a read of 0 bytes without end: once the terminal
//! hangs up (an SSH link drops, a tmux pane is killed) its `poll` never
//! returns and spins a core. A loop blocked there could not see SIGHUP nor
//! exit, so the events come through a channel instead, and the loop also
//! asks the kernel whether the terminal is still there.

use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event};

pub struct Input {
    events: Receiver<std::io::Result<Event>>,
}

impl Input {
    pub fn start() -> Input {
        let (send, events) = channel();
        thread::spawn(move || loop {
            let event = event::read();
            let failed = event.is_err();
            if send.send(event).is_err() || failed {
                return;
            }
        });
        Input { events }
    }

    /// The next event within `wait`, nothing, or the news that the terminal
    /// is gone (which ends the dashboard like SIGHUP does).
    pub fn next(&self, wait: Duration) -> Result<Next, String> {
        match self.events.recv_timeout(wait) {
            Ok(Ok(event)) => Ok(Next::Event(event)),
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) if hung_up() => Ok(Next::Gone),
            Ok(Err(e)) => Err(format!("cannot read keys: {e}")),
            Err(RecvTimeoutError::Disconnected) => Err("cannot read keys: input closed".into()),
            Err(RecvTimeoutError::Timeout) if hung_up() => Ok(Next::Gone),
            Err(RecvTimeoutError::Timeout) => Ok(Next::Idle),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Next {
    Event(Event),
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
