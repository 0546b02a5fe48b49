/// The kinds of log entry (DESIGN §3.3). New kinds may be added; a kind's meaning never changes.
public enum LogKind: String, Sendable, CaseIterable, Hashable {
    case feedUp = "feed.up", feedDown = "feed.down", feedStale = "feed.stale"
    case reportAccepted = "report.accepted", reportRejected = "report.rejected", reportDuplicate = "report.duplicate"
    case incidentOpened = "incident.opened", incidentMerged = "incident.merged", incidentUpdated = "incident.updated"
    case incidentClosed = "incident.closed", incidentSplit = "incident.split"
    case warningIssued = "warning.issued", warningUpdated = "warning.updated"
    case warningCancelled = "warning.cancelled", warningExpired = "warning.expired"
    case commandAccepted = "command.accepted", commandRejected = "command.rejected"
    case dispatchQueued = "dispatch.queued", dispatchClaimed = "dispatch.claimed"
    case dispatchAcked = "dispatch.acked", dispatchFailed = "dispatch.failed"
    case unitStatus = "unit.status"
    case trainingExpectations = "training.expectations"
}

/// One input or decision, before it is given its place in the chain.
public struct LogEntry: Sendable, Equatable {
    public var at: Instant
    /// `feed:<name>`, `operator:<id>`, `consumer:<id>` or `system`.
    public var actor: String
    /// Training entries never mix with live work (DESIGN §5).
    public var exercise: Bool
    public var event: LogEvent

    public init(at: Instant, actor: String, exercise: Bool, event: LogEvent) {
        self.at = at
        self.actor = actor
        self.exercise = exercise
        self.event = event
    }

    public var kind: LogKind { event.kind }
}

/// An entry with its place in the chain: the exact bytes of its line and their hash.
public struct SealedEntry: Sendable, Equatable {
    public var seq: Int64
    public var entry: LogEntry
    /// The line without its newline.
    public var line: [UInt8]
    /// Lowercase hex SHA-256 of `line`.
    public var hash: String
    /// The hash of the line before, as the line records it.
    public var prevHash: String
}
