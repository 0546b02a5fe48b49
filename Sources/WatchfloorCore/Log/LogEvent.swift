/// What a log entry says: the typed `data` of each kind.
public enum LogEvent: Sendable, Equatable {
    /// A feed message was accepted; `event` is the message exactly as received (one JSON object).
    case reportAccepted(feed: String, offset: Int, message: FeedMessage, event: [UInt8])
    case reportRejected(ReportRejection)
    case reportDuplicate(feed: String, offset: Int, key: ReportKey)
    case incidentOpened(IncidentOpening)
    case incidentMerged(IncidentMerge)
    case incidentUpdated(IncidentUpdate)
    case incidentClosed(incident: String, reason: String)
    case incidentSplit(IncidentSplit)
    case warningIssued(Warning)
    case warningUpdated(Warning)
    case warningCancelled(warning: String, cancels: [String], headline: String)
    case warningExpired(warning: String)
    case unitStatus(UnitStatusChange)
    case commandAccepted(CommandAcceptance)
    case commandRejected(CommandRefusal)
    case dispatchQueued(DispatchQueued)
    case dispatchClaimed(DispatchClaim)
    case dispatchAcked(DispatchAck)
    case dispatchFailed(DispatchFailure)
    case feedState(FeedStateChange)
    /// A training scenario's expectations were read; `event` is its line exactly as received.
    /// The after-action report judges the run against them; the board is not changed.
    case trainingExpectations(feed: String, offset: Int, expectations: ScenarioExpectations, event: [UInt8])

    public var kind: LogKind {
        switch self {
        case .trainingExpectations: .trainingExpectations
        case .feedState(let change): change.kind
        case .reportAccepted: .reportAccepted
        case .reportRejected: .reportRejected
        case .reportDuplicate: .reportDuplicate
        case .incidentOpened: .incidentOpened
        case .incidentMerged: .incidentMerged
        case .incidentUpdated: .incidentUpdated
        case .incidentClosed: .incidentClosed
        case .incidentSplit: .incidentSplit
        case .warningIssued: .warningIssued
        case .warningUpdated: .warningUpdated
        case .warningCancelled: .warningCancelled
        case .warningExpired: .warningExpired
        case .unitStatus: .unitStatus
        case .commandAccepted: .commandAccepted
        case .commandRejected: .commandRejected
        case .dispatchQueued: .dispatchQueued
        case .dispatchClaimed: .dispatchClaimed
        case .dispatchAcked: .dispatchAcked
        case .dispatchFailed: .dispatchFailed
        }
    }
}

/// A feed line that was refused, with enough to find it again.
public struct ReportRejection: Sendable, Equatable {
    public var feed: String
    /// Byte offset of the line in the feed.
    public var offset: Int
    /// 1-based line number in the feed.
    public var line: Int
    public var reason: String
    /// The first 200 bytes, made valid UTF-8.
    public var head: String

    public init(feed: String, offset: Int, line: Int, reason: String, head: String) {
        self.feed = feed
        self.offset = offset
        self.line = line
        self.reason = reason
        self.head = head
    }
}

/// A report that starts a new incident.
public struct IncidentOpening: Sendable, Equatable {
    public var incident: String
    public var report: ReportKey
    public var placement: Placement
    public var category: Category
    public var level: Level
    public var title: String
}

/// A report (or a whole incident, by an operator) joining an incident, and why.
public struct IncidentMerge: Sendable, Equatable {
    public var incident: String
    public var report: ReportKey?
    /// For an operator's merge: the incident folded in.
    public var from: String?
    public var reason: MergeReason
}

/// A source changed or withdrew one of its reports.
public struct IncidentUpdate: Sendable, Equatable {
    public var incident: String
    /// The report that changed.
    public var report: ReportKey
    /// The message that changed it.
    public var by: ReportKey
    public var level: Level?
    public var category: Category?
    public var title: String?
    public var description: String?
    public var withdrawn: Bool
    public var reason: String?
}

/// A unit's new state.
public struct UnitStatusChange: Sendable, Equatable {
    public var unit: String
    /// The agency whose feed reported it: a unit missing from the catalogue still belongs
    /// to someone, and the log alone says to whom.
    public var agency: Agency
    public var status: UnitStatus
    public var location: GeoPoint?
    public var incident: String?
}

/// An operator takes a report out of an incident: it becomes an incident of its own.
public struct IncidentSplit: Sendable, Equatable {
    public var incident: String
    public var report: ReportKey
    /// The new incident's id.
    public var into: String
    public var placement: Placement
}
