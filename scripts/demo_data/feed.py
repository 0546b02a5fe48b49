"""Writing a training scenario as CloudEvents 1.0 JSON Lines (DESIGN §3.1, §3.2).

A scenario script calls `report`, `update`, `cancel`, `status`, `respond` and `alert` on a
`ScenarioWriter` in any order, and `expect` for the responses a trainee should give;
`lines()` sorts the messages by time (ties keep the order in which they were written),
puts the scenario's `training.expectations` line first, and renders one compact JSON
object a line.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

from .gazetteer import CITY_ID_PREFIX, city_of
from .geo import between, offset

CST = timezone(timedelta(hours=8))

AGENCY_CODE = {
    "emergency": "EMER", "police": "POL", "fire": "FIRE",
    "weather": "WX", "transport": "TRAN", "urban": "URB",
}


@dataclass(frozen=True)
class Ref:
    """A report as later messages name it."""
    source: str
    id: str
    pos: tuple[float, float] | None
    time: datetime
    category: str
    adcode: str

    @property
    def qualified(self) -> str:
        return f"{self.source}#{self.id}"

    def named_from(self, source: str) -> str:
        """A bare id inside its own feed, `source#id` from any other."""
        return self.id if source == self.source else self.qualified


@dataclass(frozen=True)
class AlertRef:
    """A CAP alert as a later Update or Cancel references it."""
    sender: str
    identifier: str
    sent: str

    @property
    def reference(self) -> str:
        return f"{self.sender},{self.identifier},{self.sent}"


@dataclass(frozen=True)
class Expectation:
    """What correlation should make of some reports: `same` incident, kept `apart`, or a
    `judgement` call (what a duty officer would decide; a rule may reasonably not)."""
    kind: str
    label: str
    refs: tuple[Ref, ...]
    note: str


def source_of(adcode: str, agency: str) -> str:
    return f"/sd/{adcode}/{agency}"


class ScenarioWriter:
    """Collects the messages of one scenario."""

    def __init__(self, day: str, units: list[dict], id_formats: dict | None = None, city: str | None = None):
        self.day = datetime.fromisoformat(day).replace(tzinfo=CST)
        # The city whose training office states the expected responses.
        self.city = city
        self.responses: list[dict] = []
        self.units = {u["id"]: u for u in units}
        self.id_formats = id_formats or {}
        self.counters: dict[str, int] = {}
        self.messages: list[tuple[datetime, int, dict]] = []
        self.unit_pos: dict[str, tuple[float, float]] = {}
        self.expectations: list[Expectation] = []

    # time -----------------------------------------------------------------

    def at(self, clock: str) -> datetime:
        """"16:48:10", "16:48" or "+1 04:30" (a day later) on the scenario's day."""
        days = 0
        if clock.startswith("+"):
            day_part, clock = clock[1:].split(" ", 1)
            days = int(day_part)
        parts = [int(p) for p in clock.split(":")] + [0]
        return self.day + timedelta(days=days, hours=parts[0], minutes=parts[1], seconds=parts[2])

    @staticmethod
    def stamp(when: datetime) -> str:
        return when.isoformat(timespec="seconds")

    # ids ------------------------------------------------------------------

    def next_id(self, adcode: str, agency: str, when: datetime) -> str:
        source = source_of(adcode, agency)
        fmt, first = self.id_formats.get(source, (None, 1))
        seq = self.counters.get(source, first)
        self.counters[source] = seq + 1
        fmt = fmt or "{city}-{agency}-{date}-{seq:04d}"
        return fmt.format(city=CITY_ID_PREFIX[city_of(adcode)], agency=AGENCY_CODE[agency],
                          date=when.strftime("%Y%m%d"), seq=seq)

    def _add(self, when: datetime, source: str, type_: str, id_: str, data, content_type=None):
        message = {"specversion": "1.0", "id": id_, "source": source, "type": type_,
                   "time": self.stamp(when)}
        if content_type:
            message["datacontenttype"] = content_type
        message["data"] = data
        self.messages.append((when, len(self.messages), message))

    # reports --------------------------------------------------------------

    def report(self, clock: str, agency: str, src: str, *, category: str, title: str,
               description: str, adcode: str, address: str, reporter: str,
               pos: tuple[float, float] | None = None, level: str | None = None,
               refs: tuple = (), digits: int = 6) -> Ref:
        """An incident.report from the office `src` (an adcode) of `agency`."""
        when = self.at(clock)
        source = source_of(src, agency)
        id_ = self.next_id(src, agency, when)
        data = {"category": category}
        if level:
            data["level"] = level
        data["title"] = title
        data["description"] = description
        if pos:
            data["lat"] = round(pos[0], digits)
            data["lon"] = round(pos[1], digits)
        data["adcode"] = adcode
        data["address"] = address
        data["reporter"] = reporter
        data["refs"] = [r.named_from(source) if isinstance(r, Ref) else r for r in refs]
        self._add(when, source, "incident.report", id_, data)
        return Ref(source, id_, (data["lat"], data["lon"]) if pos else None, when, category, adcode)

    def update(self, clock: str, ref: Ref, **fields) -> None:
        when = self.at(clock)
        agency, adcode = ref.source.split("/")[3], ref.source.split("/")[2]
        self._add(when, ref.source, "incident.update", self.next_id(adcode, agency, when),
                  {"ref": ref.id, **fields})

    def cancel(self, clock: str, ref: Ref, reason: str) -> None:
        when = self.at(clock)
        agency, adcode = ref.source.split("/")[3], ref.source.split("/")[2]
        self._add(when, ref.source, "incident.cancel", self.next_id(adcode, agency, when),
                  {"ref": ref.id, "reason": reason})

    # units ----------------------------------------------------------------

    def status(self, clock: str, unit_id: str, status: str,
               pos: tuple[float, float] | None = None, incident: Ref | None = None) -> None:
        """A unit.status from the unit's own agency feed of its city."""
        unit = self.units[unit_id]
        when = self.at(clock)
        city = city_of(unit["adcode"])
        source = source_of(city, unit["agency"])
        pos = pos or self.unit_pos.get(unit_id) or (unit["lat"], unit["lon"])
        self.unit_pos[unit_id] = pos
        data = {"unit": unit_id, "status": status, "lat": round(pos[0], 6), "lon": round(pos[1], 6)}
        if incident:
            data["incident"] = incident.named_from(source)
        self._add(when, source, "unit.status", self.next_id(city, unit["agency"], when), data)

    def respond(self, unit_id: str, incident: Ref, dispatched: str, enroute: str | None, onscene: str,
                returning: str | None = None, available: str | None = None,
                scene: tuple[float, float] | None = None) -> None:
        """A unit's whole turn-out: dispatched at its base, en route part of the way, on
        scene near the incident, returning, and available at its station again. Police and
        urban management systems report no `enroute`: pass None."""
        unit = self.units[unit_id]
        station = (unit["lat"], unit["lon"])
        start = self.unit_pos.get(unit_id) or station
        scene = scene or offset(*incident.pos, 25, -20)
        self.status(dispatched, unit_id, "dispatched", start, incident)
        if enroute:
            self.status(enroute, unit_id, "enroute", between(start, scene, 0.15), incident)
        self.status(onscene, unit_id, "onscene", scene, incident)
        if returning:
            self.status(returning, unit_id, "returning", between(scene, station, 0.1), incident)
        if available:
            self.status(available, unit_id, "available", station)

    # alerts ---------------------------------------------------------------

    def alert(self, clock: str, src: str, *, sender: str, sender_name: str, msg_type: str,
              event: str, severity: str, urgency: str, certainty: str, expires: str,
              headline: str, description: str, instruction: str, area_desc: str,
              polygon: list[tuple[float, float]], geocodes: list[str],
              references: AlertRef | None = None, category: str = "Met",
              agency: str = "weather") -> AlertRef:
        """A CAP 1.2 alert in the style of China's national profile, as an `alert` message."""
        when = self.at(clock)
        sent = self.stamp(when)
        identifier = f"{sender}_{when.strftime('%Y%m%d%H%M%S')}"
        ring = list(polygon) + ([polygon[0]] if polygon[0] != polygon[-1] else [])
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
            f"  <identifier>{identifier}</identifier>",
            f"  <sender>{sender}</sender>",
            f"  <sent>{sent}</sent>",
            "  <status>Actual</status>",
            f"  <msgType>{msg_type}</msgType>",
            "  <scope>Public</scope>",
        ]
        if references:
            lines.append(f"  <references>{references.reference}</references>")
        lines += [
            "  <info>",
            "    <language>zh-CN</language>",
            f"    <category>{category}</category>",
            f"    <event>{escape(event)}</event>",
            f"    <urgency>{urgency}</urgency>",
            f"    <severity>{severity}</severity>",
            f"    <certainty>{certainty}</certainty>",
            f"    <effective>{sent}</effective>",
            f"    <expires>{self.stamp(self.at(expires))}</expires>",
            f"    <senderName>{escape(sender_name)}</senderName>",
            f"    <headline>{escape(headline)}</headline>",
            f"    <description>{escape(description)}</description>",
            f"    <instruction>{escape(instruction)}</instruction>",
            "    <area>",
            f"      <areaDesc>{escape(area_desc)}</areaDesc>",
            "      <polygon>" + " ".join(f"{lat:.4f},{lon:.4f}" for lat, lon in ring) + "</polygon>",
        ]
        for code in geocodes:
            lines.append(f"      <geocode><valueName>GB/T 2260</valueName><value>{code}</value></geocode>")
        lines += ["    </area>", "  </info>", "</alert>"]
        self._add(when, source_of(src, agency), "alert", identifier, "\n".join(lines),
                  "application/cap+xml")
        return AlertRef(sender, identifier, sent)

    # feed health ----------------------------------------------------------

    def heartbeats(self, city: str, start: str, end: str, every_min: int, quiet_min: int) -> None:
        """A `feed.heartbeat` from each agency's city feed every `every_min` minutes, unless
        that feed sent anything in the `quiet_min` minutes before (feeds beat when idle)."""
        t, stop = self.at(start), self.at(end)
        sent = sorted((m[0], m[2]["source"].split("/")[3]) for m in self.messages)
        beats = []
        while t <= stop:
            for agency in AGENCY_CODE:
                recent = any(t - timedelta(minutes=quiet_min) < w <= t and a == agency for w, a in sent)
                if not recent:
                    beats.append((t, agency))
            t += timedelta(minutes=every_min)
        for when, agency in beats:
            id_ = f"{CITY_ID_PREFIX[city]}-{AGENCY_CODE[agency]}-HB-{when.strftime('%Y%m%d%H%M')}"
            self._add(when, source_of(city, agency), "feed.heartbeat", id_, {})

    # what correlation should decide -----------------------------------------

    def same(self, label: str, *refs: Ref, note: str = "") -> None:
        self.expectations.append(Expectation("same", label, refs, note))

    def apart(self, label: str, *refs: Ref, note: str = "") -> None:
        self.expectations.append(Expectation("apart", label, refs, note))

    def judgement(self, label: str, *refs: Ref, note: str = "") -> None:
        self.expectations.append(Expectation("judgement", label, refs, note))

    # what a trainee should do -------------------------------------------------

    def expect(self, ref: Ref, title: str, *, ack: int | None = None, dispatch: int | None = None,
               kinds: tuple[str, ...] = (), from_report: bool = False) -> None:
        """The response expected to the incident `ref` belongs to: acknowledged within `ack`
        seconds and a first unit sent within `dispatch`, units of `kinds` among those sent.
        Times count from the incident's opening, or from `ref` reaching it when
        `from_report` (a report that escalates an incident already open)."""
        response = {"report": ref.qualified, "title": title}
        if from_report:
            response["from"] = "report"
        if ack is not None:
            response["acknowledge_within"] = ack
        if dispatch is not None:
            response["dispatch_within"] = dispatch
        if kinds:
            response["unit_kinds"] = list(kinds)
        self.responses.append(response)

    def _expectations_message(self) -> dict:
        """The `training.expectations` line, stamped with the scenario's first moment."""
        first = min(m[0] for m in self.messages)
        return {"specversion": "1.0",
                "id": f"{CITY_ID_PREFIX[self.city]}-TRAIN-{first.strftime('%Y%m%d')}-01",
                "source": source_of(self.city, "training"), "type": "training.expectations",
                "time": self.stamp(first), "data": {"expect": self.responses}}

    # output ---------------------------------------------------------------

    def lines(self) -> list[str]:
        ordered = [m[2] for m in sorted(self.messages, key=lambda m: (m[0], m[1]))]
        if self.responses:
            ordered.insert(0, self._expectations_message())
        return [json.dumps(m, ensure_ascii=False, separators=(",", ":")) for m in ordered]
