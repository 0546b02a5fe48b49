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
        try loggedEntries(writtenSoFarTo: file).filter(\.answersFeedLine).count
    }

    @Test("two consoles opened mid-stream and one opened after show the same board, and a command on them lands", arguments: Kind.allCases)
    func consolesOpenMidStream(_ kind: Kind) async throws {
        let scratch = try Scratch()
        let database = kind == .postgres ? try ScratchPostgres() : nil
        let store = database?.url ?? scratch.path("floor.db").path
        try await Watchfloor.succeed(["demo", "generate", "--seed", "7007", "--events", "10000", "--output", "day.jsonl"], in: scratch.url)
        let lines = try String(contentsOf: scratch.path("day.jsonl"), encoding: .utf8).split(separator: "\n").map { String($0) + "\n" }
        let messages = lines.filter { !$0.contains(#""type":"feed.heartbeat""#) }.count

        // The agencies' feed is a followed file: a third of the day at once, so that a console
        // has a long log to fold, then ten lines every 20 ms for as long as consoles are opening:
        // however slow the machine, they open while the ingester writes, fast enough that its
        // commits land while they read.
        let feed = scratch.path("feed.jsonl")
        let writer = try GrowingFile(feed, lines: lines)
        writer.append(lines.count / 3)
        let log = scratch.path("ingest.log")
        let ingest = try BackgroundWatchfloor(["ingest", "--store", store, "--feed", "agencies=file:\(feed.path)?follow"], in: scratch, stdout: log)
        defer { ingest.kill() }
        let growing = Task {
            while !Task.isCancelled && writer.append(10) { try? await Task.sleep(for: .milliseconds(20)) }
        }
        defer { growing.cancel() }

        func console() throws -> TmuxScreen {
            try TmuxScreen(["run", "--store", store, "--operator", "duty1", "--lang", "en"], width: 120, height: 40, in: scratch)
        }
        func waitForAnswers(_ n: Int) async throws {
            let deadline = Date().addingTimeInterval(120)
            while try Self.answered(log) < n && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
            let answered = try Self.answered(log)
            try #require(answered >= n, "the ingester answered \(answered) of \(n) lines: \(ingest.stderr)")
        }
        try await waitForAnswers(messages / 3)
        let early = try console()
        try await early.waitFor("the early console's board") { Self.counts($0) != nil }
        let middle = try console()
        try await middle.waitFor("the middle console's board") { Self.counts($0) != nil }
        growing.cancel()
        await growing.value
        #expect(writer.written < lines.count, "both consoles opened while the feed still grew")
        writer.appendRest()

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

/// A file that grows line by line, as an agency's spool does: `append` adds the next few lines,
/// `appendRest` all that are left. One writer at a time, so lines never interleave.
final class GrowingFile: @unchecked Sendable {
    private let handle: FileHandle
    private let lines: [String]
    private let lock = NSLock()
    private var next = 0

    init(_ url: URL, lines: [String]) throws {
        try #require(FileManager.default.createFile(atPath: url.path, contents: nil), "cannot create \(url.path)")
        handle = try FileHandle(forWritingTo: url)
        self.lines = lines
    }

    deinit { try? handle.close() }

    /// How many lines are written so far.
    var written: Int { lock.withLock { next } }

    /// Appends the next `count` lines; false once every line is written.
    @discardableResult
    func append(_ count: Int) -> Bool {
        lock.withLock {
            let end = min(next + count, lines.count)
            guard next < end else { return false }
            handle.write(Data(lines[next..<end].joined().utf8))
            next = end
            return next < lines.count
        }
    }

    func appendRest() { append(lines.count) }
}
