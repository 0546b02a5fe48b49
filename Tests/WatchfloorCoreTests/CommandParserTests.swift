import Testing
@testable import WatchfloorCore

/// The operator grammar's board commands: what is accepted, and what a refusal says.
@Suite("Command parser")
struct CommandParserTests {
    @Test("commands parse however the officer writes verbs and ids", arguments: [
        ("ack SD-0042", Command.ack(incident: "SD-0042")),
        (":ack sd-42", .ack(incident: "SD-0042")),
        ("  :  ACK 42  ", .ack(incident: "SD-0042")),
        ("a 7", .ack(incident: "SD-0007")),
        ("ack\u{3000}42", .ack(incident: "SD-0042")),
        ("level 3 ii", .level(incident: "SD-0003", level: .II)),
        ("LEVEL SD-0003 IV", .level(incident: "SD-0003", level: .IV)),
        ("lv 3 1", .level(incident: "SD-0003", level: .I)),
        ("merge 1 sd-2", .merge(into: "SD-0001", from: "SD-0002")),
        ("split 1 JN-POL-0041", .split(incident: "SD-0001", report: "JN-POL-0041")),
        ("split 1 /sd/370100/police#JN-POL-0041", .split(incident: "SD-0001", report: "/sd/370100/police#JN-POL-0041")),
        ("note 5 积水  深 0.5 米 ", .note(incident: "SD-0005", text: "积水  深 0.5 米")),
        ("n 5 ok", .note(incident: "SD-0005", text: "ok")),
        ("close 5", .close(incident: "SD-0005", reason: nil)),
        ("close 5 false alarm", .close(incident: "SD-0005", reason: "false alarm")),
        ("reopen SD-12345", .reopen(incident: "SD-12345")),
        ("dispatch SD-0042 FIRE-3701-01", .dispatch(incident: "SD-0042", units: ["FIRE-3701-01"], note: nil)),
        ("d 42 fire-3701-01 emer-3701-01 -- 地下通道 2 人被困", .dispatch(incident: "SD-0042", units: ["FIRE-3701-01", "EMER-3701-01"], note: "地下通道 2 人被困")),
        ("d 42", .dispatch(incident: "SD-0042", units: [], note: nil)),
        ("status FIRE-3701-01 enroute", .status(unit: "FIRE-3701-01", status: .enroute)),
        ("st pol-3701-02 OUT_OF_SERVICE", .status(unit: "POL-3701-02", status: .outOfService)),
    ])
    func parses(text: String, expected: Command) throws {
        #expect(try CommandParser.parse(text) == expected)
    }

    static let verbList = "ack, level, merge, split, note, close, reopen, dispatch, status"

    @Test("a refusal names what is wrong and how the command is written", arguments: [
        ("", "empty command; commands: \(verbList)"),
        (" : ", "empty command; commands: \(verbList)"),
        ("frob 1", "unknown command \"frob\"; commands: \(verbList)"),
        ("dispatch", "dispatch: missing the incident; usage: dispatch INC UNIT... [-- NOTE]"),
        ("d 42 FIRE/1", "d 42 FIRE/1: \"FIRE/1\" is not a unit id; write it as units.json does, e.g. FIRE-3701-01"),
        ("st", "st: missing the unit; usage: status UNIT STATUS"),
        ("st FIRE-3701-01", "st FIRE-3701-01: missing the status; usage: status UNIT STATUS"),
        ("st FIRE-3701-01 busy", "st FIRE-3701-01 busy: status is one of available, dispatched, enroute, onscene, returning, out_of_service"),
        ("st FIRE-3701-01 enroute now", "st FIRE-3701-01 enroute now: too many arguments; usage: status UNIT STATUS"),
        ("level SD-0042 V", "level SD-0042 V: level is I, II, III or IV"),
        ("level SD-0042 5", "level SD-0042 5: level is I, II, III or IV"),
        ("ack", "ack: missing the incident; usage: ack INC"),
        (":Ack ", "Ack: missing the incident; usage: ack INC"),
        ("level 42", "level 42: missing the level; usage: level INC I|II|III|IV"),
        ("merge 1", "merge 1: missing the incident to merge into it; usage: merge INC INC"),
        ("split 1", "split 1: missing the report; usage: split INC REPORT"),
        ("note 1   ", "note 1: missing the text; usage: note INC TEXT"),
        ("reopen", "reopen: missing the incident; usage: reopen INC"),
        ("ack x1", "ack x1: \"x1\" is not an incident id; write SD-0042, sd-42 or 42"),
        ("ack 0", "ack 0: \"0\" is not an incident id; write SD-0042, sd-42 or 42"),
        ("ack SD-", "ack SD-: \"SD-\" is not an incident id; write SD-0042, sd-42 or 42"),
        ("close -1", "close -1: \"-1\" is not an incident id; write SD-0042, sd-42 or 42"),
        ("ack 1 2", "ack 1 2: too many arguments; usage: ack INC"),
        ("merge 1 2 3", "merge 1 2 3: too many arguments; usage: merge INC INC"),
        ("level 1 II now", "level 1 II now: too many arguments; usage: level INC I|II|III|IV"),
    ])
    func refuses(text: String, message: String) {
        #expect(throws: CommandRejected(message)) { try CommandParser.parse(text) }
    }

    @Test("every verb and alias is found, in any case, and no two verbs share a word")
    func verbs() {
        let words = CommandParser.verbs.flatMap { [$0.name] + $0.aliases }
        #expect(Set(words).count == words.count)
        for verb in CommandParser.verbs {
            for word in [verb.name] + verb.aliases {
                #expect(CommandParser.verb(named: word.uppercased()) == verb)
            }
            #expect(verb.usage.hasPrefix(verb.name + " "))
        }
    }

    @Test("the normalized form parses back to the same command")
    func normalizedRoundTrip() throws {
        for text in ["a 7", "lv 3 1", "merge 1 sd-2", "split 1 crash-2", "n 5 积水 深", "close 5 false alarm", "close 5", "reopen 9",
                     "d 4 fire-3701-01 emer-3701-02 -- 二人被困", "d 4 FIRE-3701-01", "st fire-3701-01 onscene"] {
            let command = try CommandParser.parse(text)
            #expect(try CommandParser.parse(command.normalized) == command, "\(text)")
        }
    }
}
