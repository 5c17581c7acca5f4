#!/usr/bin/env python3
"""Time from starting karmadash to its whole first frame, in a real pty.

Target 3b of the speed issue, as a person meets it: the process starts
in an 80x24 pseudo-terminal, and the clock stops when the frame's first
line (the view tabs) and its last (the key footer) have both been read
back. `benches/quick.rs` measures the same start in-process, without
the process start and the terminal.

    benches/first_frame.py [RUNS] -- KARMADASH [ARGS...]

e.g. with a course CSV in DIR and a store DB that has a profile (without
one the welcome form is drawn instead, without the footer that ends a frame):

    benches/first_frame.py 10 -- target/release/karmadash --data DIR --db DB

Prints each run and the median. Needs only Python 3's standard library.
"""

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time

PATIENCE = 5.0


def first_frame_ms(command):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    took = None
    while time.perf_counter() - start < PATIENCE:
        ready, _, _ = select.select([fd], [], [], 0.005)
        if not ready:
            continue
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        if b"Catalogue" in seen and b"quit" in seen:
            took = (time.perf_counter() - start) * 1000
            break
    os.write(fd, b"q")
    time.sleep(0.2)
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    os.close(fd)
    if took is None:
        sys.exit(f"no whole frame within {PATIENCE} s; last output: {seen[-300:]!r}")
    return took


def main():
    args = sys.argv[1:]
    if "--" not in args:
        sys.exit(__doc__)
    split = args.index("--")
    runs = int(args[0]) if split == 1 else 10
    command = args[split + 1 :]
    times = [first_frame_ms(command) for _ in range(runs)]
    for t in times:
        print(f"{t:.1f} ms")
    print(f"median {statistics.median(times):.1f} ms over {runs} runs")


if __name__ == "__main__":
    main()
