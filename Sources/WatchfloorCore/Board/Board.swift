/// The incident board: a fold over the log (DESIGN §2). `apply` is a pure function of the
/// board and one entry; it applies decisions that were already made and recorded, it never
/// makes them (that is `Correlator`'s job), so a log always rebuilds the same board.
public struct Board: Sendable {
    /// Incident `SD-n` is at index n-1.
    public internal(set) var incidents: [Incident] = []
    public internal(set) var reports = ReportTable()
    public internal(set) var warnings: [String: Warning] = [:]
    /// Warning ids in the order they were issued.
    public internal(set) var warningOrder: [String] = []
    public internal(set) var units: [String: Unit] = [:]
    /// Dispatch orders as the log records them; `ORD-n` is at index n-1.
    public internal(set) var orders: [Order] = []
    /// The time of the newest entry applied.
    public internal(set) var clock: Instant?
    /// The earliest `expires` of the active warnings, so expiry costs nothing per message.
    public internal(set) var nextExpiry: Instant?
    public internal(set) var rejectedCount = 0
    public internal(set) var duplicateCount = 0
    /// Each feed's state as last logged (`feed.up/down/stale`): a console following an
    /// ingester's store shows the health of feeds it does not read itself.
    public internal(set) var feedStates: [String: LoggedFeedState] = [:]
    public internal(set) var feedTallies: [String: FeedTally] = [:]
    /// The newest refused lines, oldest first, at most `recentRejectionLimit`, for `:rejects`.
    public internal(set) var recentRejections: [(at: Instant, rejection: ReportRejection)] = []
    public static let recentRejectionLimit = 200

    var incidentOfReport: [ReportKey: Int32] = [:]
    /// Orders by idempotency key, so a retried submission finds the order it already made.
    var orderByKey: [String: Int] = [:]
    /// What correlation needs of each incident, kept apart so that matching a report reads
    /// small plain values instead of copying whole incidents.
    var footprints: [Footprint] = []
    /// Per incident, the last report time (in ms) at which the spatial index still keeps it:
    /// its last report plus its window plus an hour's grace, or `Int64.min` once it is no
    /// longer open. One dense integer per incident, because the index asks this of every
    /// entry it passes over and a whole footprint per entry missed the cache.
    var candidateUntil: [Int64] = []
    /// Accepted messages that are not incident reports (updates, unit status, alerts...).
    var otherMessages: Set<ReportKey> = []
    /// Reports by city and bare id (`3701#JN-URB-0005`), for `refs` that name another
    /// agency's report without its source. Only offices of the same city are assumed to
    /// know each other's numbers, so a bare id never reaches across the province.
    var reportsById: [String: ReportKey] = [:]
    /// Reports named in the `refs` of reports on the board (as `source#id`, or city and bare
    /// id), for a report that arrives after a report that referred to it.
    var referencedBy: [String: Int32] = [:]
    var spatial = SpatialIndex()
    /// Open incidents by county, for reports that have only an admin code.
    var byCounty = CountyIndex()
    let rules: CorrelationRules

    public init(units: [Unit] = [], rules: CorrelationRules = CorrelationRules()) {
        self.rules = rules
        for unit in units { self.units[unit.id] = unit }
    }

    public func incident(_ id: String) -> Incident? {
        guard let n = Self.number(of: id), n >= 1, n <= incidents.count else { return nil }
        return incidents[n - 1]
    }

    public func incident(of report: ReportKey) -> Incident? {
        incidentOfReport[report].map { incidents[Int($0)] }
    }

    /// Whether `(source, id)` was already accepted.
    public func hasSeen(_ key: ReportKey) -> Bool {
        reports.contains(key) || otherMessages.contains(key)
    }

    public var openIncidents: [Incident] { incidents.filter(\.isOpen) }

    public var activeWarnings: [Warning] {
        warningOrder.compactMap { warnings[$0] }.filter { $0.status == .active }
    }

    public static func id(number: Int) -> String {
        let digits = String(number)
        return "SD-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The city part of a source (`/sd/370102/police` → `3701`), which scopes bare ids.
    static func cityScope(ofSource source: String) -> Substring {
        let u = source.utf8
        guard u.count >= 8 else { return "" }
        let start = source.index(source.startIndex, offsetBy: 4)
        return source[start..<source.index(start, offsetBy: 4)]
    }

    /// The key under which a ref is remembered: as written when it names its source, else
    /// within the referring report's city.
    static func refKey(_ ref: String, from source: String) -> String {
        namesSource(ref) ? ref : "\(cityScope(ofSource: source))#\(ref)"
    }

    /// Whether a ref contains "#". Foundation's `contains` searched a CFString for every ref of
    /// every report; without a `#` byte there is no match, and in ASCII text a byte is a
    /// character, so only other text takes the slow, character-aware road it always took.
    static func namesSource(_ ref: String) -> Bool {
        var ascii = true
        var hash = false
        for b in ref.utf8 {
            if b == UInt8(ascii: "#") { hash = true }
            if b >= 0x80 { ascii = false }
        }
        if !hash { return false }
        return ascii || ref.contains("#")
    }

    public static func number(of id: String) -> Int? {
        guard id.hasPrefix("SD-") else { return nil }
        return Int(id.dropFirst(3))
    }

    /// The id the next incident will get.
    public var nextIncidentID: String { Self.id(number: incidents.count + 1) }

    /// Brings an incident's footprint up to date after a change.
    mutating func refreshFootprint(_ i: Int) {
        let f = Footprint(incidents[i])
        // Whole seconds times 1000: the same test as seconds(since:) <= window + 3600, exactly.
        let until = f.isOpen ? f.lastReport.milliseconds + Int64(rules.window(f.category).seconds + 3600) * 1000 : Int64.min
        if i < footprints.count {
            footprints[i] = f
            candidateUntil[i] = until
        } else {
            footprints.append(f)
            candidateUntil.append(until)
        }
    }
}

/// The few facts of an incident that correlation reads, without references to count.
struct Footprint: Sendable {
    var category: Category
    var location: GeoPoint?
    var opened: Instant
    var lastReport: Instant
    var isOpen: Bool

    init(_ incident: Incident) {
        category = incident.category
        location = incident.location
        opened = incident.opened
        lastReport = incident.lastReport
        isOpen = incident.isOpen
    }
}
