import Foundation

extension Intake {
    /// What a new, valid message means. Throws when it cannot be applied (an update of a
    /// report this board never saw, an alert that is not valid CAP).
    mutating func decide(_ message: FeedMessage) throws(RejectReason) -> [LogEvent] {
        switch message {
        case .report(let report):
            return decideReport(report)
        case .update(let update):
            let (key, incident) = try target(update.ref, from: update.envelope)
            return [.incidentUpdated(IncidentUpdate(
                incident: incident.id, report: key, by: update.envelope.key, level: update.level,
                category: update.category, title: update.title, description: update.description,
                withdrawn: false, reason: nil
            ))]
        case .cancel(let cancel):
            let (key, incident) = try target(cancel.ref, from: cancel.envelope)
            var events: [LogEvent] = [.incidentUpdated(IncidentUpdate(
                incident: incident.id, report: key, by: cancel.envelope.key, level: nil, category: nil,
                title: nil, description: nil, withdrawn: true, reason: cancel.reason
            ))]
            let othersLive = incident.reports.contains { $0 != key && board.reports[$0]?.withdrawn == false }
            if !othersLive && incident.isOpen {
                events.append(.incidentClosed(incident: incident.id, reason: "withdrawn by \(cancel.envelope.agency.rawValue): \(cancel.reason)"))
            }
            return events
        case .unitStatus(let s):
            var incident: String?
            if let ref = s.incident {
                if board.incident(ref) != nil {
                    incident = ref
                } else if let key = board.resolve(ref: ref, from: s.envelope.key.source) {
                    incident = board.incident(of: key)?.id
                }
            }
            return [.unitStatus(UnitStatusChange(unit: s.unit, agency: s.envelope.agency, status: s.status, location: s.location, incident: incident))]
        case .alert(_, let xml):
            return try decideAlert(xml)
        case .heartbeat, .expectations:
            // A heartbeat decides nothing; expectations are admitted before any decision.
            return []
        }
    }

    mutating func decideReport(_ report: Report) -> [LogEvent] {
        let placement = correlator.places.placement(of: report.location, adcode: report.adcode)
        if let match = correlator.match(report, placement: placement, in: &board) {
            let target = board.incidents[Int(match.incident)].id
            return [.incidentMerged(IncidentMerge(incident: target, report: report.key, from: nil, reason: match.reason))]
                + match.absorbs.map { other in
                    .incidentMerged(IncidentMerge(incident: target, report: nil, from: board.incidents[Int(other)].id, reason: match.reason))
                }
        }
        return [.incidentOpened(IncidentOpening(
            incident: "", report: report.key,
            placement: placement,
            category: report.category, level: report.level ?? .IV, title: report.title
        ))]
    }

    func target(_ ref: String, from envelope: Envelope) throws(RejectReason) -> (ReportKey, Incident) {
        guard let key = board.resolve(ref: ref, from: envelope.key.source), let incident = board.incident(of: key) else {
            throw RejectReason("\(envelope.type) refers to report \"\(ref.prefix(60))\", which this board has not seen")
        }
        // An agency changes or withdraws only what it reported itself.
        guard board.reports[key]?.agency == envelope.agency else {
            throw RejectReason("\(envelope.type) from \(envelope.agency.rawValue) refers to \(key), a report of another agency; only its own agency may change it")
        }
        return (key, incident)
    }

    /// Warnings whose `expires` has passed end now.
    mutating func expireWarnings(at now: Instant) -> [LogEntry] {
        var entries: [LogEntry] = []
        guard let next = board.nextExpiry, next <= now else { return entries }
        for w in board.activeWarnings {
            if let expires = w.expires, expires <= now {
                let entry = LogEntry(at: now, actor: "system", exercise: exercise, event: .warningExpired(warning: w.id))
                _ = board.apply(entry)
                entries.append(entry)
            }
        }
        return entries
    }
}
