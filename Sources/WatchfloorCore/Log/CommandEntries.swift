/// An operator's command that the board accepted: what was typed, what it was read as, and
/// who typed it. Applying it changes the board for ack, level, note, close and reopen; a
/// merge or split is carried out by the decision entry that follows it.
public struct CommandAcceptance: Sendable, Equatable {
    /// The command exactly as typed.
    public var text: String
    public var command: Command
    /// The operator's id, without the `operator:` of the actor.
    public var operatorID: String
    public var role: Role

    public init(text: String, command: Command, operatorID: String, role: Role = .operator) {
        self.text = text
        self.command = command
        self.operatorID = operatorID
        self.role = role
    }
}

/// An operator's command that was refused, logged too (DESIGN §4) so a shift's record shows
/// what was tried as well as what was done.
public struct CommandRefusal: Sendable, Equatable {
    /// The command exactly as typed.
    public var text: String
    /// The one-line reason the officer was given.
    public var reason: String
    public var operatorID: String
    public var role: Role

    public init(text: String, reason: String, operatorID: String, role: Role = .operator) {
        self.text = text
        self.reason = reason
        self.operatorID = operatorID
        self.role = role
    }
}

/// The `data` of `command.accepted` and `command.rejected`, written and read back.
enum CommandCoding {
    static func write(_ a: CommandAcceptance, to w: inout JSONWriter) {
        w.member("text", a.text)
        w.member("command", a.command.normalized)
        w.member("verb", a.command.verb)
        w.member("incident", a.command.incident)
        switch a.command {
        case .ack, .reopen:
            break
        case let .level(_, level):
            w.member("level", level.rawValue)
        case let .merge(_, from):
            w.member("from", from)
        case let .split(_, report):
            w.member("report", report)
        case let .note(_, text):
            w.member("note", text)
        case let .close(_, reason):
            w.member("reason", reason)
        case let .dispatch(_, units, note):
            w.key("units")
            w.beginArray()
            for u in units { w.string(u) }
            w.endArray()
            w.member("note", note)
        case let .status(unit, status):
            w.member("unit", unit)
            w.member("status", status.rawValue)
        }
        w.member("operator", a.operatorID)
        w.member("role", a.role.rawValue)
    }

    static func write(_ r: CommandRefusal, to w: inout JSONWriter) {
        w.member("text", r.text)
        w.member("reason", r.reason)
        w.member("operator", r.operatorID)
        w.member("role", r.role.rawValue)
    }

    static func readAcceptance(_ d: JSONValue) throws(LogLineError) -> CommandAcceptance {
        func string(_ name: String) throws(LogLineError) -> String {
            guard let s = d[name]?.stringValue else { throw LogLineError("command.accepted entry lacks `\(name)`") }
            return s
        }
        let verb = try string("verb")
        let command: Command
        if verb == "status" {
            guard let status = UnitStatus(rawValue: try string("status")) else { throw LogLineError("command.accepted entry has an unknown unit status") }
            command = .status(unit: try string("unit"), status: status)
            return CommandAcceptance(text: try string("text"), command: command, operatorID: try string("operator"))
        }
        let incident = try string("incident")
        switch verb {
        case "ack": command = .ack(incident: incident)
        case "level":
            guard let level = Level(rawValue: try string("level")) else { throw LogLineError("command.accepted entry has an unknown level") }
            command = .level(incident: incident, level: level)
        case "merge": command = .merge(into: incident, from: try string("from"))
        case "split": command = .split(incident: incident, report: try string("report"))
        case "note": command = .note(incident: incident, text: try string("note"))
        case "close": command = .close(incident: incident, reason: d["reason"]?.stringValue)
        case "reopen": command = .reopen(incident: incident)
        case "dispatch":
            command = .dispatch(incident: incident, units: (d["units"]?.arrayValue ?? []).compactMap(\.stringValue),
                                note: d["note"]?.stringValue)
        default:
            // Like any kind this version does not know: a rebuild skips it (a later
            // version's `dispatch`) instead of failing.
            throw LogLineError("entries of kind command.accepted with verb `\(verb)` are not read back by this version", laterVersion: true)
        }
        return CommandAcceptance(text: try string("text"), command: command, operatorID: try string("operator"), role: role(d))
    }

    /// Logs written before roles were recorded were written by operators.
    static func role(_ d: JSONValue) -> Role {
        d["role"]?.stringValue.flatMap(Role.init(rawValue:)) ?? .operator
    }

    static func readRefusal(_ d: JSONValue) throws(LogLineError) -> CommandRefusal {
        guard let text = d["text"]?.stringValue, let reason = d["reason"]?.stringValue, let op = d["operator"]?.stringValue else {
            throw LogLineError("command.rejected entry lacks `text`, `reason` or `operator`")
        }
        return CommandRefusal(text: text, reason: reason, operatorID: op, role: role(d))
    }
}
