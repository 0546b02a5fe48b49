import WatchfloorCore

/// `board --json`: the stable shape of DESIGN §4 (fields may be added, none renamed).
public enum BoardJSON {
    public static func bytes(_ board: Board, reference: Reference) -> [UInt8] {
        var w = JSONWriter(capacity: 1 << 16)
        w.beginObject()
        w.key("incidents")
        w.beginArray()
        for incident in board.incidents where incident.status != .merged {
            write(incident, board: board, reference: reference, to: &w)
        }
        w.endArray()
        w.key("warnings")
        w.beginArray()
        for id in board.warningOrder {
            guard let warning = board.warnings[id] else { continue }
            w.beginObject()
            w.member("id", warning.id)
            w.member("level", warning.level.rawValue)
            w.member("headline", warning.headline)
            w.member("areaDesc", warning.areaDescription)
            w.nullable("expires", warning.expires?.rfc3339)
            w.member("status", warning.status.rawValue)
            w.member("sender", warning.sender)
            w.endObject()
        }
        w.endArray()
        w.key("units")
        w.beginArray()
        for unit in board.units.values.sorted(by: { $0.id < $1.id }) {
            w.beginObject()
            w.member("id", unit.id)
            w.member("agency", unit.agency.rawValue)
            w.member("status", unit.status.rawValue)
            w.nullable("incident", unit.incident)
            w.member("kind", unit.kind)
            w.member("name", unit.name)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func write(_ incident: Incident, board: Board, reference: Reference, to w: inout JSONWriter) {
        w.beginObject()
        w.member("id", incident.id)
        w.member("level", incident.level.rawValue)
        w.member("category", incident.category.rawValue)
        w.member("status", incident.status.rawValue)
        w.member("title", incident.title)
        w.nullable("adcode", incident.placement.countyCode ?? incident.placement.cityCode)
        w.nullable("lat", incident.location?.lat)
        w.nullable("lon", incident.location?.lon)
        w.nullable("place", reference.gazetteer.displayName(of: incident.placement))
        w.member("outside", !incident.placement.insideProvince)
        w.member("opened", incident.opened.rfc3339)
        w.key("reports")
        w.beginArray()
        for key in incident.reports {
            guard let r = board.reports[key] else { continue }
            w.beginObject()
            w.member("id", r.key.id)
            w.member("source", r.key.source)
            w.member("agency", r.agency.rawValue)
            w.member("time", r.time.rfc3339)
            w.member("title", r.title)
            w.member("category", r.category.rawValue)
            if r.withdrawn { w.member("withdrawn", true) }
            if let reason = incident.merges.first(where: { $0.report == key })?.reason {
                w.key("merge")
                w.beginObject()
                w.member("rule", reason.rule.rawValue)
                if let m = reason.metres { w.member("metres", m.rounded()) }
                if let s = reason.seconds { w.member("seconds", s.rounded()) }
                if !reason.sharedRefs.isEmpty {
                    w.key("refs")
                    w.beginArray()
                    for ref in reason.sharedRefs { w.string(ref) }
                    w.endArray()
                }
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.key("units")
        w.beginArray()
        for u in incident.units { w.string(u) }
        w.endArray()
        w.key("warnings")
        w.beginArray()
        for id in incident.warnings { w.string(id) }
        w.endArray()
        w.endObject()
    }
}

extension JSONWriter {
    /// The stable shape names every key: an absent value is `null`, never a missing key.
    mutating func nullable(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    mutating func nullable(_ name: StaticString, _ value: Double?) {
        key(name)
        if let value { number(value) } else { null() }
    }
}
