#!/usr/bin/env python3
"""The ingest benchmark: sustained ingest from `watchfloor feed serve` over loopback TCP into
the committed log, in events per second, with the ingester's peak memory — once with one feed,
once with the same day split into six feeds, one per agency — into a SQLite store
(synchronous=FULL) and into a PostgreSQL store on a server of its own on loopback
(scripts/test-postgres.sh start --durable: fsync and synchronous_commit on, as a real server's;
`--fast-postgres` turns them off, and the output says which). The server is stopped however the
script ends. Bounded: each run stops when every event is in the log, or after a time limit.

Usage: scripts/bench-ingest.py [BINARY] [EVENTS] [--only sqlite|postgres] [--fast-postgres]
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ARGS = argparse.ArgumentParser(description="ingest benchmark")
ARGS.add_argument("binary", nargs="?", default=".build/release/watchfloor")
ARGS.add_argument("events", nargs="?", type=int, default=200_000)
ARGS.add_argument("--only", choices=["sqlite", "postgres"])
ARGS.add_argument("--fast-postgres", action="store_true", help="fsync and synchronous_commit off")
OPTIONS = ARGS.parse_args()
BIN = OPTIONS.binary
EVENTS = OPTIONS.events
LIMIT_SECONDS = 600
PG_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-postgres.sh")
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


def run(label, files, work, store):
    servers = [serve(f) for f in files]
    expected = 0
    for f in files:
        with open(f, encoding="utf-8") as lines:
            expected += sum(1 for line in lines if '"type":"feed.heartbeat"' not in line)
    feeds = []
    for i, (_, port) in enumerate(servers):
        feeds += ["--feed", f"f{i}=tcp://127.0.0.1:{port}"]
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


class Postgres:
    """A server of the benchmark's own, started on entering and stopped on leaving, however."""

    def __enter__(self):
        start = [PG_SCRIPT, "start"] + ([] if OPTIONS.fast_postgres else ["--durable"])
        said = subprocess.run(["bash"] + start, check=True, capture_output=True, text=True)
        env = dict(re.findall(r"export (\w+)='([^']*)'", said.stdout))
        self.url, self.dir = env["WATCHFLOOR_TEST_POSTGRES"], env["WATCHFLOOR_TEST_POSTGRES_DIR"]
        self.durability = re.search(r"\((.*durable[^)]*)\)", said.stderr).group(1)
        return self

    def database(self, name):
        """A new database on the server; its URL."""
        subprocess.run(["psql", "-X", "-q", "-d", self.url, "-c", f"CREATE DATABASE {name}"], check=True)
        return re.sub(r"/[^/]*$", f"/{name}", self.url)

    def __exit__(self, *_):
        subprocess.run(["bash", PG_SCRIPT, "stop", self.dir], capture_output=True)


def on_term(*_):
    # SIGTERM unwinds like Ctrl-C, so that the server is stopped on the way out.
    raise KeyboardInterrupt


def main():
    signal.signal(signal.SIGTERM, on_term)
    work = tempfile.mkdtemp(prefix="bench-ingest-")
    try:
        bench(work)
    finally:
        subprocess.run(["rm", "-rf", work])


def bench(work):
    day = os.path.join(work, "day.jsonl")
    subprocess.run([BIN, "demo", "generate", "--seed", "20261126", "--events", str(EVENTS), "--output", day], check=True)
    parts = {a: open(os.path.join(work, f"{a}.jsonl"), "w", encoding="utf-8") for a in AGENCIES}
    with open(day, encoding="utf-8") as lines:
        for line in lines:
            agency = json.loads(line)["source"].rsplit("/", 1)[-1]
            parts.get(agency, parts["emergency"]).write(line)
    for f in parts.values():
        f.close()
    six = [os.path.join(work, f"{a}.jsonl") for a in AGENCIES]
    if OPTIONS.only != "postgres":
        run("sqlite, one feed", [day], work, os.path.join(work, "one.db"))
        run("sqlite, six feeds", six, work, os.path.join(work, "six.db"))
    if OPTIONS.only != "sqlite":
        with Postgres() as server:
            print(f"postgresql on loopback, {server.durability}")
            run("postgresql, one feed", [day], work, server.database("bench_one"))
            run("postgresql, six feeds", six, work, server.database("bench_six"))


if __name__ == "__main__":
    main()
