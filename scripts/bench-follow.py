#!/usr/bin/env python3
"""The issue-6 follow benchmark: how soon a command committed on one console is seen
elsewhere on the same store — on PostgreSQL (LISTEN/NOTIFY) and, for comparison, on SQLite
(looked at every 0.1 s). Never a timed test.

Two consoles, A and B, run in pseudo-terminals on a store holding the Jinan rainstorm, and a
follower, `watchfloor log cat --store … --follow`, prints the log to a pipe this script reads on
a thread of its own. The benchmark types `:level SD-0001 I` (then IV, I, IV, …) into A and
Enter, COMMANDS times, 20-80 ms apart; each changes B's status bar (the open counts by level).

Each latency starts when Enter is written to A — before A decides, commits and notifies, so
the commit itself is counted and the figure is an upper bound of commit-to-appearance — and
ends when the follower's line for that command arrives here ("follower"), or when B writes the
first byte of its next frame ("console B": B is otherwise idle, so that frame is the change
arriving). Both ends are this process's monotonic clock; no two clocks are compared.

PostgreSQL is a throwaway server of the benchmark's own (scripts/test-postgres.sh start --durable: fsync and
synchronous_commit on, as a real server's),
stopped however the benchmark ends. Target: p99 <= 200 ms on loopback, console to console.

Usage: scripts/bench-follow.py [BINARY] [COMMANDS]
"""
import fcntl
import os
import pty
import random
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/watchfloor")
COMMANDS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
TARGET_MS = 200.0
SCENARIO = "demo-data/scenarios/jinan-rainstorm.jsonl"
SCRIPT = "scripts/test-postgres.sh"


def terminated(signum, frame):
    # SIGTERM ends the benchmark the way Ctrl-C does: through the `finally` that stops the server.
    raise KeyboardInterrupt


def start_server():
    out = subprocess.run(["bash", SCRIPT, "start", "--durable"], check=True, stdout=subprocess.PIPE, text=True).stdout
    env = {}
    for line in out.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        env[name] = value.strip("'")
    return env["WATCHFLOOR_TEST_POSTGRES"], env["WATCHFLOOR_TEST_POSTGRES_DIR"]


def stop_server(directory):
    subprocess.run(["bash", SCRIPT, "stop", directory], stdout=subprocess.DEVNULL)


class Follower:
    """`log cat --follow` on a pipe; remembers when the n-th command of the benchmark's
    operator arrived (the commands are typed one at a time, so the n-th is command n)."""

    def __init__(self, store):
        self.proc = subprocess.Popen([BIN, "log", "cat", "--store", store, "--follow"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.seen = {}
        self.cond = threading.Condition()
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        for raw in self.proc.stdout:
            now = time.monotonic()
            if b'"kind":"command.' in raw and b'"actor":"operator:bench"' in raw:
                with self.cond:
                    self.seen[len(self.seen)] = now
                    self.cond.notify_all()

    def wait_for(self, n, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while n not in self.seen and time.monotonic() < deadline:
                self.cond.wait(deadline - time.monotonic())
            return self.seen.get(n)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def spawn_console(store, operator):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        try:
            os.execve(BIN, [BIN, "run", "--store", store, "--lang", "en", "--operator", operator], env)
        finally:
            os._exit(127)
    return pid, fd


def drain(fd, quiet):
    """Reads and discards the console's output until it is quiet for `quiet` seconds."""
    seen = b""
    while True:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return seen
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            raise SystemExit("bench-follow: the console ended; its last output: "
                             + seen.decode("utf-8", "replace")[-600:])
        seen = (seen + data)[-8192:]


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, -(-len(s) * p // 100) - 1))]


def first_byte(fd, timeout):
    """When the console next writes something, or None."""
    ready, _, _ = select.select([fd], [], [], timeout)
    return time.monotonic() if ready else None


def summary(name, values):
    return (f"{name}: p50 {percentile(values, 50):.1f} ms, p95 {percentile(values, 95):.1f} ms, "
            f"p99 {percentile(values, 99):.1f} ms, max {max(values):.1f} ms")


def close_console(pid, fd):
    try:
        os.write(fd, b"qq")
        drain(fd, 0.5)
    except (SystemExit, OSError):
        pass  # it quit, as asked
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except OSError:
        pass


def measure(label, store, target):
    follower = Follower(store)
    consoles = []
    to_follower, to_console, missing = [], [], 0
    try:
        for operator in ("bench", "watch"):
            consoles.append(spawn_console(store, operator))
        (_, a), (_, b) = consoles
        for fd in (a, b):
            deadline = time.monotonic() + 60
            screen = b""
            while b"Incidents" not in screen and time.monotonic() < deadline:
                screen += drain(fd, 0.2)
        # Command 0 sets the level the alternation starts from; it is not counted.
        for n in range(0, COMMANDS + 1):
            level = b"IV" if n % 2 == 0 else b"I"
            os.write(a, b":level SD-0001 " + level)
            drain(a, 0.01)
            drain(b, 0.01)
            start = time.monotonic()
            os.write(a, b"\r")
            shown = first_byte(b, 5.0)
            printed = follower.wait_for(n, 5.0)
            if n > 0:
                if shown is None or printed is None:
                    missing += 1
                else:
                    to_console.append((shown - start) * 1000)
                    to_follower.append((printed - start) * 1000)
            pause = random.uniform(0.02, 0.08)
            drain(a, pause)
            drain(b, 0.005)
    finally:
        for pid, fd in consoles:
            close_console(pid, fd)
        follower.stop()
    if not to_console:
        print(f"{label}: no command was seen", file=sys.stderr)
        return
    print(f"{label}, {len(to_console)} commands typed on console A"
          + (f" ({missing} not seen within 5 s)" if missing else "") + ":")
    verdict = ""
    if target:
        verdict = f" (target p99 <= {target:.0f} ms: {'met' if percentile(to_console, 99) <= target else 'NOT met'})"
    print("  " + summary("Enter on A -> console B's frame", to_console) + verdict)
    print("  " + summary("Enter on A -> log cat --follow's line", to_follower))


def replay(store, work):
    with open(os.path.join(work, "replay.log"), "wb") as log:
        subprocess.run([BIN, "replay", SCENARIO, "--headless", "--speed", "max", "--store", store],
                       check=True, stdout=log)


def main():
    signal.signal(signal.SIGTERM, terminated)
    work = tempfile.mkdtemp(prefix="bench-follow-")
    server_dir = None
    try:
        url, server_dir = start_server()
        replay(url, work)
        measure("PostgreSQL (LISTEN/NOTIFY)", url, TARGET_MS)
        sqlite = os.path.join(work, "bench.db")
        replay(sqlite, work)
        measure("SQLite (looked at every 0.1 s; no target)", sqlite, None)
    except KeyboardInterrupt:
        print("bench-follow: interrupted", file=sys.stderr)
        sys.exit(130)
    finally:
        if server_dir:
            stop_server(server_dir)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
