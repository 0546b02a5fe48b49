import Foundation
import Testing

/// A console that reads a feed itself (`run --feed`), or replays training (`run --replay`),
/// onto a PostgreSQL board keeps going when the server restarts under it: it holds the lines
/// back while the store is out of reach, reads the board again from the store, and then
/// commits what it had taken — every report accepted once, the log whole.
///
/// The restart comes from a thread of its own (`onOwnThread`) as soon as part of the day is
/// in: it must come while the console is still committing.
@Suite("a console's own feeds and replay across a store outage")
struct ConsoleFeedsOutageTests {
    /// Runs `watchfloor ARGUMENTS` to its end, stdout into `stdout`; returns its exit code.
    @discardableResult
    func watchfloor(_ arguments: [String], stdout: URL? = nil) throws -> Int32 {
        let status = try Spawn.run([Watchfloor.binary.path] + arguments, stdout: stdout)
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// The store's log lines, as `log cat` prints them (none if it fails; `log verify` at the
    /// end says why). Safe off the test's task: it makes no expectation.
    static func storedLines(_ url: String, in scratch: Scratch) -> [Substring] {
        let out = scratch.path("log-cat-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try? Spawn.run([Watchfloor.binary.path, "log", "cat", "--store", url], stdout: out)
        return ((try? String(contentsOf: out, encoding: .utf8)) ?? "").split(separator: "\n")
    }

    static func acceptedSoFar(_ url: String, in scratch: Scratch) -> Int {
        storedLines(url, in: scratch).filter { $0.contains(#""kind":"report.accepted""#) }.count
    }

    /// The feed's case only: a training replay's broken commits are driven, moment by moment,
    /// by `BrokenCommitTests`, and a second 90-second console here loaded the machine enough
    /// to make other tests' timings slip.
    @Test("PostgreSQL restarted while a console commits a TCP feed's lines: the console goes on, and every report is accepted exactly once")
    func restartUnderConsole() async throws {
        let scratch = try Scratch()
        let server = try OwnPostgresServer()
        // Lines are being committed all the while the server restarts: a generated day, served
        // over TCP in about 48 s.
        let file = scratch.path("day.jsonl")
        try #require(try watchfloor(["demo", "generate", "--seed", "7007", "--events", "3000", "--output", file.path]) == 0)
        let feed = try BackgroundWatchfloor(["feed", "serve", file.path, "--port", "0", "--speed", "1800", "--heartbeat", "0.5"], in: scratch)
        defer { feed.kill() }
        let port = try #require(try await feed.waitForPort(), "\(feed.stderr)")
        let keys = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .filter { !$0.contains(#""type":"feed.heartbeat""#) }
            .map { line in
                let object = try #require(JSONLines.object(Data(line.utf8)))
                return "\(object["source"] as? String ?? "")|\(object["id"] as? String ?? "")"
            }
        let console = try TmuxScreen(["run", "--store", server.url, "--feed", "agencies=tcp://127.0.0.1:\(port)", "--lang", "en"],
                                     width: 120, height: 40, in: scratch)

        let url = server.url
        let before = try await onOwnThread { () throws -> Int in
            _ = poll(seconds: 60, every: 0.25) { Self.acceptedSoFar(url, in: scratch) >= 100 }
            let before = Self.acceptedSoFar(url, in: scratch)
            try server.restart()
            return before
        }
        #expect(before >= 100, "the console committed part of the day before the restart")
        #expect(before < keys.count, "the server restarts mid-stream, with some of the day still to come")

        // The generated day holds no bad line: replayed, each of its reports is accepted.
        let allIn = try await onOwnThread { poll(seconds: 180, every: 1) { Self.acceptedSoFar(url, in: scratch) >= keys.count } }
        if !allIn {
            let screen = (try? console.capture())?.joined(separator: "\n") ?? ""
            Issue.record("not within 180 s: \(Self.acceptedSoFar(url, in: scratch)) of \(keys.count) accepted; the console shows:\n\(screen)")
            return
        }
        let screen = try console.capture()
        #expect(!screen.contains { $0.contains("[exited") }, "the console is still running: \(screen.joined(separator: "\n"))")
        try await console.waitFor("the status bar no longer says the store is out of reach") { !$0.contains { $0.contains("STORE UNREACHABLE") } }

        var times: [String: Int] = [:]
        for line in Self.storedLines(url, in: scratch) where line.contains(#""kind":"report.accepted""#) {
            let entry = try #require(JSONLines.object(Data(line.utf8)))
            let data = entry["data"] as? [String: Any] ?? [:]
            times["\(data["source"] as? String ?? "")|\(data["id"] as? String ?? "")", default: 0] += 1
        }
        #expect(Set(times.keys) == Set(keys), "the store accepted exactly the day's reports")
        let twice = times.filter { $0.value > 1 }
        #expect(twice.isEmpty, "accepted more than once: \(twice.keys.sorted().prefix(5))")

        try await FollowingTests.quit(console)
        #expect(try watchfloor(["log", "verify", "--store", server.url]) == 0, "the log verifies")
    }
}
