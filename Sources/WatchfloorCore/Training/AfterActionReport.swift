/// How a training run went, from its log alone (issue 7): for each expected response, the
/// times and units against what the scenario asked; every other incident with its times;
/// and totals. The same log always makes the same report: nothing here reads a clock.
public struct AfterActionReport: Sendable, Equatable {
    /// The run's span in scenario time; nil when the log holds no training entry.
    public var start: Instant?
    public var end: Instant?
    public var trainingEntries: Int
    public var operators: [OperatorActivity]
    /// The `source#id` of each expectations line; empty when the scenario stated none.
    public var expectationLines: [ReportKey]
    /// One per expectation, in the scenario's order.
    public var expected: [ExpectedOutcome]
    /// Incidents that opened with no expectation on them, in the order they opened.
    public var others: [IncidentTimes]
    public var totals: Totals

    public struct OperatorActivity: Sendable, Equatable {
        public var id: String
        public var accepted: Int
        public var refused: Int
    }

    public struct Totals: Sendable, Equatable {
        public var expected = 0, met = 0, late = 0, missed = 0, unjudged = 0
        /// Distinct incidents in the report (merged ones counted in the one they joined).
        public var incidents = 0, acknowledged = 0, dispatched = 0
        /// Over the incidents acknowledged (dispatched), each once; nil when there is none.
        public var medianAcknowledgeMilliseconds: Int64?
        public var medianDispatchMilliseconds: Int64?
    }

    public init(_ record: TrainingRunRecord) {
        start = record.start
        end = record.end
        trainingEntries = record.trainingEntries
        operators = record.commands.keys.sorted().map {
            OperatorActivity(id: $0, accepted: record.commands[$0]!.accepted, refused: record.commands[$0]!.refused)
        }
        expectationLines = record.expectationLines
        let runEnd = record.end ?? Instant(milliseconds: 0)
        expected = record.responses.map { ExpectedOutcome.judge($0, in: record, runEnd: runEnd) }
        let targeted = Set(expected.compactMap { $0.incident?.incident })
        others = record.openingOrder
            .filter { record.incidents[$0]?.foldedInto == nil && !targeted.contains($0) }
            .map { IncidentTimes(record.group($0)) }
        totals = Self.totals(expected, others)
    }

    static func totals(_ expected: [ExpectedOutcome], _ others: [IncidentTimes]) -> Totals {
        var t = Totals()
        t.expected = expected.count
        for outcome in expected {
            switch outcome.verdict {
            case .met: t.met += 1
            case .late: t.late += 1
            case .missed: t.missed += 1
            case .unjudged: t.unjudged += 1
            }
        }
        // Two expectations may name reports of one incident: its times count once.
        var seen: Set<String> = []
        let incidents = (expected.compactMap(\.incident) + others).filter { seen.insert($0.incident).inserted }
        let acknowledge = incidents.compactMap(\.acknowledgeMilliseconds)
        let dispatch = incidents.compactMap(\.dispatchMilliseconds)
        t.incidents = incidents.count
        t.acknowledged = acknowledge.count
        t.dispatched = dispatch.count
        t.medianAcknowledgeMilliseconds = median(acknowledge)
        t.medianDispatchMilliseconds = median(dispatch)
        return t
    }

    /// The middle value; of an even count, the mean of the two middle ones, in whole milliseconds.
    static func median(_ values: [Int64]) -> Int64? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// What was done about one incident (with any merged into it), measured from its opening.
public struct IncidentTimes: Sendable, Equatable {
    public var incident: String
    public var title: String
    /// Incidents an operator merged into this one.
    public var merged: [String]
    public var opened: Instant
    public var acknowledged: Instant?
    public var closed: Instant?
    /// Every unit sent, in the order sent.
    public var sent: [SentUnit]

    init(_ group: [TrainingRunRecord.IncidentFacts]) {
        let main = group[0]
        incident = main.id
        title = main.title
        merged = group.dropFirst().map(\.id)
        // The event was on the board from its first report, whichever incident held it then.
        opened = group.map(\.opened).min()!
        acknowledged = group.compactMap(\.acknowledged).min()
        closed = main.closed
        sent = group.flatMap(\.sent).enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }

    public var firstDispatch: Instant? { sent.first?.at }

    public var acknowledgeMilliseconds: Int64? { acknowledged.map { $0.milliseconds - opened.milliseconds } }
    public var dispatchMilliseconds: Int64? { firstDispatch.map { $0.milliseconds - opened.milliseconds } }

    public var sentKinds: [String] { sent.kinds }
}
