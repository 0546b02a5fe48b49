import Foundation
import Testing

/// A console that opens while an ingester writes shows exactly the store's board: the entries
/// committed while it reads the log are folded once, not once by the opening and again by the
/// first catch-up (a board folded twice counts incidents twice, and numbers its own new ones
/// wrong). On the embedded SQLite file and on the shared PostgreSQL board alike.
@Suite("consoles opening while an ingester writes")
struct OpeningWhileWritingTests {
    enum Kind: String, CaseIterable, Sendable { case sqlite, postgres }

    /// The status bar's counts: `I:0 II:2 III:5 IV:40 open 47`.
    static func counts(_ screen: [String]) -> String? {
        guard let first = screen.first, let range = first.range(of: #"I:\d+ II:\d+ III:\d+ IV:\d+ open \d+"#, options: .regularExpression) else { return nil }
        return String(first[range])
    }

    static func answered(_ file: URL) throws -> Int {
        try IngestStandbyTests.entries(file).filter { ["report.accepted", "report.duplicate", "report.rejected"].contains($0.kind ?? "") }.count
    }

    @Test("two consoles opened mid-stream and one opened after show the same board, and a command on them lands", arguments: Kind.allCases)
    func consolesOpenMidStream(_ kind: Kind) async throws {
        let scratch = try Scratch()
        let database = kind == .postgres ? try ScratchPostgres() : nil
        let store = database?.url ?? scratch.path("floor.db").path
        try await Watchfloor.succeed(["demo", "generate", "--seed", "7007", "--events", "3000", "--output", "day.jsonl"], in: scratch.url)
        let messages = try String(contentsOf: scratch.path("day.jsonl"), encoding: .utf8).split(separator: "\n")
            .filter { !$0.contains(#""type":"feed.heartbeat""#) }.count

        // The day's 24 hours in about 24 s, so that consoles open while it is written.
        let server = try BackgroundWatchfloor(["feed", "serve", "day.jsonl", "--port", "0", "--speed", IngestStandbyTests.speed, "--heartbeat", "0.2"], in: scratch)
        defer { server.kill() }
        let port = try #require(try await server.waitForPort(), "\(server.stderr)")
        let log = scratch.path("ingest.log")
        let ingest = try BackgroundWatchfloor(["ingest", "--store", store, "--feed", "agencies=tcp://127.0.0.1:\(port)"], in: scratch, stdout: log)
        defer { ingest.kill() }

        func console() throws -> TmuxScreen {
            try TmuxScreen(["run", "--store", store, "--operator", "duty1", "--lang", "en"], width: 120, height: 40, in: scratch)
        }
        func waitForAnswers(_ n: Int) async throws {
            let deadline = Date().addingTimeInterval(120)
            while try Self.answered(log) < n && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            let answered = try Self.answered(log)
            try #require(answered >= n, "the ingester answered \(answered) of \(n) lines: \(ingest.stderr)")
        }
        try await waitForAnswers(messages / 4)
        let early = try console()
        try await early.waitFor("the early console's board") { Self.counts($0) != nil }
        try await waitForAnswers(messages / 2)
        let middle = try console()
        try await middle.waitFor("the middle console's board") { Self.counts($0) != nil }
        #expect(try Self.answered(log) < messages, "both consoles opened while the ingester still wrote")

        try await waitForAnswers(messages)
        #expect(try await ingest.terminate() == 0, "\(ingest.stderr)")
        // Opened on a store nobody writes to any more: the board as the store has it.
        let late = try console()
        let truth = try #require(Self.counts(try await late.waitFor("the late console's board") { Self.counts($0) != nil }))
        for (name, screen) in [("early", early), ("middle", middle)] {
            let shown = try await screen.waitFor("the \(name) console showing the store's board, \(truth)") { Self.counts($0) == truth }
            #expect(Self.counts(shown) == truth, "the \(name) console folded entries twice or skipped some")
        }

        // A command typed on a console that opened mid-stream is decided on the store's board.
        let incidents = try await Watchfloor.boardIncidents(store: store, in: scratch)
        let open = try #require(incidents.last { $0.string("status") == "new" }?.string("id"), "no new incident on the board")
        try early.send(":")
        try early.type("ack \(open)")
        try early.send("Enter")
        try await early.waitForText("accepted: ack \(open)")
        let after = try await Watchfloor.boardIncidents(store: store, in: scratch)
        #expect(after.first { $0.string("id") == open }?.string("status") == "acknowledged")
        #expect(after.count == incidents.count, "a command opens no incident")

        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
        _ = database
    }
}
