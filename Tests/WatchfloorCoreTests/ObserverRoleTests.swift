import Testing
@testable import WatchfloorCore

@Suite("The observer role")
struct ObserverRoleTests {
    @Test("an observer's commands are refused, logged with the role, and change nothing; an operator's carry the role too")
    func observer() throws {
        var intake = makeIntake(exercise: false)
        _ = ingestAll(CommandDecisionTests.lines, into: &intake)
        let before = intake.board
        for text in ["ack SD-0001", "level SD-0002 I", "note SD-0001 look", "close SD-0002", "merge SD-0001 SD-0002"] {
            let outcome = intake.command(text, operator: "leader1", at: CommandDecisionTests.at, role: .observer)
            #expect(!outcome.accepted)
            #expect(outcome.reason?.contains("an observer console cannot change the board") == true, "\(outcome.answer)")
            #expect(outcome.entries.map(\.entry.kind) == [.commandRejected])
            guard case .commandRejected(let refusal) = outcome.entries[0].entry.event else { Issue.record("not a refusal"); continue }
            #expect(refusal.role == .observer)
            #expect(String(decoding: outcome.entries[0].line, as: UTF8.self).contains(#""role":"observer""#))
        }
        #expect(intake.board.incident("SD-0001") == before.incident("SD-0001"))
        #expect(intake.board.incident("SD-0002") == before.incident("SD-0002"))
        let ack = intake.command("ack SD-0001", operator: "duty1", at: CommandDecisionTests.at)
        #expect(ack.accepted)
        #expect(String(decoding: ack.entries[0].line, as: UTF8.self).contains(#""role":"operator""#))
    }
}
