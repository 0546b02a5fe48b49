/// One board command of the operator grammar (DESIGN §4), parsed: incident ids are in their
/// board form (`SD-0042`) whatever the officer typed.
public enum Command: Sendable, Equatable {
    case ack(incident: String)
    case level(incident: String, level: Level)
    /// Folds incident `from` into incident `into`.
    case merge(into: String, from: String)
    /// Takes `report` (`source#id`, or an id unique on the board) out of `incident`.
    case split(incident: String, report: String)
    case note(incident: String, text: String)
    case close(incident: String, reason: String?)
    case reopen(incident: String)
    /// Sends units to an incident: one dispatch order each. With no units, the officer is
    /// asking what to send (the refusal names the run card's nearest units).
    case dispatch(incident: String, units: [String], note: String?)
    /// Sets a unit's status by hand (an agency's word on the phone).
    case status(unit: String, status: UnitStatus)

    /// The canonical verb (never an alias).
    public var verb: String {
        switch self {
        case .ack: "ack"
        case .level: "level"
        case .merge: "merge"
        case .split: "split"
        case .note: "note"
        case .close: "close"
        case .reopen: "reopen"
        case .dispatch: "dispatch"
        case .status: "status"
        }
    }

    /// The incident the command acts on; for `merge`, the one that remains; nil for `status`,
    /// which acts on a unit.
    public var incident: String? {
        switch self {
        case .ack(let id), .level(let id, _), .merge(let id, _), .split(let id, _), .note(let id, _),
             .close(let id, _), .reopen(let id), .dispatch(let id, _, _):
            id
        case .status:
            nil
        }
    }

    /// The command as the grammar spells it, with board ids: what the answer and the log show,
    /// so `ack 42` and `:ACK sd-042` read the same afterwards.
    public var normalized: String {
        switch self {
        case .ack(let id): "ack \(id)"
        case let .level(id, level): "level \(id) \(level.rawValue)"
        case let .merge(into, from): "merge \(into) \(from)"
        case let .split(id, report): "split \(id) \(report)"
        case let .note(id, text): "note \(id) \(text)"
        case let .close(id, reason): "close \(id)" + (reason.map { " \($0)" } ?? "")
        case .reopen(let id): "reopen \(id)"
        case let .dispatch(id, units, note):
            (["dispatch", id] + units).joined(separator: " ") + (note.map { " -- \($0)" } ?? "")
        case let .status(unit, status): "status \(unit) \(status.rawValue)"
        }
    }
}

/// Why a command was refused, in one line the officer can act on. The message starts with
/// the command, as typed or as normalized, so it reads on its own in the log.
public struct CommandRejected: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
