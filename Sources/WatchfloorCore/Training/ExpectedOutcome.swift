/// One expectation of the scenario and how the run measured up to it.
public struct ExpectedOutcome: Sendable, Equatable {
    public var expectation: ExpectedResponse
    /// The incident the named report belongs to; nil when it never reached the board.
    public var incident: IncidentTimes?
    /// When the expectation's clock started: the incident's opening, or the report's arrival.
    public var started: Instant?
    /// Acknowledged, counted from `started` (an acknowledgement before it counts as at once).
    public var acknowledged: Instant?
    /// The units sent to the incident, each at `started` at the earliest (one sent before
    /// counts as sent at once).
    public var sent: [SentUnit]
    /// nil when the expectation sets no such deadline.
    public var acknowledge: Deadline?
    public var dispatch: Deadline?
    /// Expected kinds of which no unit was sent (whether or not yet due).
    public var missingKinds: [String]
    /// Expected kinds sent only after the dispatch deadline.
    public var lateKinds: [String]
    public var verdict: Verdict
    /// Why the verdict is not `met`, in a few words each: what a trainee should look at.
    public var reasons: [String]

    public enum Verdict: String, Sendable, Equatable {
        /// Everything expected was done in time.
        case met
        /// Everything expected was done, something after its deadline.
        case late
        /// Something expected was never done.
        case missed
        /// The log cannot say: the report never arrived, or the run ended before a deadline.
        case unjudged
    }

    /// How one deadline went.
    public enum Deadline: String, Sendable, Equatable {
        case onTime = "on_time"
        case late
        case notDone = "not_done"
        /// Not done, but the log ends before it was due.
        case notYetDue = "not_yet_due"

        /// `done` against `start + seconds`; `end` is the last moment the log speaks for.
        static func check(_ seconds: Double?, start: Instant, done: Instant?, end: Instant) -> Deadline? {
            guard let seconds else { return nil }
            let due = start.adding(seconds: seconds)
            if let done { return done <= due ? .onTime : .late }
            return end < due ? .notYetDue : .notDone
        }
    }

    public var firstDispatch: Instant? { sent.first?.at }
    public var acknowledgeMilliseconds: Int64? { since(acknowledged) }
    public var dispatchMilliseconds: Int64? { since(firstDispatch) }

    func since(_ t: Instant?) -> Int64? {
        guard let t, let started else { return nil }
        return t.milliseconds - started.milliseconds
    }

    static func judge(_ expectation: ExpectedResponse, in record: TrainingRunRecord, runEnd: Instant) -> ExpectedOutcome {
        var outcome = ExpectedOutcome(expectation: expectation, incident: nil, started: nil, acknowledged: nil, sent: [],
                                      acknowledge: nil, dispatch: nil, missingKinds: [], lateKinds: [], verdict: .unjudged, reasons: [])
        let target: (incident: String, report: ReportKey)
        switch record.resolve(expectation.report) {
        case let .incident(id, report): target = (id, report)
        case .none(let why):
            outcome.reasons = [why]
            return outcome
        }
        let times = IncidentTimes(record.group(target.incident))
        let start = expectation.from == .report ? (record.arrival[target.report] ?? times.opened) : times.opened
        outcome.incident = times
        outcome.started = start
        outcome.acknowledged = times.acknowledged.map { max($0, start) }
        // Units already sent when the clock starts are there already: they count as sent at
        // once, as an earlier acknowledgement does.
        outcome.sent = times.sent.map { unit in
            var unit = unit
            unit.at = max(unit.at, start)
            return unit
        }
        outcome.judge(until: runEnd)
        return outcome
    }

    /// Sets the deadlines, the kinds, the verdict and its reasons from the measured times.
    private mutating func judge(until runEnd: Instant) {
        guard let start = started else { return }
        let e = expectation
        acknowledge = Deadline.check(e.acknowledgeWithin, start: start, done: acknowledged, end: runEnd)
        dispatch = Deadline.check(e.dispatchWithin, start: start, done: firstDispatch, end: runEnd)
        var pending: [String] = []
        for kind in e.unitKinds {
            let first = sent.first { $0.kind == kind }?.at
            // Without a dispatch deadline a kind is due by the end of the run.
            switch Deadline.check(e.dispatchWithin, start: start, done: first, end: runEnd) ?? (first == nil ? .notDone : .onTime) {
            case .late: lateKinds.append(kind)
            case .notDone: missingKinds.append(kind)
            case .notYetDue: pending.append(kind)
            case .onTime: break
            }
        }
        if acknowledge == .notDone { reasons.append("not acknowledged") }
        if dispatch == .notDone { reasons.append("no unit sent") }
        // With no unit sent at all, "no unit sent" already says the kinds are missing.
        if !missingKinds.isEmpty, dispatch != .notDone { reasons.append("no " + missingKinds.joined(separator: ", ") + " sent") }
        if acknowledge == .late, let ms = acknowledgeMilliseconds, let limit = e.acknowledgeWithin {
            reasons.append("acknowledged \(DurationText.of(ms - Int64(limit * 1000))) late")
        }
        if dispatch == .late, let ms = dispatchMilliseconds, let limit = e.dispatchWithin {
            reasons.append("first unit sent \(DurationText.of(ms - Int64(limit * 1000))) late")
        }
        if !lateKinds.isEmpty { reasons.append(lateKinds.joined(separator: ", ") + " sent late") }
        let undecided = acknowledge == .notYetDue || dispatch == .notYetDue || !pending.isEmpty
        if undecided { reasons.append("the log ends before its deadline") }
        let neverDone = acknowledge == .notDone || dispatch == .notDone || !missingKinds.isEmpty
        missingKinds += pending

        if neverDone {
            verdict = .missed
        } else if undecided {
            verdict = .unjudged
        } else if acknowledge == .late || dispatch == .late || !lateKinds.isEmpty {
            verdict = .late
        } else {
            verdict = .met
        }
    }
}

extension TrainingRunRecord {
    enum Resolution {
        /// The incident, and the report as a key.
        case incident(String, ReportKey)
        /// Why the report names no incident, in words for the report.
        case none(String)
    }

    /// The incident an expectation's report is on at the end of the log.
    func resolve(_ name: String) -> Resolution {
        let key: ReportKey
        if let parsed = ReportKey(parsing: name) {
            key = parsed
        } else {
            let keys = reportsWithID[name] ?? []
            guard keys.count <= 1 else {
                return .none("\(keys.count) reports have the id \(name); name it as source#id")
            }
            guard let only = keys.first else { return .none("its report never reached the board in this log") }
            key = only
        }
        guard let id = incident(of: key) else { return .none("its report never reached the board in this log") }
        return .incident(id, key)
    }
}

/// Durations as a duty officer says them: `45s`, `3m`, `3m10s`, `1h05m`.
public enum DurationText {
    public static func of(_ milliseconds: Int64) -> String {
        let negative = milliseconds < 0
        let seconds = abs(milliseconds) / 1000
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let text: String
        if h > 0 {
            text = "\(h)h" + (m < 10 ? "0" : "") + "\(m)m"
        } else if m > 0 {
            text = "\(m)m" + (s > 0 ? "\(s)s" : "")
        } else {
            text = "\(s)s"
        }
        return negative ? "-" + text : text
    }
}
