"""Checks on the written demo data. Every failure is collected and reported with the file,
the line and what is wrong; the script exits non-zero when there is any."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

from .gazetteer import ADCODES, BBOX, city_of, city_short, short_name
from .units import AGENCY_PREFIX, KINDS

CATEGORIES = {
    "rainstorm", "flood", "waterlogging", "typhoon", "storm_surge", "earthquake", "landslide",
    "forest_fire", "snowstorm", "heatwave", "fire", "traffic_accident", "hazardous_chemicals",
    "gas_leak", "building_collapse", "manhole", "road_damage", "power_outage", "water_main",
    "pollution", "trapped_people", "drowning", "medical", "epidemic", "food_poisoning", "crowd",
    "public_order", "crime", "missing_person",
}
LEVELS = {"I", "II", "III", "IV"}
AGENCIES = set(AGENCY_PREFIX)
STATUSES = {"available", "dispatched", "enroute", "onscene", "returning", "out_of_service"}
# status -> the statuses a unit may move to next
TRANSITIONS = {
    None: STATUSES,
    "available": {"dispatched", "out_of_service"},
    "dispatched": {"enroute", "onscene", "returning", "available"},
    "enroute": {"onscene", "returning", "dispatched", "available"},
    "onscene": {"returning", "dispatched", "available"},
    "returning": {"available", "dispatched"},
    "out_of_service": {"available"},
}
REPORT_FIELDS = ["category", "level", "title", "description", "lat", "lon", "adcode", "address",
                 "reporter", "refs"]
SEVERITY = {"Extreme", "Severe", "Moderate", "Minor"}
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"
SOURCE_RE = re.compile(r"^/sd/(\d{6})/(emergency|police|fire|weather|transport|urban)$")
TIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")
TRAINING_SOURCE_RE = re.compile(r"^/sd/(\d{6})/training$")
EXPECTATION_KEYS = ["report", "title", "from", "acknowledge_within", "dispatch_within", "unit_kinds"]
UNIT_ID_RE = re.compile(r"^(EMER|POL|FIRE|WX|TRAN|URB)-(\d{4})-(\d{2})$")


class Problems:
    def __init__(self):
        self.items: list[str] = []

    def check(self, ok: bool, where: str, what: str) -> bool:
        if not ok:
            self.items.append(f"{where}: {what}")
        return ok


def in_bbox(lat, lon) -> bool:
    return (isinstance(lat, (int, float)) and isinstance(lon, (int, float))
            and BBOX[0] <= lat <= BBOX[1] and BBOX[2] <= lon <= BBOX[3])


def check_units(units: list[dict], p: Problems, boundaries=None) -> None:
    where = "demo-data/units.json"
    ids = [u["id"] for u in units]
    p.check(ids == sorted(ids), where, "units are not sorted by id")
    p.check(len(set(ids)) == len(ids), where, "duplicate unit ids")
    names = [u["name"] for u in units]
    p.check(len(set(names)) == len(names), where, "duplicate unit names")
    per_city: dict[str, list[dict]] = {}
    for u in units:
        w = f"{where}: {u.get('id')}"
        p.check(list(u) == ["id", "agency", "kind", "name", "adcode", "station", "lat", "lon"], w,
                f"unexpected keys {list(u)}")
        m = UNIT_ID_RE.match(u["id"])
        if not p.check(bool(m), w, "id does not follow <PREFIX>-<city>-<nn>"):
            continue
        p.check(AGENCY_PREFIX[u["agency"]] == m.group(1), w, "id prefix does not match agency")
        p.check(KINDS.get(u["kind"], (None,))[0] == u["agency"], w, f"kind {u['kind']} is not {u['agency']}'s")
        p.check(u["adcode"] in ADCODES and not u["adcode"].endswith("00"), w, "adcode is not a county")
        p.check(u["adcode"][:4] == m.group(2), w, "adcode is not in the id's city")
        p.check(in_bbox(u["lat"], u["lon"]), w, "position outside Shandong")
        p.check(city_short(u["adcode"]) in u["name"] or short_name(u["adcode"]) in u["name"], w,
                "name says neither its city nor its county")
        if boundaries:
            p.check(boundaries.contains(u["adcode"], u["lat"], u["lon"]), w,
                    f"position is not inside {u['adcode']} (it is in {boundaries.county_at(u['lat'], u['lon'])})")
        per_city.setdefault(m.group(2) + "00", []).append(u)
    cities = sorted(c for c in ADCODES if c.endswith("00"))
    p.check(sorted(per_city) == cities, where, "not every city has units")
    for city, us in per_city.items():
        w = f"{where}: city {city}"
        p.check(15 <= len(us) <= 25, w, f"{len(us)} units, expected 15-25")
        p.check({u["agency"] for u in us} == AGENCIES, w, "not every agency has units")
        fire = [u for u in us if u["agency"] == "fire"]
        p.check(len(fire) >= 3, w, "fewer than 3 fire units")
        p.check(len({u["adcode"] for u in us}) >= 3, w, "units in fewer than 3 districts")


def _parse_cap(xml: str, where: str, p: Problems):
    if not p.check("<!DOCTYPE" not in xml and "<!ENTITY" not in xml, where, "CAP has a DTD"):
        return None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        p.check(False, where, f"CAP does not parse: {e}")
        return None
    p.check(root.tag == CAP + "alert", where, f"root is {root.tag}")
    return root


def _check_expectations(msg: dict, n: int, w: str, units: dict[str, dict], p: Problems) -> list[dict]:
    """A `training.expectations` line: the first of its file, from the city's training office,
    each expectation in the documented form. Returns the expectations, whose reports are
    checked once the whole file has been read."""
    p.check(n == 1, w, "training.expectations is not the first line")
    p.check(list(msg) == ["specversion", "id", "source", "type", "time", "data"], w, f"keys {list(msg)}")
    m = TRAINING_SOURCE_RE.match(msg.get("source", ""))
    p.check(bool(m) and m.group(1) in ADCODES, w, f"bad training source {msg.get('source')!r}")
    data = msg.get("data")
    if not p.check(isinstance(data, dict) and list(data) == ["expect"] and isinstance(data["expect"], list),
                   w, "data is not {\"expect\": [...]}"):
        return []
    kinds = {u["kind"] for u in units.values()}
    reports = [e.get("report") for e in data["expect"]]
    p.check(len(set(reports)) == len(reports), w, "a report is expected twice")
    for i, e in enumerate(data["expect"], 1):
        we = f"{w}: expectation {i}"
        p.check(list(e) == [k for k in EXPECTATION_KEYS if k in e], we, f"keys {list(e)}")
        p.check(isinstance(e.get("report"), str) and "#" in e["report"], we, "report is not source#id")
        p.check(isinstance(e.get("title"), str) and e["title"].strip() != "", we, "no title")
        p.check(e.get("from", "opened") in ("opened", "report"), we, f"from {e.get('from')!r}")
        for field in ("acknowledge_within", "dispatch_within"):
            v = e.get(field, 1)
            p.check(isinstance(v, int) and 0 < v <= 7 * 86400, we, f"{field} {v!r}")
        p.check(any(k in e for k in ("acknowledge_within", "dispatch_within", "unit_kinds")), we, "expects nothing")
        for kind in e.get("unit_kinds", []):
            p.check(kind in kinds, we, f"no unit is of kind {kind!r}")
    return data["expect"]


def check_scenario(name: str, lines: list[str], units: dict[str, dict], p: Problems,
                   expected_count: tuple[int, int], boundaries=None) -> dict:
    last_time = None
    seen: dict[tuple[str, str], dict] = {}     # (source, id) -> message
    ids_anywhere: dict[str, list[str]] = {}    # id -> sources
    reports: dict[tuple[str, str], dict] = {}  # (source, id) -> report data
    cancelled: set[tuple[str, str]] = set()
    alerts: dict[str, dict] = {}               # "sender,identifier,sent" -> state
    unit_state: dict[str, str | None] = {}
    agencies_reporting: set[str] = set()
    counts: dict[str, int] = {}
    no_position = 0
    expected: list[tuple[str, dict]] = []     # (where, expectation)

    def resolve(ref: str, source: str, w: str) -> tuple[str, str] | None:
        if "#" in ref:
            src, id_ = ref.split("#", 1)
            key = (src, id_)
        elif (source, ref) in seen:
            key = (source, ref)
        else:
            sources = ids_anywhere.get(ref, [])
            if not p.check(len(sources) == 1, w, f"ref {ref!r} names no single earlier message"):
                return None
            key = (sources[0], ref)
        if not p.check(key in reports, w, f"ref {ref!r} is not an earlier report"):
            return None
        return key

    for n, line in enumerate(lines, 1):
        w = f"demo-data/scenarios/{name}:{n}"
        try:
            msg = json.loads(line)
        except json.JSONDecodeError as e:
            p.check(False, w, f"not JSON: {e}")
            continue
        p.check(line == json.dumps(msg, ensure_ascii=False, separators=(",", ":")), w, "not compact JSON")
        type_ = msg.get("type")
        keys = ["specversion", "id", "source", "type", "time"]
        keys += ["datacontenttype", "data"] if type_ == "alert" else ["data"]
        p.check(list(msg) == keys, w, f"keys {list(msg)}, expected {keys}")
        p.check(msg.get("specversion") == "1.0", w, "specversion is not 1.0")
        if type_ == "training.expectations":
            p.check(bool(TIME_RE.match(msg.get("time", ""))), w, f"bad time {msg.get('time')!r}")
            expected += [(w, e) for e in _check_expectations(msg, n, w, units, p)]
            counts[type_] = counts.get(type_, 0) + 1
            seen[(msg.get("source"), msg.get("id"))] = msg
            continue
        m = SOURCE_RE.match(msg.get("source", ""))
        if not p.check(bool(m) and m.group(1) in ADCODES, w, f"bad source {msg.get('source')!r}"):
            continue
        source, src_code, agency = msg["source"], m.group(1), m.group(2)
        if not p.check(bool(TIME_RE.match(msg.get("time", ""))), w, f"bad time {msg.get('time')!r}"):
            continue
        when = datetime.fromisoformat(msg["time"])
        p.check(last_time is None or when >= last_time, w, "time goes backwards")
        last_time = when
        key = (source, msg["id"])
        p.check(key not in seen, w, f"duplicate (source, id) {key}")
        data = msg["data"]
        counts[type_] = counts.get(type_, 0) + 1

        if type_ == "incident.report":
            p.check(list(data) == [k for k in REPORT_FIELDS if k in data], w, f"report keys {list(data)}")
            p.check(data.get("category") in CATEGORIES, w, f"category {data.get('category')!r}")
            p.check(data.get("level", "IV") in LEVELS, w, f"level {data.get('level')!r}")
            for field in ("title", "description", "address", "reporter"):
                p.check(isinstance(data.get(field), str) and data[field].strip() != "", w, f"empty {field}")
            p.check(data.get("adcode") in ADCODES, w, f"adcode {data.get('adcode')!r}")
            p.check(city_of(data.get("adcode", "000000")) == city_of(src_code) or agency == "emergency",
                    w, "report about another city")
            p.check(("lat" in data) == ("lon" in data), w, "lat without lon")
            if "lat" in data:
                p.check(in_bbox(data["lat"], data["lon"]), w, "position outside Shandong")
                if boundaries:
                    p.check(boundaries.contains(data["adcode"], data["lat"], data["lon"]), w,
                            f"position is not inside {data['adcode']} "
                            f"(it is in {boundaries.county_at(data['lat'], data['lon'])})")
            else:
                no_position += 1
            p.check(isinstance(data.get("refs"), list), w, "refs is not a list")
            for ref in data.get("refs", []):
                resolve(ref, source, w)
            reports[key] = data
            agencies_reporting.add(agency)

        elif type_ in ("incident.update", "incident.cancel"):
            ref = data.get("ref", "")
            target = (source, ref)
            p.check(target in reports, w, f"ref {ref!r} is not an earlier report of {source}")
            p.check(target not in cancelled, w, f"ref {ref!r} was already cancelled")
            if type_ == "incident.cancel":
                p.check(list(data) == ["ref", "reason"] and data["reason"].strip() != "", w, "cancel needs ref and reason")
                cancelled.add(target)
            else:
                extra = [k for k in data if k != "ref"]
                p.check(extra and all(k in REPORT_FIELDS for k in extra), w, f"update fields {extra}")
                p.check(data.get("level", "IV") in LEVELS, w, f"level {data.get('level')!r}")
                p.check(data.get("category", "fire") in CATEGORIES, w, f"category {data.get('category')!r}")

        elif type_ == "unit.status":
            uid = data.get("unit")
            unit = units.get(uid)
            if p.check(unit is not None, w, f"unknown unit {uid!r}"):
                p.check(source == f"/sd/{city_of(unit['adcode'])}/{unit['agency']}", w,
                        f"{uid} reports through {source}")
                status = data.get("status")
                p.check(status in STATUSES, w, f"status {status!r}")
                prev = unit_state.get(uid)
                p.check(status in TRANSITIONS[prev], w, f"{uid} goes from {prev} to {status}")
                unit_state[uid] = status
                p.check(in_bbox(data.get("lat"), data.get("lon")), w, "position outside Shandong")
                if status in ("dispatched", "enroute", "onscene"):
                    p.check("incident" in data, w, f"{uid} is {status} without an incident")
                if "incident" in data:
                    resolve(data["incident"], source, w)

        elif type_ == "alert":
            p.check(msg.get("datacontenttype") == "application/cap+xml", w, "alert is not CAP")
            root = _parse_cap(data, w, p)
            if root is not None:
                def get(tag: str) -> str:
                    return root.findtext(CAP + tag) or ""
                p.check(get("identifier") == msg["id"], w, "CAP identifier is not the message id")
                p.check(get("sent") == msg["time"], w, "CAP sent is not the message time")
                p.check(get("status") == "Actual" and get("scope") == "Public", w, "status/scope")
                msg_type = get("msgType")
                p.check(msg_type in ("Alert", "Update", "Cancel"), w, f"msgType {msg_type!r}")
                this = f"{get('sender')},{get('identifier')},{get('sent')}"
                refs = get("references").split()
                p.check(bool(refs) == (msg_type != "Alert"), w, "references do not match msgType")
                for ref in refs:
                    if p.check(ref in alerts, w, f"references unknown alert {ref}"):
                        p.check(alerts[ref]["live"], w, f"references an alert already replaced {ref}")
                        alerts[ref]["live"] = False
                alerts[this] = {"live": msg_type != "Cancel"}
                info = root.find(CAP + "info")
                if p.check(info is not None, w, "CAP without info"):
                    def it(tag: str) -> str:
                        return info.findtext(CAP + tag) or ""
                    p.check(it("language") == "zh-CN", w, "language")
                    p.check(it("severity") in SEVERITY, w, f"severity {it('severity')!r}")
                    for tag in ("category", "event", "urgency", "certainty", "effective", "expires",
                                "senderName", "headline", "description", "instruction"):
                        p.check(it(tag) != "", w, f"CAP info without {tag}")
                    p.check(it("expires") > it("effective"), w, "expires before effective")
                    area = info.find(CAP + "area")
                    if p.check(area is not None, w, "CAP without area"):
                        p.check((area.findtext(CAP + "areaDesc") or "") != "", w, "no areaDesc")
                        for polygon in area.findall(CAP + "polygon"):
                            pts = [tuple(map(float, pair.split(","))) for pair in polygon.text.split()]
                            p.check(len(pts) >= 4 and pts[0] == pts[-1], w, "polygon is not a closed ring")
                            p.check(all(in_bbox(lat, lon) for lat, lon in pts), w, "polygon outside Shandong")
                        codes = area.findall(CAP + "geocode")
                        p.check(bool(codes), w, "no geocode")
                        for g in codes:
                            p.check(g.findtext(CAP + "valueName") == "GB/T 2260"
                                    and g.findtext(CAP + "value") in ADCODES, w, "bad geocode")
            agencies_reporting.add(agency)

        elif type_ == "feed.heartbeat":
            p.check(data == {}, w, "heartbeat with data")
        else:
            p.check(False, w, f"unknown type {type_!r}")

        seen[key] = msg
        ids_anywhere.setdefault(msg["id"], []).append(source)

    for where, e in expected:
        src, _, id_ = e.get("report", "").partition("#")
        p.check((src, id_) in reports, where, f"report {e.get('report')!r} is not a report of the scenario")
    if expected:
        first = datetime.fromisoformat(json.loads(lines[0])["time"])
        p.check(all(datetime.fromisoformat(json.loads(l)["time"]) >= first for l in lines), w,
                "training.expectations is not stamped with the scenario's first moment")

    w = f"demo-data/scenarios/{name}"
    lo, hi = expected_count
    p.check(lo <= len(lines) <= hi, w, f"{len(lines)} events, expected {lo}-{hi}")
    p.check(agencies_reporting == AGENCIES, w, f"agencies reporting: {sorted(agencies_reporting)}")
    p.check(no_position >= 1, w, "no report without a position")
    p.check(counts.get("incident.update", 0) >= 1 and counts.get("unit.status", 0) >= 1, w,
            "no updates or no unit statuses")
    return {"events": len(lines), "types": counts, "no_position": no_position,
            "expectations": [e for _, e in expected]}
