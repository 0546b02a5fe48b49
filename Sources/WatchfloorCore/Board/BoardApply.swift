extension Board {
    /// Folds one entry into the board and says what changed.
    public mutating func apply(_ entry: LogEntry) -> [Effect] {
        // A rejected line says nothing reliable about the time: it does not move the clock.
        // Nor do a scenario's expectations, which are not part of the world it plays.
        if entry.kind != .reportRejected, entry.kind != .trainingExpectations, clock.map({ entry.at > $0 }) ?? true { clock = entry.at }
        switch entry.event {
        case let .trainingExpectations(_, _, expectations, _):
            // Only noted as seen, so that the line sent again is a duplicate like any message.
            otherMessages.insert(expectations.key)
            return []
        case let .reportAccepted(feed, _, message, _):
            accept(message)
            let time = message.time
            var tally = feedTallies[feed] ?? FeedTally()
            tally.accepted += 1
            tally.lastMessage = max(time, tally.lastMessage ?? time)
            feedTallies[feed] = tally
            return []
        case .reportRejected(let r):
            rejectedCount += 1
            feedTallies[r.feed, default: FeedTally()].rejected += 1
            if recentRejections.count >= Self.recentRejectionLimit { recentRejections.removeFirst() }
            recentRejections.append((entry.at, r))
            return [.rejected(r)]
        case .feedState(let f):
            feedStates[f.feed] = LoggedFeedState(state: f.state, since: entry.at, reason: f.reason)
            return []
        case let .reportDuplicate(feed, _, _):
            duplicateCount += 1
            feedTallies[feed, default: FeedTally()].duplicates += 1
            return []
        case .incidentOpened(let o):
            return open(o, exercise: entry.exercise)
        case .incidentMerged(let m):
            return merge(m)
        case .incidentUpdated(let u):
            return update(u)
        case let .incidentClosed(id, _):
            guard let n = Self.number(of: id), n >= 1, n <= incidents.count else { return [] }
            incidents[n - 1].status = .closed
            refreshFootprint(n - 1)
            return [.incidentChanged(id)]
        case .incidentSplit(let split):
            return self.split(split, exercise: entry.exercise)
        case .warningIssued(let w), .warningUpdated(let w):
            return issue(w)
        case let .warningCancelled(id, cancels, _):
            return end(cancels + [id], as: .cancelled)
        case let .warningExpired(id):
            return end([id], as: .expired)
        case .unitStatus(let change):
            return unitStatus(change)
        case .commandAccepted(let accepted):
            return carryOut(accepted.command)
        case .commandRejected:
            return []
        case .dispatchQueued, .dispatchClaimed, .dispatchAcked, .dispatchFailed:
            return dispatch(entry)
        }
    }

    private mutating func accept(_ message: FeedMessage) {
        switch message {
        case .report(let report):
            reports[report.key] = report
            let scoped = Self.refKey(report.key.id, from: report.key.source)
            if reportsById[scoped] == nil { reportsById[scoped] = report.key }
        default:
            otherMessages.insert(message.key)
        }
    }

    private mutating func open(_ o: IncidentOpening, exercise: Bool) -> [Effect] {
        guard let report = reports[o.report] else { return [] }
        let number = Int32(incidents.count)
        var incident = Incident(
            id: o.incident, category: o.category, level: o.level, title: o.title, location: report.location,
            placement: o.placement, opened: report.time, lastReport: report.time, reports: [o.report]
        )
        incident.exercise = exercise
        if let p = report.location {
            incident.warnings = activeWarnings.filter { $0.covers(p) }.map(\.id)
            spatial.insert(number, at: p, reachMetres: rules.window(o.category).metres)
        }
        if let county = o.placement.countyCode {
            byCounty.note(number, county: county, at: report.time, located: report.location != nil)
        }
        incidents.append(incident)
        refreshFootprint(Int(number))
        incidentOfReport[o.report] = number
        for ref in report.refs { referencedBy[Self.refKey(ref, from: report.key.source)] = number }
        return [.incidentOpened(o.incident)]
    }

    private mutating func merge(_ m: IncidentMerge) -> [Effect] {
        guard let n = Self.number(of: m.incident), n >= 1, n <= incidents.count else { return [] }
        if let from = m.from { return fold(from, into: n - 1, reason: m.reason) }
        guard let key = m.report, let report = reports[key] else { return [] }
        let i = n - 1
        incidents[i].reports.append(key)
        incidents[i].merges.append((key, m.reason))
        incidents[i].lastReport = max(incidents[i].lastReport, report.time)
        if let level = report.level, level < incidents[i].level { incidents[i].level = level }
        if incidents[i].location == nil, let p = report.location {
            incidents[i].location = p
            incidents[i].warnings = activeWarnings.filter { $0.covers(p) }.map(\.id)
        }
        // Noted again with its new activity: the index may have let it go while it was quiet.
        if let p = incidents[i].location {
            spatial.insert(Int32(i), at: p, reachMetres: rules.window(incidents[i].category).metres)
        }
        incidentOfReport[key] = Int32(i)
        refreshFootprint(i)
        if let county = incidents[i].placement.countyCode {
            byCounty.note(Int32(i), county: county, at: report.time, located: incidents[i].location != nil)
        }
        for ref in report.refs { referencedBy[Self.refKey(ref, from: report.key.source)] = Int32(i) }
        return [.incidentChanged(m.incident)]
    }

    /// One incident turns out to be another seen apart: its reports, units and warnings move
    /// over, and it stays on the board as `merged` so its id still means something.
    private mutating func fold(_ fromID: String, into i: Int, reason: MergeReason) -> [Effect] {
        guard let f = Self.number(of: fromID), f >= 1, f <= incidents.count, f - 1 != i else { return [] }
        let from = incidents[f - 1]
        for key in from.reports {
            incidents[i].reports.append(key)
            incidents[i].merges.append((key, reason))
            incidentOfReport[key] = Int32(i)
        }
        incidents[i].opened = min(incidents[i].opened, from.opened)
        incidents[i].lastReport = max(incidents[i].lastReport, from.lastReport)
        incidents[i].level = min(incidents[i].level, from.level)
        if incidents[i].location == nil { incidents[i].location = from.location }
        for u in from.units where !incidents[i].units.contains(u) { incidents[i].units.append(u) }
        for w in from.warnings where !incidents[i].warnings.contains(w) { incidents[i].warnings.append(w) }
        incidents[i].notes += from.notes
        for u in from.units { units[u]?.incident = incidents[i].id }
        incidents[f - 1].status = .merged
        incidents[f - 1].mergedInto = incidents[i].id
        incidents[f - 1].units = []
        refreshFootprint(i)
        refreshFootprint(f - 1)
        return [.incidentChanged(incidents[i].id), .incidentChanged(fromID)]
    }

    /// A report leaves its incident and starts one of its own; what the incident shows is
    /// worked out again from the reports it keeps.
    private mutating func split(_ s: IncidentSplit, exercise: Bool) -> [Effect] {
        guard let n = Self.number(of: s.incident), n >= 1, n <= incidents.count, let report = reports[s.report],
              incidents[n - 1].reports.contains(s.report)
        else { return [] }
        let i = n - 1
        incidents[i].reports.removeAll { $0 == s.report }
        incidents[i].merges.removeAll { $0.report == s.report }
        let kept = incidents[i].reports.compactMap { reports[$0] }
        if let first = kept.first {
            incidents[i].title = first.title
            incidents[i].category = first.category
            incidents[i].location = kept.first(where: { $0.location != nil })?.location
            incidents[i].opened = kept.map(\.time).min() ?? first.time
            incidents[i].lastReport = kept.map(\.time).max() ?? first.time
            incidents[i].level = kept.filter { !$0.withdrawn }.compactMap(\.level).min() ?? incidents[i].level
        }
        refreshFootprint(i)
        let opening = IncidentOpening(
            incident: s.into, report: s.report, placement: s.placement, category: report.category,
            level: report.level ?? .IV, title: report.title
        )
        return [.incidentChanged(s.incident)] + open(opening, exercise: exercise)
    }

    private mutating func update(_ u: IncidentUpdate) -> [Effect] {
        guard let n = Self.number(of: u.incident), n >= 1, n <= incidents.count, var report = reports[u.report] else {
            return []
        }
        if let level = u.level { report.level = level }
        if let category = u.category { report.category = category }
        if let title = u.title { report.title = title }
        if let description = u.description { report.description = description }
        if u.withdrawn { report.withdrawn = true }
        reports[u.report] = report
        let i = n - 1
        // The incident's level is the gravest its live reports give; its title and category
        // follow its first report.
        let live = incidents[i].reports.compactMap { reports[$0] }.filter { !$0.withdrawn }
        if let gravest = live.compactMap(\.level).min() { incidents[i].level = gravest }
        if incidents[i].reports.first == u.report {
            incidents[i].title = report.title
            incidents[i].category = report.category
        }
        refreshFootprint(i)
        return [.incidentChanged(u.incident)]
    }

    private mutating func issue(_ w: Warning) -> [Effect] {
        var effects = end(w.replaces, as: .superseded)
        if warnings[w.id] == nil { warningOrder.append(w.id) }
        warnings[w.id] = w
        for i in incidents.indices where incidents[i].isOpen {
            guard let p = incidents[i].location, w.covers(p), !incidents[i].warnings.contains(w.id) else { continue }
            incidents[i].warnings.append(w.id)
            effects.append(.incidentChanged(incidents[i].id))
        }
        effects.append(.warningChanged(w.id))
        refreshNextExpiry()
        return effects
    }

    private mutating func end(_ ids: [String], as status: WarningStatus) -> [Effect] {
        var effects: [Effect] = []
        for id in ids where warnings[id]?.status == .active {
            warnings[id]?.status = status
            effects.append(.warningChanged(id))
            for i in incidents.indices where incidents[i].warnings.contains(id) {
                incidents[i].warnings.removeAll { $0 == id }
                effects.append(.incidentChanged(incidents[i].id))
            }
        }
        refreshNextExpiry()
        return effects
    }

    private mutating func refreshNextExpiry() {
        nextExpiry = warnings.values.filter { $0.status == .active }.compactMap(\.expires).min()
    }

    mutating func unitStatus(_ change: UnitStatusChange) -> [Effect] {
        var unit = units[change.unit] ?? Unit(
            id: change.unit, agency: change.agency,
            kind: "", name: change.unit, adcode: "", station: "", home: change.location ?? GeoPoint(lat: 0, lon: 0)
        )
        let previousIncident = unit.incident
        unit.status = change.status
        if let p = change.location { unit.position = p }
        unit.incident = change.status == .available || change.status == .outOfService ? nil : (change.incident ?? unit.incident)
        units[change.unit] = unit
        var effects: [Effect] = [.unitChanged(change.unit)]
        if let old = previousIncident, old != unit.incident, let n = Self.number(of: old), n >= 1, n <= incidents.count {
            incidents[n - 1].units.removeAll { $0 == change.unit }
            effects.append(.incidentChanged(old))
        }
        if let new = unit.incident, let n = Self.number(of: new), n >= 1, n <= incidents.count,
           !incidents[n - 1].units.contains(change.unit) {
            incidents[n - 1].units.append(change.unit)
            effects.append(.incidentChanged(new))
        }
        return effects
    }
}
