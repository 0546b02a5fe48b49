/// What a training scenario says a good response is: one `training.expectations` line of the
/// scenario file (demo-data/scenarios/README.md), sent from the scenario's training office
/// (`/sd/<adcode>/training`), not from an agency.
public struct ScenarioExpectations: Sendable, Equatable {
    /// The line's own `source#id`: a resent line is a duplicate like any other message.
    public var key: ReportKey
    /// The admin code in the source path.
    public var sourceAdcode: String
    public var time: Instant
    public var responses: [ExpectedResponse]

    public init(key: ReportKey, sourceAdcode: String, time: Instant, responses: [ExpectedResponse]) {
        self.key = key
        self.sourceAdcode = sourceAdcode
        self.time = time
        self.responses = responses
    }
}

/// The response expected to the incident a report belongs to. Incident ids are given at run
/// time, so an expectation names a report of the scenario instead; its times count, in
/// scenario time, from the moment that incident opened (or that report reached it).
public struct ExpectedResponse: Sendable, Equatable {
    /// `source#id`, or the bare id of a report in the scenario.
    public var report: String
    /// How the report calls it, for people reading the report; optional.
    public var title: String?
    /// Where the times count from.
    public var from: Start
    /// Seconds to the incident's acknowledgement (`ack`).
    public var acknowledgeWithin: Double?
    /// Seconds to the first unit sent.
    public var dispatchWithin: Double?
    /// Unit kinds (`kind` in demo-data/units.json) that should be sent, each at least once;
    /// within `dispatchWithin` when that is given, else at any time in the run.
    public var unitKinds: [String]

    public enum Start: String, Sendable, Equatable, CaseIterable {
        /// The incident's opening: the usual case, a report that opens an incident.
        case opened
        /// The named report reaching the incident: a report that escalates an incident already
        /// open (a bus of passengers under the bridge a caller said was flooding). Units sent
        /// before it do not answer it; an acknowledgement before it counts as at once.
        case report
    }

    public init(report: String, title: String? = nil, from: Start = .opened, acknowledgeWithin: Double? = nil,
                dispatchWithin: Double? = nil, unitKinds: [String] = []) {
        self.report = report
        self.title = title
        self.from = from
        self.acknowledgeWithin = acknowledgeWithin
        self.dispatchWithin = dispatchWithin
        self.unitKinds = unitKinds
    }
}
