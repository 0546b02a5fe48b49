/// What became of an operator's command: the answer the officer sees at once, and the
/// entries that record it (already applied to the board and sealed; the runtime commits them
/// before it shows the answer).
public struct CommandOutcome: Sendable, Equatable {
    public var accepted: Bool
    /// One line: `accepted: ack SD-0003`, or `rejected: ` and the reason.
    public var answer: String
    /// Why it was refused; nil when accepted.
    public var reason: String?
    /// The command as parsed; nil when the text did not parse.
    public var command: Command?
    /// `command.accepted` (then, for merge and split, the decision; for dispatch, one
    /// `dispatch.queued` per unit; for status, the `unit.status`), or one `command.rejected`.
    /// Empty for a dispatch retried with a key that already made its orders.
    public var entries: [SealedEntry]
}

extension Intake {
    /// Runs one command of the grammar typed by operator `id` at `at`. Whatever happens it is
    /// logged: accepted with what it did, or rejected with the reason. `key` is the client's
    /// idempotency key for a dispatch: the same command sent again with the same key (a retry
    /// after a lost answer) is answered as accepted and makes no second order.
    /// A console with a `jurisdiction` acts only on incidents inside it.
    public mutating func command(_ text: String, operator id: String, at: Instant, key: String? = nil, role: Role = .operator,
                                 jurisdiction: Jurisdiction? = nil) -> CommandOutcome {
        let command: Command
        do throws(CommandRejected) {
            command = try CommandParser.parse(text)
        } catch {
            return refuse(text, nil, reason: error.message, operator: id, role: role, exercise: self.exercise, at: at)
        }
        // Every command of the grammar changes something: an observer's is refused, and logged.
        if role == .observer {
            return refuse(text, command, reason: "\(command.normalized): an observer console cannot change the board; a duty officer's console can",
                          operator: id, role: role, exercise: self.exercise, at: at)
        }
        // Training stays training: a command takes the flag of the incident it acts on (a
        // unit's, of the incident it is on).
        let incident = command.incident ?? unitIncident(command)
        let exercise = incident.flatMap { board.incident($0)?.exercise } ?? self.exercise
        if let jurisdiction, let outside = Self.touched(command, unitIncident: incident).compactMap(board.incident).first(where: { !jurisdiction.covers($0.placement) }) {
            return refuse(text, command, reason: "\(command.normalized): \(outside.id) is outside this console's jurisdiction (\(jurisdiction.prefix))",
                          operator: id, role: role, exercise: exercise, at: at)
        }
        if let key, let retried = alreadyQueued(command, key: key) {
            return CommandOutcome(accepted: true, answer: "accepted: \(command.normalized) (already queued as \(retried))",
                                  reason: nil, command: command, entries: [])
        }
        let decisions: [LogEvent]
        do throws(CommandRejected) {
            decisions = try check(command, key: key)
        } catch {
            return refuse(text, command, reason: error.message, operator: id, role: role, exercise: exercise, at: at)
        }
        let actor = "operator:" + id
        let acceptance = CommandAcceptance(text: text, command: command, operatorID: id, role: role)
        var entries = [record(LogEntry(at: at, actor: actor, exercise: exercise, event: .commandAccepted(acceptance)))]
        var answer = "accepted: " + command.normalized
        var orders: [String] = []
        for decision in decisions {
            var event = decision
            // An order's id is only known once the orders before it are on the board.
            if case .dispatchQueued(var q) = event {
                q.order = board.nextOrderID
                orders.append(q.order)
                event = .dispatchQueued(q)
            }
            entries.append(record(LogEntry(at: at, actor: actor, exercise: exercise, event: event)))
            if case .incidentSplit(let split) = decision { answer += " into \(split.into)" }
        }
        if !orders.isEmpty { answer += " as " + orders.joined(separator: ", ") }
        return CommandOutcome(accepted: true, answer: answer, reason: nil, command: command, entries: entries)
    }

    /// Checks a command against the board and returns the decisions that carry it out
    /// (merge and split's, dispatch's orders, status's unit change); none for the rest.
    func check(_ command: Command, key: String? = nil) throws(CommandRejected) -> [LogEvent] {
        do throws(CorrectionRejected) {
            switch command {
            case let .merge(into, from): return [try mergeDecision(into: into, from: from)]
            case let .split(id, report): return [try splitDecision(incident: id, report: report)]
            default: break
            }
        } catch {
            throw CommandRejected(error.message)
        }
        if case let .status(unit, status) = command { return [try statusDecision(unit: unit, status: status)] }
        let said = command.normalized
        guard let id = command.incident else { return [] }
        guard let incident = board.incident(id) else { throw CommandRejected("\(said): no incident \(id)") }
        if let into = incident.mergedInto {
            throw CommandRejected("\(said): \(id) is merged into \(into); act on \(into) instead")
        }
        switch command {
        case .ack:
            if incident.status == .acknowledged { throw CommandRejected("\(said): \(id) is already acknowledged") }
            if incident.status == .closed { throw CommandRejected("\(said): \(id) is closed; reopen it first") }
        case let .level(_, level):
            if incident.status == .closed { throw CommandRejected("\(said): \(id) is closed; reopen it first") }
            if incident.level == level { throw CommandRejected("\(said): \(id) is already level \(level.rawValue)") }
        case .note:
            // A closed incident still takes notes: follow-up is written after the fact.
            break
        case .close:
            if incident.status == .closed { throw CommandRejected("\(said): \(id) is already closed") }
        case .reopen:
            if incident.isOpen { throw CommandRejected("\(said): \(id) is not closed; it is \(incident.status.rawValue)") }
        case let .dispatch(_, units, note):
            return try dispatchDecisions(said, incident: incident, units: units, note: note, key: key)
        case .merge, .split, .status:
            break
        }
        return []
    }

    private mutating func refuse(
        _ text: String, _ command: Command?, reason: String, operator id: String, role: Role, exercise: Bool, at: Instant
    ) -> CommandOutcome {
        let refusal = CommandRefusal(text: text, reason: reason, operatorID: id, role: role)
        let sealed = record(LogEntry(at: at, actor: "operator:" + id, exercise: exercise, event: .commandRejected(refusal)))
        return CommandOutcome(accepted: false, answer: "rejected: " + reason, reason: reason, command: command, entries: [sealed])
    }

    /// Every incident a command acts on: both of a merge, and a unit's for a status.
    private static func touched(_ command: Command, unitIncident: String?) -> [String] {
        if case let .merge(into, from) = command { return [into, from] }
        return unitIncident.map { [$0] } ?? []
    }
}
