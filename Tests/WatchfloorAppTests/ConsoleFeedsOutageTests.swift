import Foundation
import Testing

/// A console that reads a feed itself (`run --feed`), or replays training (`run --replay`),
/// onto a PostgreSQL board keeps going when the server restarts under it: it holds the lines
/// back while the store is out of reach, reads the board again from the store, and then
/// commits what it had taken — every report accepted once, the log whole.
@Suite("a console's own feeds and replay across a store outage")
struct ConsoleFeedsOutageTests {
    /// Waits until `condition` holds, checking once more after the deadline; records an issue
    /// and throws if it never does. A guard against hangs, not a timing.
    func waitUntil(_ what: String, seconds: Double = 60, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(nanoseconds: 1_000_000_000)
        }
        if try await condition() { return }
        Issue.record("not within \(Int(seconds)) s: \(what)")
        throw CancellationError()
    }

    @Test("PostgreSQL restarted while a console commits a TCP feed's or a replay's lines: the console goes on, and every report is accepted exactly once",
          arguments: ["feed", "replay"])
    func restartUnderConsole(source: String) async throws {
        let scratch = try Scratch()
        let server = try OwnPostgresServer()
        // Lines are being committed all the while the server restarts: a generated day, served
        // over TCP in about 48 s or replayed in about 86 s (1000×, the console's fastest paced
        // speed) — long enough that a loaded machine still restarts the server mid-stream.
        try await Watchfloor.succeed(["demo", "generate", "--seed", "7007", "--events", "3000", "--output", "day.jsonl"], in: scratch.url)
        let file = scratch.path("day.jsonl")
        var feed: BackgroundWatchfloor?
        defer { feed?.kill() }
        var lines = ["--replay", "day.jsonl", "--speed", "1000"]
        if source == "feed" {
            let serve = try BackgroundWatchfloor(["feed", "serve", "day.jsonl", "--port", "0", "--speed", "1800", "--heartbeat", "0.5"], in: scratch)
            feed = serve
            let port = try #require(serve.waitForPort(), "\(serve.stderr)")
            lines = ["--feed", "agencies=tcp://127.0.0.1:\(port)"]
        }
        let keys = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .filter { !$0.contains(#""type":"feed.heartbeat""#) }
            .map { line in
                let object = try #require(JSONLines.object(Data(line.utf8)))
                return "\(object["source"] as? String ?? "")|\(object["id"] as? String ?? "")"
            }
        let console = try TmuxScreen(["run", "--store", server.url] + lines + ["--lang", "en"], width: 120, height: 40, in: scratch)

        // How far the console got, from the stored log's lines (a look a second: each is a
        // process of its own, and the machine runs the other tests beside this one).
        func acceptedSoFar() async throws -> Int {
            let log = try await Watchfloor.succeed(["log", "cat", "--store", server.url], in: scratch.url).stdoutText
            return log.split(separator: "\n").filter { $0.contains(#""kind":"report.accepted""#) }.count
        }
        func accepted() async throws -> [String: Int] {
            let stored = try loggedEntries(try await Watchfloor.succeed(["log", "cat", "--store", server.url], in: scratch.url).stdout)
            var times: [String: Int] = [:]
            for e in stored where e.kind == "report.accepted" {
                times["\(e.data["source"] as? String ?? "")|\(e.data["id"] as? String ?? "")", default: 0] += 1
            }
            return times
        }

        try await waitUntil("the console commits part of the day") { try await acceptedSoFar() >= 100 }
        let before = try await accepted().count
        #expect(before < keys.count, "the server restarts mid-stream, with some of the day still to come")
        try server.restart()

        // The generated day holds no bad line: replayed, each of its reports is accepted.
        do {
            try await waitUntil("every report of the day is accepted", seconds: 180) { try await acceptedSoFar() >= keys.count }
        } catch {
            let screen = (try? console.capture())?.joined(separator: "\n") ?? ""
            Issue.record("\(try await accepted().count) of \(keys.count) accepted; the console shows:\n\(screen)")
            throw error
        }
        let screen = try console.capture()
        #expect(!screen.contains { $0.contains("[exited") }, "the console is still running: \(screen.joined(separator: "\n"))")
        try console.waitFor("the status bar no longer says the store is out of reach") { !$0.contains { $0.contains("STORE UNREACHABLE") } }
        let times = try await accepted()
        #expect(Set(times.keys) == Set(keys), "the store accepted exactly the day's reports")
        let twice = times.filter { $0.value > 1 }
        #expect(twice.isEmpty, "accepted more than once: \(twice.keys.sorted().prefix(5))")

        try FollowingTests.quit(console)
        let verify = try await Watchfloor.run(["log", "verify", "--store", server.url], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }
}
