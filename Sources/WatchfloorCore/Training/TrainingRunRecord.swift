/// The facts of a training run that its after-action report is made from, gathered from the
/// log's training entries (`exercise: true`) one by one: which incident each report is on,
/// when each incident opened, was acknowledged and had units sent, and what the scenario
/// expected. Live entries in the same log are not the trainee's and are passed over.
public struct TrainingRunRecord: Sendable {
    /// What each unit is (`engine`, `ambulance`...), from the unit catalogue: the log names
    /// the unit sent, the report judges its kind.
    let unitKinds: [String: String]

    public private(set) var trainingEntries = 0
    /// The earliest and latest `at` of the training entries: the run's span in scenario time.
    public private(set) var start: Instant?
    public private(set) var end: Instant?
    /// The `source#id` of each expectations line, in the order they came.
    public private(set) var expectationLines: [ReportKey] = []
    /// Every expectation, once per report named; a later line's replaces an earlier one's.
    public private(set) var responses: [ExpectedResponse] = []
    /// Operators' commands on training work: accepted and refused, per operator id.
    public private(set) var commands: [String: (accepted: Int, refused: Int)] = [:]

    private(set) var incidents: [String: IncidentFacts] = [:]
    /// Incident ids in the order they opened in the log.
    private(set) var openingOrder: [String] = []
    private(set) var incidentOfReport: [ReportKey: String] = [:]
    /// When each report first reached an incident.
    private(set) var arrival: [ReportKey: Instant] = [:]
    /// Bare report ids, for expectations that name a report without its source.
    private(set) var reportsWithID: [String: Set<ReportKey>] = [:]
    private var reportTitles: [ReportKey: String] = [:]

    public init(unitKinds: [String: String]) {
        self.unitKinds = unitKinds
    }

    /// What the log says about one incident, as it was recorded under its own id.
    struct IncidentFacts: Sendable {
        var id: String
        var title: String
        var opened: Instant
        var acknowledged: Instant?
        var closed: Instant?
        var sent: [SentUnit] = []
        /// Set when an operator merged this incident into another.
        var foldedInto: String?
        /// Incidents merged into this one, directly.
        var folded: [String] = []
        var reports: [ReportKey] = []
    }

    public mutating func add(_ entry: LogEntry) {
        guard entry.exercise else { return }
        trainingEntries += 1
        start = min(start ?? entry.at, entry.at)
        end = max(end ?? entry.at, entry.at)
        switch entry.event {
        case let .trainingExpectations(_, _, expectations, _):
            expectationLines.append(expectations.key)
            for response in expectations.responses {
                responses.removeAll { $0.report == response.report }
                responses.append(response)
            }
        case let .reportAccepted(_, _, .report(report), _):
            reportTitles[report.key] = report.title
        case .incidentOpened(let o):
            open(o.incident, title: o.title, report: o.report, at: entry.at)
        case .incidentMerged(let m):
            if let from = m.from {
                fold(from, into: m.incident)
            } else if let report = m.report {
                move(report, to: m.incident)
                if arrival[report] == nil { arrival[report] = entry.at }
            }
        case .incidentSplit(let split):
            open(split.into, title: reportTitles[split.report] ?? "", report: split.report, at: entry.at)
        case let .incidentClosed(id, _):
            incidents[id]?.closed = entry.at
        case .commandAccepted(let a):
            commands[a.operatorID, default: (0, 0)].accepted += 1
            if case .ack(let id) = a.command, incidents[id] != nil {
                incidents[id]!.acknowledged = min(incidents[id]!.acknowledged ?? entry.at, entry.at)
            }
            if case .reopen(let id) = a.command { incidents[id]?.closed = nil }
        case .commandRejected(let r):
            commands[r.operatorID, default: (0, 0)].refused += 1
        case .dispatchQueued(let q):
            // The kind the log recorded; the catalogue only for logs written before it did.
            incidents[q.incident]?.sent.append(SentUnit(unit: q.unit, kind: q.kind ?? unitKinds[q.unit], at: entry.at))
        default:
            break
        }
    }

    private mutating func open(_ id: String, title: String, report: ReportKey, at: Instant) {
        if incidents[id] == nil { openingOrder.append(id) }
        incidents[id] = IncidentFacts(id: id, title: title, opened: at)
        move(report, to: id)
        if arrival[report] == nil { arrival[report] = at }
    }

    private mutating func move(_ report: ReportKey, to id: String) {
        if let old = incidentOfReport[report] { incidents[old]?.reports.removeAll { $0 == report } }
        incidentOfReport[report] = id
        incidents[id]?.reports.append(report)
        reportsWithID[report.id, default: []].insert(report)
    }

    /// An operator's merge: the incident and its reports live on in the one it joined.
    private mutating func fold(_ from: String, into id: String) {
        guard from != id, incidents[from] != nil, incidents[id] != nil else { return }
        incidents[from]!.foldedInto = id
        incidents[id]!.folded.append(from)
        for report in incidents[from]!.reports { move(report, to: id) }
    }

    /// The incident a report is on at the end of the log; nil when it never reached one.
    func incident(of report: ReportKey) -> String? { incidentOfReport[report] }

    /// The incident and every incident merged into it, however deeply.
    func group(_ id: String) -> [IncidentFacts] {
        guard let facts = incidents[id] else { return [] }
        return [facts] + facts.folded.flatMap { group($0) }
    }
}

/// A unit an operator sent: one dispatch order.
public struct SentUnit: Sendable, Equatable {
    public var unit: String
    /// nil for a unit the catalogue does not know.
    public var kind: String?
    public var at: Instant
}

extension [SentUnit] {
    /// The kinds sent, each once, in the order first sent; a unit of no known kind by its id.
    public var kinds: [String] {
        var kinds: [String] = []
        for unit in self where !kinds.contains(unit.kind ?? unit.unit) { kinds.append(unit.kind ?? unit.unit) }
        return kinds
    }
}
