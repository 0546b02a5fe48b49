extension Board {
    /// Carries out an accepted command. It was checked against this board when it was
    /// accepted, so it is applied as recorded; one that names no incident changes nothing.
    /// A merge, split, dispatch or status changes nothing here: its decision entries follow.
    mutating func carryOut(_ command: Command) -> [Effect] {
        guard let id = command.incident, let n = Self.number(of: id), n >= 1, n <= incidents.count else { return [] }
        let i = n - 1
        switch command {
        case .ack:
            incidents[i].status = .acknowledged
            incidents[i].wasAcknowledged = true
        case let .level(_, level):
            incidents[i].level = level
        case let .note(_, text):
            incidents[i].notes.append(text)
        case .close:
            incidents[i].status = .closed
        case .reopen:
            incidents[i].status = incidents[i].wasAcknowledged ? .acknowledged : .new
            // The spatial index lets closed incidents go; a reopened one must be found again.
            if let p = incidents[i].location {
                spatial.insert(Int32(i), at: p, reachMetres: rules.window(incidents[i].category).metres)
            }
        case .merge, .split, .dispatch, .status:
            // Carried out by the decision entries that follow (merge, split, orders, unit status).
            return []
        }
        refreshFootprint(i)
        return [.incidentChanged(incidents[i].id)]
    }
}
