import Foundation
import Testing

@Suite("Observer consoles look but do not command")
struct ObserverConsoleTests {
    @Test("exec and the board refuse an observer's commands, log them with the role, and change nothing")
    func observer() async throws {
        let scratch = try Scratch()
        let store = try await Watchfloor.replayedStore(scratch, scenario: "zibo-chemical-fire", file: "o.db")
        let fire = try await Watchfloor.incident(holding: ZiboReport.tankFire, store: store, in: scratch)
        let refused = try await Watchfloor.run(["exec", "--store", store, "--operator", "leader1", "--role", "observer", "ack", fire], in: scratch.url)
        #expect(refused.status == 1)
        #expect(refused.stderrText.contains("an observer console cannot change the board"))

        let tmux = try TmuxScreen(["run", "--store", store, "--role", "observer", "--operator", "leader2", "--lang", "en"], width: 120, height: 40, in: scratch)
        try await tmux.waitForText("leader2 (observer)")
        try tmux.send(":")
        try tmux.type("ack \(fire)")
        try tmux.send("Enter")
        try await tmux.waitForText("rejected: ack \(fire): an observer console")
        try tmux.send("q")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")

        let log = try await Watchfloor.succeed(["log", "cat", "--store", store], in: scratch.url)
        let refusals = log.stdoutText.split(separator: "\n").filter { $0.contains(#""kind":"command.rejected""#) }
        #expect(refusals.count == 2)
        #expect(refusals.allSatisfy { $0.contains(#""role":"observer""#) })
        #expect(!log.stdoutText.contains(#""kind":"command.accepted""#))
    }
}
