/// Writes a log entry as its one line of JSON (DESIGN §3.3). The bytes are the chain's input,
/// so the order of members and their spelling never change.
enum LogLineEncoder {
    static func line(seq: Int64, entry: LogEntry, prev: String) -> [UInt8] {
        var w = JSONWriter(capacity: capacity(for: entry.event))
        w.beginObject()
        w.member("seq", Int(seq))
        w.key("at")
        w.plainString { entry.at.appendRFC3339(to: &$0) }
        w.member("kind", entry.kind.rawValue)
        w.member("actor", entry.actor)
        w.member("exercise", entry.exercise)
        w.key("data")
        writeData(entry.event, to: &w)
        // A hex digest: nothing to escape.
        w.key("prev")
        var prev = prev
        prev.withUTF8 { hex in w.plainString { $0.append(contentsOf: hex) } }
        w.endObject()
        return w.bytes
    }

    /// Room for the whole line at once, so it is not copied as it grows: an accepted
    /// report embeds the message, every other line is short.
    static func capacity(for event: LogEvent) -> Int {
        switch event {
        case let .reportAccepted(_, _, _, raw), let .trainingExpectations(_, _, _, raw): raw.count + 384
        default: 512
        }
    }

    static func writeData(_ event: LogEvent, to w: inout JSONWriter) {
        w.beginObject()
        switch event {
        case let .reportAccepted(feed, offset, message, raw):
            w.member("feed", feed)
            w.member("offset", offset)
            w.member("source", message.key.source)
            w.member("id", message.key.id)
            w.key("event")
            w.raw(raw)
        case let .trainingExpectations(feed, offset, expectations, raw):
            // The line as received, like an accepted report's: the log alone carries it.
            w.member("feed", feed)
            w.member("offset", offset)
            w.member("source", expectations.key.source)
            w.member("id", expectations.key.id)
            w.key("event")
            w.raw(raw)
        case .reportRejected(let r):
            w.member("feed", r.feed)
            w.member("offset", r.offset)
            w.member("line", r.line)
            w.member("reason", r.reason)
            w.member("head", r.head)
        case let .reportDuplicate(feed, offset, key):
            w.member("feed", feed)
            w.member("offset", offset)
            w.member("source", key.source)
            w.member("id", key.id)
        case .incidentOpened(let o):
            w.member("incident", o.incident)
            w.member("report", o.report.description)
            w.member("category", o.category.rawValue)
            w.member("level", o.level.rawValue)
            w.member("title", o.title)
            writePlacement(o.placement, to: &w)
        case .incidentMerged(let m):
            w.member("incident", m.incident)
            w.member("report", m.report?.description)
            w.member("from", m.from)
            w.member("rule", m.reason.rule.rawValue)
            if let metres = m.reason.metres { w.member("metres", metres.rounded()) }
            if let seconds = m.reason.seconds { w.member("seconds", seconds.rounded()) }
            if !m.reason.sharedRefs.isEmpty {
                w.key("refs")
                w.beginArray()
                for r in m.reason.sharedRefs { w.string(r) }
                w.endArray()
            }
        case .incidentUpdated(let u):
            w.member("incident", u.incident)
            w.member("report", u.report.description)
            w.member("by", u.by.description)
            w.member("level", u.level?.rawValue)
            w.member("category", u.category?.rawValue)
            w.member("title", u.title)
            w.member("description", u.description)
            if u.withdrawn { w.member("withdrawn", true) }
            w.member("reason", u.reason)
        case .incidentSplit(let split):
            w.member("incident", split.incident)
            w.member("report", split.report.description)
            w.member("into", split.into)
            writePlacement(split.placement, to: &w)
        case let .incidentClosed(incident, reason):
            w.member("incident", incident)
            w.member("reason", reason)
        case .warningIssued(let warning), .warningUpdated(let warning):
            WarningCoding.write(warning, to: &w)
        case let .warningCancelled(warning, cancels, headline):
            w.member("warning", warning)
            w.key("cancels")
            w.beginArray()
            for c in cancels { w.string(c) }
            w.endArray()
            w.member("headline", headline)
        case let .warningExpired(warning):
            w.member("warning", warning)
        case .feedState(let f):
            w.member("feed", f.feed)
            w.member("reason", f.reason)
            w.member("url", f.url)
        case .unitStatus(let u):
            w.member("unit", u.unit)
            w.member("agency", u.agency.rawValue)
            w.member("status", u.status.rawValue)
            w.member("lat", u.location?.lat)
            w.member("lon", u.location?.lon)
            w.member("incident", u.incident)
        case .commandAccepted(let a):
            CommandCoding.write(a, to: &w)
        case .commandRejected(let r):
            CommandCoding.write(r, to: &w)
        case .dispatchQueued, .dispatchClaimed, .dispatchAcked, .dispatchFailed:
            DispatchCoding.write(event, to: &w)
        }
        w.endObject()
    }

    static func writePlacement(_ p: Placement, to w: inout JSONWriter) {
        w.member("county", p.countyCode)
        w.member("city", p.cityCode)
        if !p.insideProvince { w.member("outside", true) }
    }
}

/// The warning's fields in a log entry: all that is needed to rebuild it, areas included.
enum WarningCoding {
    static func write(_ warning: Warning, to w: inout JSONWriter) {
        w.member("warning", warning.id)
        w.member("sender", warning.sender)
        w.member("level", warning.level.rawValue)
        w.member("event", warning.event)
        w.member("headline", warning.headline)
        w.member("effective", warning.effective?.rfc3339)
        w.member("expires", warning.expires?.rfc3339)
        if !warning.replaces.isEmpty {
            w.key("replaces")
            w.beginArray()
            for r in warning.replaces { w.string(r) }
            w.endArray()
        }
        w.key("areas")
        w.beginArray()
        for area in warning.areas {
            w.beginObject()
            w.member("areaDesc", area.description)
            w.key("polygons")
            w.beginArray()
            for polygon in area.polygons {
                w.beginArray()
                for p in polygon {
                    w.beginArray()
                    w.number(p.lat)
                    w.number(p.lon)
                    w.endArray()
                }
                w.endArray()
            }
            w.endArray()
            w.key("circles")
            w.beginArray()
            for c in area.circles {
                w.beginArray()
                w.number(c.center.lat)
                w.number(c.center.lon)
                w.number(c.radiusMetres)
                w.endArray()
            }
            w.endArray()
            w.key("geocodes")
            w.beginArray()
            for g in area.geocodes { w.string(g) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    static func read(_ d: JSONValue) throws(LogLineError) -> Warning {
        guard let id = d["warning"]?.stringValue, let levelWord = d["level"]?.stringValue,
              let level = Level(rawValue: levelWord)
        else { throw LogLineError("warning entry lacks `warning` or `level`") }
        var areas: [WarningArea] = []
        for a in d["areas"]?.arrayValue ?? [] {
            let polygons: [[GeoPoint]] = (a["polygons"]?.arrayValue ?? []).map { ring in
                (ring.arrayValue ?? []).compactMap { pair in
                    guard let xy = pair.arrayValue, xy.count == 2, let lat = xy[0].doubleValue, let lon = xy[1].doubleValue else { return nil }
                    return GeoPoint(lat: lat, lon: lon)
                }
            }
            let circles: [(center: GeoPoint, radiusMetres: Double)] = (a["circles"]?.arrayValue ?? []).compactMap { c in
                guard let v = c.arrayValue, v.count == 3, let lat = v[0].doubleValue, let lon = v[1].doubleValue,
                      let r = v[2].doubleValue else { return nil }
                return (GeoPoint(lat: lat, lon: lon), r)
            }
            areas.append(WarningArea(
                description: a["areaDesc"]?.stringValue ?? "", polygons: polygons, circles: circles,
                geocodes: (a["geocodes"]?.arrayValue ?? []).compactMap(\.stringValue)
            ))
        }
        var warning = Warning(
            id: id, sender: d["sender"]?.stringValue ?? "", level: level, event: d["event"]?.stringValue ?? "",
            headline: d["headline"]?.stringValue ?? "", areas: areas,
            effective: d["effective"]?.stringValue.flatMap { Instant(rfc3339: $0) },
            expires: d["expires"]?.stringValue.flatMap { Instant(rfc3339: $0) }
        )
        warning.replaces = (d["replaces"]?.arrayValue ?? []).compactMap(\.stringValue)
        return warning
    }
}
