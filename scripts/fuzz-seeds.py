#!/usr/bin/env python3
"""Write the seed corpora for `make fuzz` (Fuzz/): one file per input, into a build directory.

    python3 scripts/fuzz-seeds.py OUT [--scenarios demo-data/scenarios] [--cap DIR]...

OUT/cloudevents/ gets every line of every scenario (demo-data/scenarios/*.jsonl), one line
per file, as a feed sends it. OUT/cap/ gets every CAP document of each --cap folder
(*.cap, *.xml; by default the project's own Tests/Fixtures/cap) byte for byte, and the CAP document of every `alert` line in the scenarios, as
the UTF-8 text the alert carries. Seeds are not committed: they are made from files that are.
Both directories are emptied first, so a seed that is gone from the sources is gone here too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def fresh_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for old in path.iterdir():
        old.unlink()
    return path


def scenario_lines(scenarios: Path):
    """(name, line number, line bytes) for every non-empty line, newline dropped."""
    for file in sorted(scenarios.glob("*.jsonl")):
        for number, line in enumerate(file.read_bytes().split(b"\n"), start=1):
            if line.strip():
                yield file.stem, number, line


def cap_of(line: bytes) -> str | None:
    """The CAP document an `alert` line carries, or None for any other line."""
    try:
        event = json.loads(line)
    except ValueError:
        return None
    if not isinstance(event, dict) or event.get("type") != "alert" or not isinstance(event.get("data"), str):
        return None
    return event["data"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--scenarios", type=Path, default=Path("demo-data/scenarios"))
    parser.add_argument("--cap", type=Path, action="append",
                        help="a folder of CAP documents; repeat for more (default: Tests/Fixtures/cap)")
    args = parser.parse_args()
    folders = args.cap or [Path("Tests/Fixtures/cap")]

    events = fresh_dir(args.out / "cloudevents")
    alerts = fresh_dir(args.out / "cap")
    lines = embedded = conformance = 0
    for name, number, line in scenario_lines(args.scenarios):
        (events / f"{name}-{number:04d}.json").write_bytes(line)
        lines += 1
        xml = cap_of(line)
        if xml is not None:
            (alerts / f"{name}-{number:04d}.xml").write_bytes(xml.encode("utf-8"))
            embedded += 1

    for index, folder in enumerate(folders):
        if not folder.is_dir():
            # Fuzzing still works from the other seeds, but say so: a corpus is a richer seed.
            print(f"fuzz-seeds: {folder} is missing; no CAP seeds from it", file=sys.stderr)
            continue
        for file in sorted([*folder.glob("*.cap"), *folder.glob("*.xml")]):
            # Numbered by folder: two corpora may hold files of the same name.
            (alerts / f"{index}-{file.name}").write_bytes(file.read_bytes())
            conformance += 1

    if lines == 0:
        print(f"fuzz-seeds: no scenario lines under {args.scenarios}", file=sys.stderr)
        return 1
    print(f"fuzz-seeds: {lines} CloudEvents lines; {conformance} corpus + {embedded} embedded CAP documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
