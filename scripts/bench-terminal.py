#!/usr/bin/env python3
"""The issue-3 terminal benchmark: the real board in a real pseudo-terminal.

Starts `watchfloor run` on the Jinan rainstorm replay in a 120x40 pty (TERM=xterm-256color),
waits for the replay to end, then measures what the officer feels and what the terminal
receives: keystroke-to-screen latency over `j`/`k`, and the bytes written for one changed
board row (`:ack`) and for one selection move. The program draws on /dev/tty, which in a pty
is the pty itself, so every byte counted here is a byte a terminal would have to parse.

Usage: scripts/bench-terminal.py [BINARY] [KEYS]
"""
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time

COLS, ROWS = 120, 40
LATENCY_TARGET_MS = 16.0
BYTES_TARGET = 2048


def spawn(binary, store):
    pid, fd = pty.fork()
    if pid == 0:
        # In the child fd 0 is the pty's slave: size it before exec, so ncurses starts at 120x40.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        env.pop("NO_COLOR", None)
        args = [binary, "run", "--replay", "demo-data/scenarios/jinan-rainstorm.jsonl",
                "--speed", "max", "--store", store, "--lang", "en"]
        try:
            os.execve(binary, args, env)
        finally:
            os._exit(127)
    return pid, fd


def read_some(fd, timeout):
    """Bytes available within `timeout` seconds (b"" if none); raises EOFError at the end."""
    ready, _, _ = select.select([fd], [], [], max(0.0, timeout))
    if not ready:
        return b""
    try:
        data = os.read(fd, 65536)
    except OSError:  # EIO: the child closed its side
        raise EOFError
    if not data:
        raise EOFError
    return data


def drain(fd, quiet):
    """Reads until nothing arrives for `quiet` seconds; returns the bytes and the time the
    last of them arrived (None if none did)."""
    out, last = b"", None
    while True:
        data = read_some(fd, quiet)
        if not data:
            return out, last
        out += data
        last = time.perf_counter()


def wait_for_replay_end(fd, limit=120.0):
    seen, deadline = b"", time.monotonic() + limit
    while b"replay ended" not in seen:
        if time.monotonic() > deadline:
            sys.exit("bench-terminal: \"replay ended\" never appeared on the screen")
        seen = (seen + read_some(fd, 0.5))[-4096:]
    drain(fd, 1.0)  # then quiet for a second: the last frames are out


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, -(-len(s) * p // 100) - 1))]


def latency(fd, keys):
    """Time to the first byte and to the end of the frame (no byte for 5 ms after) for
    alternating j and k; also the bytes each move wrote."""
    first, complete, sizes = [], [], []
    for i in range(keys):
        drain(fd, 0.02)
        start = time.perf_counter()
        os.write(fd, b"j" if i % 2 == 0 else b"k")
        data = read_some(fd, 1.0)
        if not data:
            sys.exit("bench-terminal: no output within a second of a key")
        first.append((time.perf_counter() - start) * 1000)
        rest, last = drain(fd, 0.005)
        complete.append(((last or time.perf_counter()) - start) * 1000)
        sizes.append(len(data) + len(rest))
    return first, complete, sizes


ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b.|[\x00-\x1f]")


def row_change(fd, n):
    """Bytes written for `:ack SD-000n` + Enter, and the text among them (the answer)."""
    os.write(fd, b":ack SD-%04d" % n)
    drain(fd, 0.1)
    os.write(fd, b"\r")
    data, _ = drain(fd, 0.1)
    text = " ".join(ESCAPES.sub(" ", data.decode("utf-8", "replace")).split())
    return len(data), text


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/watchfloor"
    keys = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    tmp = tempfile.mkdtemp(prefix="bench-terminal-")
    pid, fd = spawn(binary, os.path.join(tmp, "bench.db"))
    done = 0
    try:
        wait_for_replay_end(fd)
        first, complete, j_sizes = latency(fd, keys)
        print(f"keystroke to screen over {keys} keys (j/k), {COLS}x{ROWS}:")
        for name, values in (("first byte", first), ("complete  ", complete)):
            p99 = percentile(values, 99)
            verdict = "met" if p99 <= LATENCY_TARGET_MS else "NOT met"
            print(f"  {name}: p50 {percentile(values, 50):.2f} ms, p99 {p99:.2f} ms, max {max(values):.2f} ms"
                  f" (target p99 <= {LATENCY_TARGET_MS:.0f} ms: {verdict})")
        print(f"bytes for one selection move (j/k): p50 {percentile(j_sizes, 50)}, max {max(j_sizes)}")
        changes = []
        for n in range(1, 7):
            size, text = row_change(fd, n)
            changes.append(size)
            print(f"bytes for :ack SD-{n:04d}: {size}  [{text[:70]}]")
        worst = max(changes + j_sizes)
        print(f"most bytes for one change: {worst} (target <= {BYTES_TARGET}: {'met' if worst <= BYTES_TARGET else 'NOT met'})")
        os.write(fd, b"q")
        done, status = 0, 0
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                read_some(fd, 0.1)
            except EOFError:
                break
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
        else:
            sys.exit("bench-terminal: watchfloor did not quit within 10 s of q")
        if not done:
            done, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        print(f"exit status after q: {code}")
        if code != 0:
            sys.exit(1)
    finally:
        if not done:  # leaving early: do not leave the board running
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        os.close(fd)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
