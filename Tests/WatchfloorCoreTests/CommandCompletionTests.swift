import Testing
@testable import WatchfloorCore

/// Tab on the command line: verbs, then the incidents a verb can act on.
@Suite("Command completion")
struct CommandCompletionTests {
    static let at = Instant(rfc3339: "2026-07-15T18:00:00+08:00")!

    /// SD-0001: a crash with two reports (`crash`, `crash-2`); SD-0002: a fire, level III.
    func intake() -> Intake {
        var intake = makeIntake()
        _ = ingestAll(crashAndFireLines, into: &intake)
        return intake
    }

    @Test("verbs complete from what is typed, the `:` kept")
    func verbs() {
        let board = intake().board
        #expect(CommandParser.complete("", board: board) == ["ack ", "level ", "merge ", "split ", "note ", "close ", "reopen ", "dispatch ", "status "])
        #expect(CommandParser.complete(":re", board: board) == [":reopen "])
        #expect(CommandParser.complete("CL", board: board) == ["close "])
        #expect(CommandParser.complete("frob ", board: board) == [])
        #expect(CommandParser.complete("x", board: board) == [])
    }

    @Test("incident ids complete to those the verb can act on, however they are typed")
    func incidents() {
        var intake = intake()
        #expect(CommandParser.complete("ack ", board: intake.board) == ["ack SD-0001 ", "ack SD-0002 "])
        #expect(CommandParser.complete(":ack sd-00", board: intake.board) == [":ack SD-0001 ", ":ack SD-0002 "])
        #expect(CommandParser.complete("level 2", board: intake.board) == ["level SD-0002 "])
        #expect(CommandParser.complete("a  sd-1", board: intake.board) == ["a  SD-0001 "])
        #expect(CommandParser.complete("split ", board: intake.board) == ["split SD-0001 "], "only an incident of several reports splits")
        #expect(CommandParser.complete("reopen ", board: intake.board) == [])

        _ = intake.command("ack 1", operator: "duty1", at: Self.at)
        _ = intake.command("close 2", operator: "duty1", at: Self.at)
        #expect(CommandParser.complete("ack ", board: intake.board) == [])
        #expect(CommandParser.complete("close ", board: intake.board) == ["close SD-0001 "])
        #expect(CommandParser.complete("reopen ", board: intake.board) == ["reopen SD-0002 "])
        #expect(CommandParser.complete("note ", board: intake.board) == ["note SD-0001 ", "note SD-0002 "])
    }

    @Test("later arguments: levels, and the reports of the incident being split")
    func arguments() {
        let board = intake().board
        #expect(CommandParser.complete("level 1 ii", board: board) == ["level 1 II ", "level 1 III "])
        #expect(CommandParser.complete("split 1 ", board: board) == ["split 1 crash ", "split 1 crash-2 "])
        #expect(CommandParser.complete("split 1 crash-", board: board) == ["split 1 crash-2 "])
        #expect(CommandParser.complete("merge 1 ", board: board) == ["merge 1 SD-0001 ", "merge 1 SD-0002 "])
        #expect(CommandParser.complete("ack 1 ", board: board) == [])
        #expect(CommandParser.complete("note 1 wat", board: board) == [])
    }

    @Test("a first Tab fills in what all candidates share")
    func commonPrefix() {
        #expect(CommandParser.commonPrefix(["ack SD-0001 ", "ack SD-0002 "]) == "ack SD-000")
        #expect(CommandParser.commonPrefix(["reopen "]) == "reopen ")
        #expect(CommandParser.commonPrefix([]) == "")
    }
}
