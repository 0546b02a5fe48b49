#!/usr/bin/env python3
"""The issue-5 benchmark: sustained ingest from `watchfloor feed serve` over loopback TCP into
the committed log (SQLite, synchronous=FULL, the log on stdout), in events per second, with the
ingester's peak memory — once with one feed, once with the same day split into six feeds, one
per agency. Bounded: it stops when every event is in the log, or after a time limit.

Usage: scripts/bench-ingest.py [BINARY] [EVENTS]
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/release/watchfloor"
EVENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
LIMIT_SECONDS = 600
AGENCIES = ["emergency", "police", "fire", "weather", "transport", "urban"]


def serve(path):
    """Starts `feed serve` on a free port; returns the process and its port."""
    proc = subprocess.Popen([BIN, "feed", "serve", path, "--port", "0", "--speed", "max"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    match = re.search(r"127\.0\.0\.1:(\d+)", line)
    if not match:
        proc.kill()
        sys.exit(f"bench: feed serve did not say where it listens: {line!r}")
    return proc, int(match.group(1))


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run(label, files, work):
    servers = [serve(f) for f in files]
    expected = 0
    for f in files:
        with open(f, encoding="utf-8") as lines:
            expected += sum(1 for line in lines if '"type":"feed.heartbeat"' not in line)
    feeds = []
    for i, (_, port) in enumerate(servers):
        feeds += ["--feed", f"f{i}=tcp://127.0.0.1:{port}"]
    store = os.path.join(work, f"{label}.db")
    ingest = subprocess.Popen([BIN, "ingest", "--store", store] + feeds,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    start = time.monotonic()
    first = last = None
    seen = 0
    deadline = start + LIMIT_SECONDS
    for raw in ingest.stdout:
        if b'"kind":"report.' in raw[:80]:
            now = time.monotonic()
            first = first or now
            last = now
            seen += 1
            if seen >= expected:
                break
        if time.monotonic() > deadline:
            break
    memory = peak_kb(ingest.pid)
    ingest.send_signal(signal.SIGTERM)
    ingest.stdout.close()
    ingest.wait(timeout=30)
    for proc, _ in servers:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    if seen < expected:
        print(f"{label}: only {seen} of {expected} events within {LIMIT_SECONDS} s", file=sys.stderr)
    span = (last - first) if first and last and last > first else float("nan")
    rate = seen / span
    print(f"{label}: {seen} events in {span:.2f} s = {rate:,.0f} events/s into the committed log; "
          f"peak memory {memory / 1024:.0f} MB")
    verify = subprocess.run([BIN, "log", "verify", "--store", store], capture_output=True, text=True)
    print(f"{label}: {verify.stdout.strip() or verify.stderr.strip()}")


def main():
    work = tempfile.mkdtemp(prefix="bench-ingest-")
    day = os.path.join(work, "day.jsonl")
    subprocess.run([BIN, "demo", "generate", "--seed", "20261126", "--events", str(EVENTS), "--output", day], check=True)
    run("one feed", [day], work)
    parts = {a: open(os.path.join(work, f"{a}.jsonl"), "w", encoding="utf-8") for a in AGENCIES}
    with open(day, encoding="utf-8") as lines:
        for line in lines:
            agency = json.loads(line)["source"].rsplit("/", 1)[-1]
            parts.get(agency, parts["emergency"]).write(line)
    for f in parts.values():
        f.close()
    run("six feeds", [os.path.join(work, f"{a}.jsonl") for a in AGENCIES], work)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
