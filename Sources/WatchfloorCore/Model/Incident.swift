/// Where an incident is, resolved against the geography.
public struct Placement: Sendable, Equatable, Hashable {
    public var countyCode: String?
    public var cityCode: String?
    public var insideProvince: Bool

    public init(countyCode: String? = nil, cityCode: String? = nil, insideProvince: Bool) {
        self.countyCode = countyCode
        self.cityCode = cityCode
        self.insideProvince = insideProvince
    }

    public static let unknown = Placement(insideProvince: false)
}

/// The life of an incident on the board.
public enum IncidentStatus: String, Sendable, Codable, Hashable {
    case new, acknowledged, closed
    /// Folded into another incident by an operator's `merge`.
    case merged
}

/// Why a report joined an incident (logged with `incident.merged`).
public struct MergeReason: Sendable, Equatable {
    public enum Rule: String, Sendable {
        /// The report names a report of the incident in `refs`.
        case reference
        /// Compatible category, within the subtype's distance and time window.
        case proximity
        /// No position; same county and compatible category within the time window.
        case adcode
        /// An operator's `merge` command.
        case `operator`
    }

    public var rule: Rule
    public var metres: Double?
    public var seconds: Double?
    public var sharedRefs: [String]

    public init(rule: Rule, metres: Double? = nil, seconds: Double? = nil, sharedRefs: [String] = []) {
        self.rule = rule
        self.metres = metres
        self.seconds = seconds
        self.sharedRefs = sharedRefs
    }
}

/// One thing happening in the province, however many agencies reported it.
public struct Incident: Sendable, Equatable {
    public var id: String
    public var category: Category
    public var level: Level
    public var title: String
    public var status: IncidentStatus = .new
    public var location: GeoPoint?
    public var placement: Placement
    public var opened: Instant
    /// The time of the newest report; the correlation window runs from here.
    public var lastReport: Instant
    /// In time order of arrival.
    public var reports: [ReportKey]
    public var merges: [(report: ReportKey, reason: MergeReason)] = []
    public var warnings: [String] = []
    public var units: [String] = []
    public var notes: [String] = []
    public var mergedInto: String?
    /// Opened by a training entry: commands on it are training too, whoever types them.
    public var exercise = false
    /// Acknowledged at some time, so a reopen puts it back to acknowledged rather than new.
    public var wasAcknowledged = false

    public var isOpen: Bool { status == .new || status == .acknowledged }

    public static func == (a: Incident, b: Incident) -> Bool {
        a.id == b.id && a.category == b.category && a.level == b.level && a.title == b.title
            && a.status == b.status && a.location == b.location && a.placement == b.placement
            && a.opened == b.opened && a.lastReport == b.lastReport && a.reports == b.reports
            && a.merges.map(\.report) == b.merges.map(\.report) && a.merges.map(\.reason) == b.merges.map(\.reason)
            && a.warnings == b.warnings && a.units == b.units && a.notes == b.notes && a.mergedInto == b.mergedInto
            && a.exercise == b.exercise && a.wasAcknowledged == b.wasAcknowledged
    }
}
