/// Decides what a feed message means for the board: a new incident, a report of a known one
/// (and why), a change, a warning. It writes its decisions as log entries; `Board.apply`
/// then carries them out. The rules are those of issue 2: explicit references first, then a
/// compatible subtype within its distance and time window, then, for a report without a
/// position, the county — but only with incidents as unplaced as itself.
public struct Correlator: Sendable {
    public let rules: CorrelationRules
    public let places: any PlacementResolver

    public init(places: any PlacementResolver, rules: CorrelationRules = CorrelationRules()) {
        self.places = places
        self.rules = rules
    }

    /// Where a new report belongs.
    public struct Match: Sendable, Equatable {
        /// The open incident it joins.
        public var incident: Int32
        public var reason: MergeReason
        /// Other open incidents the report's `refs` show to be the same one: they are folded
        /// into `incident`.
        public var absorbs: [Int32] = []
    }

    /// An open incident the report joins, with the reason, or nil for a new incident.
    /// `placement` is where the report is (the caller resolves it once; a new incident needs it too).
    public func match(_ report: Report, placement: Placement, in board: inout Board) -> Match? {
        if let byRef = matchByReference(report, in: board) { return byRef }
        if let p = report.location { return matchByProximity(report, at: p, county: placement.countyCode, in: &board) }
        return matchByCounty(report, county: placement.countyCode, in: &board)
    }

    func matchByReference(_ report: Report, in board: Board) -> Match? {
        var found: [(n: Int32, ref: String)] = []
        for ref in report.refs {
            guard let key = board.resolve(ref: ref, from: report.key.source),
                  let n = board.incidentOfReport[key], board.incidents[Int(n)].isOpen
            else { continue }
            found.append((n, ref))
        }
        if let first = found.min(by: { $0.n < $1.n }) {
            // The oldest incident named stays; the others are the same incident seen apart.
            var absorbs: [Int32] = []
            for f in found where f.n != first.n && !absorbs.contains(f.n) { absorbs.append(f.n) }
            return Match(incident: first.n, reason: MergeReason(rule: .reference, sharedRefs: found.map(\.ref)), absorbs: absorbs)
        }
        // A report that an earlier report of the board named in its own refs.
        if let n = board.referencedBy[report.key.description] ?? board.referencedBy[Board.refKey(report.key.id, from: report.key.source)],
           board.incidents[Int(n)].isOpen {
            return Match(incident: n, reason: MergeReason(rule: .reference, sharedRefs: [report.key.description]))
        }
        return nil
    }

    func matchByProximity(_ report: Report, at p: GeoPoint, county: String?, in board: inout Board) -> Match? {
        var best: (n: Int32, score: Double, metres: Double, seconds: Double)?
        let footprints = board.footprints
        let candidateUntil = board.candidateUntil
        let rules = rules
        let now = report.time.milliseconds
        // An incident quiet for longer than its own window can match nothing again (with an
        // hour's grace, so a report that arrives late still finds what it belongs to).
        board.spatial.forEachCandidate(
            near: p, reachMetres: rules.window(report.category).metres,
            keep: { n in now <= candidateUntil[Int(n)] }
        ) { n in
            let incident = footprints[Int(n)]
            guard rules.compatible(report.category, incident.category), let q = incident.location else { return }
            let window = rules.window(report.category, incident.category)
            let metres = p.distance(to: q)
            let seconds = gap(report.time, incident)
            guard metres <= window.metres, seconds <= window.seconds else { return }
            let score = metres / window.metres + seconds / window.seconds
            if best.map({ score < $0.score || (score == $0.score && n < $0.n) }) ?? true {
                best = (n, score, metres, seconds)
            }
        }
        if let best {
            // Whole metres and seconds: what the log records is what the board keeps.
            return Match(incident: best.n, reason: MergeReason(rule: .proximity, metres: best.metres.rounded(), seconds: best.seconds.rounded()))
        }
        return nil
    }

    /// A report without a position joins an incident of the same subtype, in the same county,
    /// that has no position either. A county is far coarser than a proximity window, so it is
    /// never enough on its own to pull a report into a placed incident, or a placed report
    /// into an unplaced one: a district-wide power cut is not the district's missing manhole
    /// cover, a flooded underpass not an earlier hotline call somewhere in the district
    /// (demo-data/scenarios/README.md keeps these apart). Refs still join them.
    func matchByCounty(_ report: Report, county: String?, in board: inout Board) -> Match? {
        guard let county else { return nil }
        // The pair's window is never wider than the report's own (the narrower governs).
        let since = report.time.adding(seconds: -rules.window(report.category).seconds)
        let horizon = report.time.adding(seconds: -rules.longestSeconds)
        let footprints = board.footprints
        var best: (n: Int32, seconds: Double)?
        board.byCounty.forEachRecentUnplaced(in: county, since: since, horizon: horizon) { n in
            let incident = footprints[Int(n)]
            guard incident.isOpen, incident.location == nil, report.category == incident.category
            else { return }
            let seconds = gap(report.time, incident)
            guard seconds <= rules.window(report.category, incident.category).seconds else { return }
            if best.map({ seconds < $0.seconds || (seconds == $0.seconds && n < $0.n) }) ?? true { best = (n, seconds) }
        }
        return best.map { Match(incident: $0.n, reason: MergeReason(rule: .adcode, seconds: $0.seconds.rounded())) }
    }

    /// Seconds between a report and the span of an incident's reports (0 inside the span).
    func gap(_ t: Instant, _ incident: Footprint) -> Double {
        if t < incident.opened { return incident.opened.seconds(since: t) }
        if t > incident.lastReport { return t.seconds(since: incident.lastReport) }
        return 0
    }
}

extension Board {
    /// Finds the report a `ref` names: `source#id`, or an id from the same source, or an id
    /// from another office of the same city.
    public func resolve(ref: String, from source: String) -> ReportKey? {
        if let key = ReportKey(parsing: ref), reports.contains(key) { return key }
        let same = ReportKey(source: source, id: ref)
        if reports.contains(same) { return same }
        return reportsById[Self.refKey(ref, from: source)]
    }
}
