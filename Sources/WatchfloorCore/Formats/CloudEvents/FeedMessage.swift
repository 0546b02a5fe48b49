/// What every feed message has, whatever its type.
public struct Envelope: Sendable, Equatable {
    public var key: ReportKey
    public var agency: Agency
    public var sourceAdcode: String
    public var type: String
    public var time: Instant
}

/// One decoded feed message (DESIGN §3.1).
public enum FeedMessage: Sendable, Equatable {
    case report(Report)
    case update(ReportUpdate)
    case cancel(ReportCancel)
    case unitStatus(UnitStatusReport)
    /// The CAP document is kept as text; decoding it is the alert path's job.
    case alert(Envelope, capXML: String)
    case heartbeat(Envelope)
    /// A training scenario's statement of a good response; no agency sends it.
    case expectations(ScenarioExpectations)

    /// The agency's envelope; nil for a scenario's expectations, which come from no agency.
    public var envelope: Envelope? {
        switch self {
        case .report(let r): Envelope(key: r.key, agency: r.agency, sourceAdcode: r.sourceAdcode, type: "incident.report", time: r.time)
        case .update(let u): u.envelope
        case .cancel(let c): c.envelope
        case .unitStatus(let s): s.envelope
        case .alert(let e, _), .heartbeat(let e): e
        case .expectations: nil
        }
    }

    /// `(source, id)`, unique per message whatever its type.
    public var key: ReportKey {
        switch self {
        case .report(let r): r.key
        case .update(let u): u.envelope.key
        case .cancel(let c): c.envelope.key
        case .unitStatus(let s): s.envelope.key
        case .alert(let e, _), .heartbeat(let e): e.key
        case .expectations(let x): x.key
        }
    }

    /// The message's own `time`.
    public var time: Instant {
        switch self {
        case .report(let r): r.time
        case .update(let u): u.envelope.time
        case .cancel(let c): c.envelope.time
        case .unitStatus(let s): s.envelope.time
        case .alert(let e, _), .heartbeat(let e): e.time
        case .expectations(let x): x.time
        }
    }
}

/// `incident.update`: fields of an earlier report that changed.
public struct ReportUpdate: Sendable, Equatable {
    public var envelope: Envelope
    /// The id of the earlier report, from the same source unless given as `source#id`.
    public var ref: String
    public var level: Level?
    public var category: Category?
    public var title: String?
    public var description: String?
    public var location: GeoPoint?
    public var address: String?
}

/// `incident.cancel`: the source withdraws an earlier report.
public struct ReportCancel: Sendable, Equatable {
    public var envelope: Envelope
    public var ref: String
    public var reason: String
}

/// `unit.status`: where a unit is and what it is doing.
public struct UnitStatusReport: Sendable, Equatable {
    public var envelope: Envelope
    public var unit: String
    public var status: UnitStatus
    public var location: GeoPoint?
    public var incident: String?
}
