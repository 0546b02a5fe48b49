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
    /// `command.accepted` (then, for merge and split, the decision), or one `command.rejected`.
    public var entries: [SealedEntry]
}

extension Intake {
    /// Runs one command of the grammar typed by operator `id` at `at`. Whatever happens it is
    /// logged: accepted with what it did, or rejected with the reason.
    public mutating func command(_ text: String, operator id: String, at: Instant) -> CommandOutcome {
        let command: Command
        do throws(CommandRejected) {
            command = try CommandParser.parse(text)
        } catch {
            return refuse(text, nil, reason: error.message, operator: id, exercise: self.exercise, at: at)
        }
        // Training stays training: a command takes the flag of the incident it acts on.
        let exercise = board.incident(command.incident)?.exercise ?? self.exercise
        let decision: LogEvent?
        do throws(CommandRejected) {
            decision = try check(command)
        } catch {
            return refuse(text, command, reason: error.message, operator: id, exercise: exercise, at: at)
        }
        let actor = "operator:" + id
        let acceptance = CommandAcceptance(text: text, command: command, operatorID: id)
        var entries = [record(LogEntry(at: at, actor: actor, exercise: exercise, event: .commandAccepted(acceptance)))]
        var answer = "accepted: " + command.normalized
        if let decision {
            entries.append(record(LogEntry(at: at, actor: actor, exercise: exercise, event: decision)))
            if case .incidentSplit(let split) = decision { answer += " into \(split.into)" }
        }
        return CommandOutcome(accepted: true, answer: answer, reason: nil, command: command, entries: entries)
    }

    /// Checks a command against the board. Merge and split return their decision.
    func check(_ command: Command) throws(CommandRejected) -> LogEvent? {
        do throws(CorrectionRejected) {
            switch command {
            case let .merge(into, from): return try mergeDecision(into: into, from: from)
            case let .split(id, report): return try splitDecision(incident: id, report: report)
            default: break
            }
        } catch {
            throw CommandRejected(error.message)
        }
        let said = command.normalized, id = command.incident
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
        case .merge, .split:
            break
        }
        return nil
    }

    private mutating func refuse(
        _ text: String, _ command: Command?, reason: String, operator id: String, exercise: Bool, at: Instant
    ) -> CommandOutcome {
        let refusal = CommandRefusal(text: text, reason: reason, operatorID: id)
        let sealed = record(LogEntry(at: at, actor: "operator:" + id, exercise: exercise, event: .commandRejected(refusal)))
        return CommandOutcome(accepted: false, answer: "rejected: " + reason, reason: reason, command: command, entries: [sealed])
    }
}
