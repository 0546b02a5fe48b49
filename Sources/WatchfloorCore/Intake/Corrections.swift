/// Why an operator's correction was refused, naming the thing that is wrong.
public struct CorrectionRejected: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `merge` and `split`: an operator corrects the correlation by hand (DESIGN §4). Each is a
/// pure decision checked against the board; the command line (issue 3) records what they
/// return with the operator as actor.
extension Intake {
    /// Folds incident `from` into incident `into`.
    public func mergeDecision(into: String, from: String) throws(CorrectionRejected) -> LogEvent {
        guard into != from else { throw CorrectionRejected("merge \(into) \(from): an incident cannot be merged with itself") }
        let target = try openIncident(into, command: "merge \(into) \(from)")
        let source = try openIncident(from, command: "merge \(into) \(from)")
        return .incidentMerged(IncidentMerge(
            incident: target.id, report: nil, from: source.id, reason: MergeReason(rule: .operator)
        ))
    }

    /// Takes `report` (`source#id`, or an id unique on the board) out of `incident` into a new one.
    public func splitDecision(incident id: String, report ref: String) throws(CorrectionRejected) -> LogEvent {
        let command = "split \(id) \(ref)"
        let incident = try openIncident(id, command: command)
        guard let key = incident.reports.first(where: { $0.description == ref || $0.id == ref }) else {
            throw CorrectionRejected("\(command): \(id) has no report \(ref)")
        }
        guard incident.reports.count > 1 else {
            throw CorrectionRejected("\(command): \(ref) is the only report of \(id); nothing to split from")
        }
        let report = board.reports[key]
        return .incidentSplit(IncidentSplit(
            incident: incident.id, report: key, into: board.nextIncidentID,
            placement: correlator.places.placement(of: report?.location, adcode: report?.adcode)
        ))
    }

    private func openIncident(_ id: String, command: String) throws(CorrectionRejected) -> Incident {
        guard let incident = board.incident(id) else { throw CorrectionRejected("\(command): no incident \(id)") }
        guard incident.isOpen else {
            throw CorrectionRejected("\(command): \(id) is \(incident.status.rawValue)\(incident.mergedInto.map { " into \($0)" } ?? "")")
        }
        return incident
    }
}
