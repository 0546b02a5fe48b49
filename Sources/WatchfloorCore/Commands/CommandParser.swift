/// The operator grammar's board commands (DESIGN §4): one line of text in, a `Command` out,
/// or a refusal that names what is wrong and how the command is written. The TUI's `:` line
/// and `watchfloor exec` both come through here.
public enum CommandParser {
    /// A verb of the grammar, with what help and completion need.
    public struct Verb: Sendable, Equatable {
        public var name: String
        /// Short forms for the commands typed many times a shift; the consequential ones
        /// (merge, split, close, reopen) are spelled out on purpose.
        public var aliases: [String]
        public var usage: String
        public var summary: String
    }

    public static let verbs: [Verb] = [
        Verb(name: "ack", aliases: ["a"], usage: "ack INC", summary: "acknowledge a new incident"),
        Verb(name: "level", aliases: ["lv"], usage: "level INC I|II|III|IV", summary: "change an incident's level"),
        Verb(name: "merge", aliases: [], usage: "merge INC INC", summary: "fold the second incident into the first"),
        Verb(name: "split", aliases: [], usage: "split INC REPORT", summary: "take a report out into an incident of its own"),
        Verb(name: "note", aliases: ["n"], usage: "note INC TEXT", summary: "add a note to an incident"),
        Verb(name: "close", aliases: [], usage: "close INC [REASON]", summary: "close an incident"),
        Verb(name: "reopen", aliases: [], usage: "reopen INC", summary: "reopen a closed incident"),
        Verb(name: "dispatch", aliases: ["d"], usage: "dispatch INC UNIT... [-- NOTE]",
             summary: "send units to an incident (with no unit: what the run card suggests)"),
        Verb(name: "status", aliases: ["st"], usage: "status UNIT STATUS", summary: "set a unit's status"),
    ]

    /// The verb a word names, by name or alias, ignoring case.
    public static func verb(named word: some StringProtocol) -> Verb? {
        let w = word.lowercased()
        return verbs.first { $0.name == w || $0.aliases.contains(w) }
    }

    public static func parse(_ text: String) throws(CommandRejected) -> Command {
        let line = Self.body(of: text)
        var words = Words(line)
        let shown = String(line)
        guard let first = words.next() else {
            throw CommandRejected("empty command; commands: \(Self.verbList)")
        }
        guard let verb = Self.verb(named: first) else {
            throw CommandRejected("unknown command \"\(first)\"; commands: \(Self.verbList)")
        }
        func missing(_ what: String) -> CommandRejected {
            CommandRejected("\(shown): missing \(what); usage: \(verb.usage)")
        }
        func incident(_ what: String = "the incident") throws(CommandRejected) -> String {
            guard let word = words.next() else { throw missing(what) }
            guard let id = incidentID(word) else {
                throw CommandRejected("\(shown): \"\(word)\" is not an incident id; write SD-0042, sd-42 or 42")
            }
            return id
        }
        func end() throws(CommandRejected) {
            guard words.next() == nil else { throw CommandRejected("\(shown): too many arguments; usage: \(verb.usage)") }
        }
        let command: Command
        switch verb.name {
        case "ack":
            command = .ack(incident: try incident())
        case "level":
            let id = try incident()
            guard let word = words.next() else { throw missing("the level") }
            guard let level = Self.level(word) else { throw CommandRejected("\(shown): level is I, II, III or IV") }
            command = .level(incident: id, level: level)
        case "merge":
            let into = try incident("the incident to keep")
            command = .merge(into: into, from: try incident("the incident to merge into it"))
        case "split":
            let id = try incident()
            guard let report = words.next() else { throw missing("the report") }
            command = .split(incident: id, report: String(report))
        case "note":
            let id = try incident()
            guard !words.remainder.isEmpty else { throw missing("the text") }
            return .note(incident: id, text: String(words.remainder))
        case "close":
            let id = try incident()
            return .close(incident: id, reason: words.remainder.isEmpty ? nil : String(words.remainder))
        case "dispatch":
            let id = try incident()
            var units: [String] = []
            var note: String?
            while let word = words.next() {
                if word == "--" {
                    note = words.remainder.isEmpty ? nil : String(words.remainder)
                    break
                }
                guard let unit = unitID(word) else {
                    throw CommandRejected("\(shown): \"\(word)\" is not a unit id; write it as units.json does, e.g. FIRE-3701-01")
                }
                units.append(unit)
            }
            return .dispatch(incident: id, units: units, note: note)
        case "status":
            guard let word = words.next() else { throw missing("the unit") }
            guard let unit = unitID(word) else {
                throw CommandRejected("\(shown): \"\(word)\" is not a unit id; write it as units.json does, e.g. FIRE-3701-01")
            }
            guard let statusWord = words.next() else { throw missing("the status") }
            guard let status = UnitStatus(rawValue: statusWord.lowercased()) else {
                throw CommandRejected("\(shown): status is one of \(UnitStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            command = .status(unit: unit, status: status)
        default:
            command = .reopen(incident: try incident())
        }
        try end()
        return command
    }

    /// `SD-0042`, `sd-42` or `42` as the board's id (`SD-0042`); nil for anything else.
    public static func incidentID(_ word: some StringProtocol) -> String? {
        var digits = Substring(word)
        if digits.count > 3, digits.prefix(3).uppercased() == "SD-" { digits = digits.dropFirst(3) }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let n = Int(digits), n >= 1
        else { return nil }
        return Board.id(number: n)
    }

    /// A unit id in upper case (`fire-3701-01` → `FIRE-3701-01`): letters, digits and dashes.
    public static func unitID(_ word: some StringProtocol) -> String? {
        guard !word.isEmpty, word.count <= 40, word.first?.isLetter == true,
              word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return word.uppercased()
    }

    /// `I`…`IV` in any case; `1`…`4` too, as officers say "level two".
    static func level(_ word: Substring) -> Level? {
        if let level = Level(rawValue: word.uppercased()) { return level }
        guard let n = Int(word), (1...4).contains(n) else { return nil }
        return Level.allCases[n - 1]
    }

    static var verbList: String { verbs.map(\.name).joined(separator: ", ") }

    /// The text without surrounding blanks and without the command line's leading `:`.
    static func body(of text: String) -> Substring {
        var line = Substring(text).drop(while: \.isWhitespace)
        if line.first == ":" { line = line.dropFirst().drop(while: \.isWhitespace) }
        while line.last?.isWhitespace == true { line = line.dropLast() }
        return line
    }
}

/// Blank-separated words, and the rest of the line as typed (a note keeps its own spacing).
struct Words {
    private(set) var remainder: Substring

    init(_ line: Substring) { remainder = line.drop(while: \.isWhitespace) }

    mutating func next() -> Substring? {
        guard !remainder.isEmpty else { return nil }
        let end = remainder.firstIndex(where: \.isWhitespace) ?? remainder.endIndex
        let word = remainder[..<end]
        remainder = remainder[end...].drop(while: \.isWhitespace)
        return word
    }
}
