import WatchfloorCore

/// `queue list --json` and `queue claim --json`: the stable shape of DESIGN §4 (fields may be
/// added, none renamed). `state` is as a gateway sees it at `now`: a lapsed claim is queued.
enum OrderJSON {
    static func bytes(_ orders: [Order], now: Instant) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + orders.count * 320)
        w.beginObject()
        w.key("orders")
        w.beginArray()
        for o in orders {
            w.beginObject()
            w.member("id", o.id)
            w.member("incident", o.incident)
            w.member("unit", o.unit)
            w.member("agency", o.agency.rawValue)
            w.member("state", o.state(at: now).rawValue)
            w.nullable("consumer", o.consumer)
            w.member("exercise", o.exercise)
            w.member("created", o.created.rfc3339)
            w.member("key", o.key)
            w.nullable("lease", o.state == .claimed ? o.leaseExpires?.rfc3339 : nil)
            w.member("attempts", o.attempts)
            w.nullable("next", o.nextAttempt?.rfc3339)
            w.nullable("note", o.note)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// One line per order for a person at a terminal.
    static func text(_ o: Order, now: Instant) -> String {
        var line = "\(o.id)  \(o.state(at: now).rawValue)  \(o.agency.rawValue)  \(o.unit) → \(o.incident)"
        if o.exercise { line += "  exercise" }
        if let c = o.consumer, o.state(at: now) == .claimed { line += "  claimed by \(c) until \(o.leaseExpires?.rfc3339 ?? "?")" }
        if o.state == .failed, let next = o.nextAttempt { line += "  attempt \(o.attempts) failed; retry from \(next.rfc3339)" }
        if let note = o.note { line += "  — \(note)" }
        return line
    }
}
