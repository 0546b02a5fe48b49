import Foundation
import Testing

/// Commands, signals and colour on the real terminal.
@Suite("Commands and signals on the terminal")
struct TerminalCommandTests {
    static let jinan = Watchfloor.scenario("jinan-rainstorm").path

    static func entries(_ log: URL) throws -> [[String: Any]] {
        try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("a command typed at : is accepted and logged with the operator; a bad one is refused with its reason; Tab completes")
    func commands() async throws {
        let scratch = try Scratch()
        let log = scratch.path("run.jsonl")
        let tmux = try TmuxScreen(["run", "--replay", Self.jinan, "--speed", "max", "--store", scratch.path("b.db").path, "--lang", "en"],
                                  width: 120, height: 40, in: scratch, stdout: log)
        try await tmux.waitForText("replay ended")
        // The rainfall at 泉城广场, looked up on the board the console made.
        let rainfall = try await Watchfloor.incident(holding: JinanReport.rainfall, store: scratch.path("b.db").path, in: scratch)
        try tmux.send(":")
        try tmux.type("ac")
        try tmux.send("Tab")
        // capture-pane drops trailing blanks: the completed word's space is not shown.
        try await tmux.waitFor("the verb completed") { $0.last { !$0.isEmpty } == ":ack" }
        try tmux.type(rainfall)
        try tmux.send("Enter")
        try await tmux.waitForText("accepted: ack \(rainfall)")
        try tmux.send(":")
        try tmux.type("ack SD-9999")
        try tmux.send("Enter")
        try await tmux.waitForText("no incident SD-9999")
        try tmux.send(":")
        try tmux.type("frobnicate")
        try tmux.send("Enter")
        try await tmux.waitForText("unknown command")
        // The acknowledged incident's status changed on the board.
        try tmux.send("1", "g")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
        let entries = try Self.entries(log)
        let accepted = entries.filter { $0["kind"] as? String == "command.accepted" }
        let rejected = entries.filter { $0["kind"] as? String == "command.rejected" }
        #expect(accepted.count == 1)
        #expect(accepted.first?["actor"] as? String == "operator:duty1")
        #expect(rejected.count == 2)
        #expect(rejected.contains { (($0["data"] as? [String: Any])?["reason"] as? String)?.contains("SD-9999") == true })
        let board = try await Watchfloor.run(["board", "--store", scratch.path("b.db").path, "--json"], in: scratch.url)
        let json = try #require(try JSONSerialization.jsonObject(with: board.stdout) as? [String: Any])
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        #expect(incidents.first { $0["id"] as? String == rainfall }?["status"] as? String == "acknowledged")
    }

    @Test("SIGTERM in the middle of a replay restores the terminal, and every printed line is committed and verifies")
    func sigterm() async throws {
        let scratch = try Scratch()
        let log = scratch.path("run.jsonl")
        let store = scratch.path("term.db").path
        let tmux = try TmuxScreen(["run", "--replay", Self.jinan, "--speed", "120", "--store", store, "--lang", "en"],
                                  width: 120, height: 40, in: scratch, stdout: log)
        try await tmux.waitFor("incidents on the board") { $0.contains { $0.contains("│III") || $0.contains("│IV") } }
        // Only the board's own process: the tmux server's command line names the store too.
        #expect(signalProcesses(SIGTERM, argumentsContaining: ["run", store], executableSuffix: "/watchfloor") == 1)
        let screen = try await tmux.waitForText("[exited 0]")
        // The board is gone and the shell's line shows on a restored screen.
        #expect(!screen.contains { $0.contains("Incidents") })
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        let verify = try await Watchfloor.run(["log", "verify", log.path], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
        let cat = try await Watchfloor.run(["log", "cat", "--store", store], in: scratch.url)
        #expect(cat.stdoutText.split(separator: "\n").count == lines.count)
    }

    @Test("NO_COLOR: no colour reaches the screen, yet levels still read as text")
    func noColor() async throws {
        let scratch = try Scratch()
        let colour = try TmuxScreen(["run", "--replay", Self.jinan, "--speed", "max", "--store", scratch.path("c.db").path, "--lang", "en"],
                                    width: 120, height: 40, in: scratch)
        try await colour.waitForText("replay ended")
        let coloured = try colour.captureWithEscapes()
        #expect(coloured.contains("38;5;") || coloured.contains("\u{1B}[3"), "no colour without NO_COLOR either")
        let plain = try TmuxScreen(["run", "--replay", Self.jinan, "--speed", "max", "--store", scratch.path("p.db").path, "--lang", "en"],
                                   width: 120, height: 40, in: scratch, environment: ["NO_COLOR": "1"])
        let screen = try await plain.waitForText("replay ended")
        let escapes = try plain.captureWithEscapes()
        #expect(!escapes.contains("38;5;") && !escapes.contains("48;5;"), "256-colour escapes under NO_COLOR")
        // 39 and 49 restore the terminal's own colours; they are not colours.
        for code in Array(30...37) + Array(40...47) { #expect(!escapes.contains("\u{1B}[\(code)m") && !escapes.contains(";\(code)m"), "colour \(code) under NO_COLOR") }
        #expect(screen.contains { $0.hasPrefix("│III ") })
        try colour.send("q")
        try plain.send("q")
    }
}
