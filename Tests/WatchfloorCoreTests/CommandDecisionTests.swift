import Testing
@testable import WatchfloorCore

/// Operators' commands against a board: what each does, what is refused and why, and that
/// the log of it rebuilds the same board.
@Suite("Commands on the board")
struct CommandDecisionTests {
    static let at = Instant(rfc3339: "2026-07-15T18:00:00+08:00")!

    static let lines = crashAndFireLines

    /// Given SD-0001, a crash with two reports (level IV), and SD-0002, a fire (level III).
    func intake(exercise: Bool = true) -> (Intake, [SealedEntry]) {
        var intake = makeIntake(exercise: exercise)
        let sealed = ingestAll(Self.lines, into: &intake)
        return (intake, sealed)
    }

    @discardableResult
    func run(_ text: String, _ intake: inout Intake, by id: String = "duty1") -> CommandOutcome {
        intake.command(text, operator: id, at: Self.at)
    }

    @Test("ack, level and note change the incident; each is one command.accepted entry by the operator")
    func ackLevelNote() throws {
        var (intake, _) = intake()
        let ack = run("ack 1", &intake)
        #expect(ack.accepted)
        #expect(ack.answer == "accepted: ack SD-0001")
        #expect(ack.reason == nil)
        #expect(ack.entries.map(\.entry.kind) == [.commandAccepted])
        #expect(ack.entries.map(\.entry.actor) == ["operator:duty1"])
        #expect(intake.board.incident("SD-0001")?.status == .acknowledged)

        #expect(run(":level sd-1 ii", &intake).answer == "accepted: level SD-0001 II")
        #expect(intake.board.incident("SD-0001")?.level == .II)

        #expect(run("note 1 两车追尾，一人受伤", &intake).accepted)
        #expect(run("note 1 交警已到场", &intake).accepted)
        #expect(intake.board.incident("SD-0001")?.notes == ["两车追尾，一人受伤", "交警已到场"])
        #expect(intake.board.incident("SD-0002")?.status == .new, "the other incident is untouched")
    }

    @Test("close takes an incident off the open board; reopen brings it back as it was")
    func closeAndReopen() {
        var (intake, _) = intake()
        run("ack 1", &intake)
        #expect(run("close 1 vehicles removed", &intake).answer == "accepted: close SD-0001 vehicles removed")
        #expect(run("close 2", &intake).accepted)
        #expect(intake.board.incident("SD-0001")?.status == .closed)
        #expect(intake.board.openIncidents.isEmpty)
        #expect(run("reopen 1", &intake).accepted)
        #expect(run("reopen 2", &intake).accepted)
        #expect(intake.board.incident("SD-0001")?.status == .acknowledged, "it had been acknowledged")
        #expect(intake.board.incident("SD-0002")?.status == .new, "it never was")
    }

    @Test("a report near a reopened incident joins it again")
    func reopenedIncidentCorrelates() {
        var (intake, _) = intake()
        run("close 2", &intake)
        run("reopen 2", &intake)
        _ = ingestAll([reportLine(id: "fire-2", agency: "police", time: "2026-07-15T17:50:00+08:00", category: "fire", lat: 36.7001, lon: 117.1001)], into: &intake)
        #expect(intake.board.incident("SD-0002")?.reports.map(\.id) == ["fire", "fire-2"])
    }

    @Test("merge and split record the command, then the decision, both by the operator")
    func mergeAndSplit() throws {
        var (intake, _) = intake()
        let split = run("split 1 crash-2", &intake)
        #expect(split.answer == "accepted: split SD-0001 crash-2 into SD-0003")
        #expect(split.entries.map(\.entry.kind) == [.commandAccepted, .incidentSplit])
        #expect(split.entries.allSatisfy { $0.entry.actor == "operator:duty1" })
        #expect(intake.board.incident("SD-0003")?.reports.map(\.id) == ["crash-2"])

        let merge = run("merge 2 3", &intake)
        #expect(merge.answer == "accepted: merge SD-0002 SD-0003")
        #expect(merge.entries.map(\.entry.kind) == [.commandAccepted, .incidentMerged])
        #expect(intake.board.incident("SD-0003")?.status == .merged)
        #expect(intake.board.incident("SD-0002")?.reports.map(\.id) == ["fire", "crash-2"])
    }

    @Test("a refused command is one command.rejected entry with the reason, and the board is unchanged", arguments: [
        ([], "frob 1", "unknown command \"frob\"; commands: ack, level, merge, split, note, close, reopen, dispatch, status"),
        ([], "level 1 V", "level 1 V: level is I, II, III or IV"),
        ([], "ack 9", "ack SD-0009: no incident SD-0009"),
        (["ack 1"], "ack 1", "ack SD-0001: SD-0001 is already acknowledged"),
        (["close 1"], "ack 1", "ack SD-0001: SD-0001 is closed; reopen it first"),
        (["close 1"], "level 1 I", "level SD-0001 I: SD-0001 is closed; reopen it first"),
        ([], "level 2 III", "level SD-0002 III: SD-0002 is already level III"),
        (["close 1"], "close 1", "close SD-0001: SD-0001 is already closed"),
        (["ack 1"], "reopen 1", "reopen SD-0001: SD-0001 is not closed; it is acknowledged"),
        (["merge 1 2"], "note 2 hello", "note SD-0002 hello: SD-0002 is merged into SD-0001; act on SD-0001 instead"),
        (["merge 1 2"], "reopen 2", "reopen SD-0002: SD-0002 is merged into SD-0001; act on SD-0001 instead"),
        ([], "merge 1 9", "merge SD-0001 SD-0009: no incident SD-0009"),
        ([], "merge 2 2", "merge SD-0002 SD-0002: an incident cannot be merged with itself"),
        ([], "split 2 fire", "split SD-0002 fire: fire is the only report of SD-0002; nothing to split from"),
    ])
    func refusals(before: [String], text: String, reason: String) throws {
        var (intake, _) = intake()
        for command in before { try #require(run(command, &intake).accepted, "\(command)") }
        let incidents = intake.board.incidents
        let outcome = run(text, &intake)
        #expect(!outcome.accepted)
        #expect(outcome.reason == reason)
        #expect(outcome.answer == "rejected: " + reason)
        #expect(outcome.entries.map(\.entry.event) == [.commandRejected(CommandRefusal(text: text, reason: reason, operatorID: "duty1"))])
        #expect(intake.board.incidents == incidents)
    }

    @Test("a closed incident still takes notes")
    func noteOnClosed() {
        var (intake, _) = intake()
        run("close 2", &intake)
        #expect(run("note 2 火灾原因待查", &intake).accepted)
        #expect(intake.board.incident("SD-0002")?.notes == ["火灾原因待查"])
    }

    @Test("commands are training when the incident is, and otherwise take the console's flag")
    func exerciseFlag() {
        let (training, _) = intake(exercise: true)
        // A live console looking at a board a replay built.
        var live = Intake(board: training.board, chain: training.chain, correlator: training.correlator, exercise: false)
        #expect(live.board.incident("SD-0001")?.exercise == true)
        #expect(run("ack 1", &live).entries.map(\.entry.exercise) == [true])
        #expect(run("split 1 crash-2", &live).entries.map(\.entry.exercise) == [true, true])
        #expect(live.board.incident("SD-0003")?.exercise == true, "split out of a training incident")
        #expect(run("ack 99", &live).entries.map(\.entry.exercise) == [false])
        #expect(run("frob", &live).entries.map(\.entry.exercise) == [false])

        var (real, _) = intake(exercise: false)
        #expect(real.board.incident("SD-0001")?.exercise == false)
        #expect(run("ack 1", &real).entries.map(\.entry.exercise) == [false])
    }

    @Test("the log data of both kinds: the text as typed, the normalized fields, the operator and role")
    func dataShape() {
        var (intake, _) = intake()
        let level = String(decoding: run(" :lv 1  i", &intake).entries[0].line, as: UTF8.self)
        #expect(level.contains(#""kind":"command.accepted","actor":"operator:duty1","exercise":true,"data":{"text":" :lv 1  i","command":"level SD-0001 I","verb":"level","incident":"SD-0001","level":"I","operator":"duty1","role":"operator"}"#), "\(level)")
        let close = String(decoding: run("close 2 \"done\"", &intake).entries[0].line, as: UTF8.self)
        #expect(close.contains(#""data":{"text":"close 2 \"done\"","command":"close SD-0002 \"done\"","verb":"close","incident":"SD-0002","reason":"\"done\"","operator":"duty1","role":"operator"}"#), "\(close)")
        let rejected = String(decoding: run("ack 9", &intake).entries[0].line, as: UTF8.self)
        #expect(rejected.contains(#""kind":"command.rejected","actor":"operator:duty1","exercise":true,"data":{"text":"ack 9","reason":"ack SD-0009: no incident SD-0009","operator":"duty1","role":"operator"}"#), "\(rejected)")
    }

    @Test("a log of commands, accepted and rejected, rebuilds exactly the live board")
    func rebuild() throws {
        var (intake, sealed) = intake()
        for text in ["ack 1", "level 1 II", "note 1 路面积水", "ack 1", "split 1 crash-2", "merge 2 3", "close 2 火已扑灭",
                     "reopen 2", "close 1", "note 1 已清障", "frob", "merge 1 2", "level 2 I"] {
            sealed += run(text, &intake, by: "duty2").entries
        }
        let rebuilt = try BoardTests.rebuild(sealed)
        #expect(rebuilt.incidents == intake.board.incidents)
        #expect(rebuilt.clock == intake.board.clock)
        #expect(rebuilt.incidents.map(\.status) == [.closed, .new, .merged])
    }

    @Test("a feed's withdrawal still closes an incident, and an operator can reopen it")
    func withdrawal() {
        var (intake, _) = intake()
        let cancel = #"{"specversion":"1.0","id":"fire-x","source":"/sd/370102/fire","type":"incident.cancel","time":"2026-07-15T17:45:00+08:00","data":{"ref":"fire","reason":"误报"}}"#
        _ = ingestAll([cancel.bytes], into: &intake)
        #expect(intake.board.incident("SD-0002")?.status == .closed)
        #expect(run("reopen 2", &intake).accepted)
        #expect(intake.board.incident("SD-0002")?.status == .new)
    }
}
