/// The decisions of `dispatch` and `status`: checked against the board as it is when the
/// command is decided, so that the store's write transaction (which decides on its latest
/// state) never lets two consoles send one unit twice.
extension Intake {
    /// One `dispatch.queued` per unit, or the first reason one of them cannot go.
    func dispatchDecisions(_ said: String, incident: Incident, units: [String], note: String?, key: String?) throws(CommandRejected) -> [LogEvent] {
        let id = incident.id
        if !incident.isOpen { throw CommandRejected("\(said): \(id) is closed; reopen it first") }
        let card = RunCard.card(for: incident.category)
        if units.isEmpty {
            let suggested = board.recommendation(for: id)
                .map { "\($0.unit) (\($0.kind), \(Self.distance($0.metres)))" }
            let hint = suggested.isEmpty ? "no available unit of the run card's kinds has a known distance" : "nearest available: " + suggested.joined(separator: ", ")
            throw CommandRejected("\(said): name the units to send; \(hint)")
        }
        var seen: Set<String> = []
        var events: [LogEvent] = []
        for name in units {
            if !seen.insert(name).inserted { throw CommandRejected("\(said): \(name) is named twice") }
            guard let unit = board.units[name] else { throw CommandRejected("\(said): no unit \(name)") }
            guard card.agencies.contains(unit.agency) else {
                let fitting = Agency.allCases.filter(card.agencies.contains).map(\.rawValue).joined(separator: ", ")
                throw CommandRejected("\(said): \(name) is a \(unit.agency.rawValue) unit; a \(incident.category.rawValue) incident takes \(fitting) units")
            }
            if unit.incident == id {
                let order = board.openOrder(unit: name).map { " (order \($0.id), \($0.state.rawValue))" } ?? ""
                throw CommandRejected("\(said): \(name) is already on \(id)\(order)")
            }
            guard unit.status == .available else {
                let on = unit.incident.map { " on \($0)" } ?? ""
                throw CommandRejected("\(said): \(name) is not available: it is \(unit.status.rawValue)\(on)")
            }
            events.append(.dispatchQueued(DispatchQueued(
                order: "", key: orderKey(incident: id, unit: name, client: key), incident: id, unit: name,
                agency: unit.agency, note: note, kind: unit.kind.isEmpty ? nil : unit.kind
            )))
        }
        return events
    }

    /// The idempotency key of an order. With the client's key, that key and the unit (one
    /// command makes one order per unit). Without, the incident, the unit and which sending of
    /// that unit to that incident this is: two consoles deciding on the same board derive the
    /// same key, and the store's UNIQUE constraint refuses the second.
    func orderKey(incident: String, unit: String, client: String?) -> String {
        if let client { return "key:\(client)/\(unit)" }
        let earlier = board.orders.reduce(0) { $0 + ($1.incident == incident && $1.unit == unit ? 1 : 0) }
        return "\(incident)/\(unit)/\(earlier + 1)"
    }

    /// The orders a dispatch sent with `key` already made, when it made them all.
    func alreadyQueued(_ command: Command, key: String) -> String? {
        guard case let .dispatch(id, units, _) = command, !units.isEmpty else { return nil }
        let orders = units.compactMap { board.order(key: orderKey(incident: id, unit: $0, client: key)) }
        guard orders.count == units.count else { return nil }
        return orders.map(\.id).joined(separator: ", ")
    }

    /// A status set by hand: the unit must exist and the status change. `dispatched` comes
    /// only with an order, and en route or on scene only for a unit that is on an incident.
    func statusDecision(unit name: String, status: UnitStatus) throws(CommandRejected) -> LogEvent {
        let said = "status \(name) \(status.rawValue)"
        guard let unit = board.units[name] else { throw CommandRejected("\(said): no unit \(name)") }
        if unit.status == status { throw CommandRejected("\(said): \(name) is already \(status.rawValue)") }
        if status == .dispatched { throw CommandRejected("\(said): a unit is dispatched by `dispatch INC \(name)`, which queues its order") }
        if (status == .enroute || status == .onscene), unit.incident == nil {
            throw CommandRejected("\(said): \(name) is not on an incident; dispatch it first")
        }
        return .unitStatus(UnitStatusChange(unit: name, agency: unit.agency, status: status, location: nil, incident: unit.incident))
    }

    /// The incident of the unit a `status` command names.
    func unitIncident(_ command: Command) -> String? {
        guard case let .status(unit, _) = command else { return nil }
        return board.units[unit]?.incident
    }

    static func distance(_ metres: Double) -> String {
        metres < 1000 ? "\(Int(metres.rounded())) m" : "\(Double(Int((metres / 100).rounded())) / 10) km"
    }
}
