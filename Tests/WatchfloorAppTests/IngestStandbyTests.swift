import Foundation
import Testing

/// One ingester per site, with a standby: the second ingester for the same feeds and store
/// waits without reading them, says whose standby it is, and takes over when the first dies —
/// with every report of the recording accepted exactly once in the end.
@Suite("ingest standby")
struct IngestStandbyTests {
    /// The generated day's 24 hours in about 24 s: slow enough to kill the first ingester with
    /// part of it in, fast enough for the standby's full resend to end soon after.
    static let speed = "3600"

    /// Waits until `condition` holds, checking once more after the deadline (a sleeping test on
    /// a busy machine may wake long after it); records an issue and throws if it never does.
    func waitUntil(_ what: String, seconds: Double = 60, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        if try condition() { return }
        Issue.record("not within \(Int(seconds)) s: \(what)")
        throw CancellationError()
    }

    static func entries(_ file: URL) throws -> [LoggedEntry] { try loggedEntries(writtenSoFarTo: file) }

    static func count(_ kind: String, in file: URL) throws -> Int {
        try Self.entries(file).filter { $0.kind == kind }.count
    }

    func entries(_ file: URL) throws -> [LoggedEntry] { try Self.entries(file) }
    func count(_ kind: String, in file: URL) throws -> Int { try Self.count(kind, in: file) }

    @Test("two ingesters, one TCP feed, one PostgreSQL store: the second is the standby, takes over after kill -9 mid-stream, and every report is accepted once")
    func standbyTakesOverAfterKill() async throws {
        let scratch = try Scratch()
        let db = try ScratchPostgres()
        try await Watchfloor.succeed(["demo", "generate", "--seed", "6006", "--events", "3000", "--output", "day.jsonl"], in: scratch.url)
        let recording = try String(contentsOf: scratch.path("day.jsonl"), encoding: .utf8).split(separator: "\n")
            .filter { !$0.contains(#""type":"feed.heartbeat""#) }
        let keys = try recording.map { line in
            let object = try #require(JSONLines.object(Data(line.utf8)))
            return "\(object["source"] as? String ?? "")|\(object["id"] as? String ?? "")"
        }
        #expect(Set(keys).count == keys.count, "the recording names each report once")

        // Paced, so that the first ingester can be killed with some of the day in and some not.
        let server = try BackgroundWatchfloor(["feed", "serve", "day.jsonl", "--port", "0", "--speed", Self.speed, "--heartbeat", "0.2"], in: scratch)
        defer { server.kill() }
        let port = try #require(try await server.waitForPort(), "\(server.stderr)")
        let ingest = ["ingest", "--store", db.url, "--feed", "agencies=tcp://127.0.0.1:\(port)"]

        let firstOut = scratch.path("first.log")
        let first = try BackgroundWatchfloor(ingest, in: scratch, stdout: firstOut)
        defer { first.kill() }
        try await waitUntil("the first ingester leads the site: \(first.stderr)") { first.stderr.contains("leading site agencies") }

        let secondOut = scratch.path("second.log")
        let second = try BackgroundWatchfloor(ingest, in: scratch, stdout: secondOut)
        defer { second.kill() }
        try await waitUntil("the second says it is the standby: \(second.stderr)") { second.stderr.contains("standby for site agencies") }
        #expect(second.stderr.contains("watchfloor ingest pid \(first.process.processIdentifier) on "), "it names the leader: \(second.stderr)")
        #expect(second.stderr.contains("takes over"), "\(second.stderr)")

        // Killed as soon as 200 are in, from a thread of its own (`onOwnThread`); what the
        // standby wrote is looked at just before, since it takes over within a second after.
        let (someIn, standbyQuiet) = try await onOwnThread { () -> (Bool, Bool) in
            // Counted by substring: no test expectation is made off the test's own task.
            let some = poll(seconds: 60) {
                let text = (try? String(contentsOf: firstOut, encoding: .utf8)) ?? ""
                return text.split(separator: "\n").filter { $0.contains(#""kind":"report.accepted""#) }.count >= 200
            }
            let quiet = (try? Data(contentsOf: secondOut))?.isEmpty ?? false
            first.kill()
            return (some, quiet)
        }
        #expect(someIn, "the first ingester accepted some of the day before it was killed")
        let firstAccepted = try count("report.accepted", in: firstOut)
        #expect(firstAccepted < keys.count, "killed mid-stream, with some of the day still to come")
        #expect(standbyQuiet, "the standby read nothing and wrote nothing while it waited")

        // The standby takes over, and its feed resends the day from its start: it answers every line.
        try await waitUntil("the standby takes over: \(second.stderr)") { second.stderr.contains("leading site agencies") }
        try await waitUntil("the standby answers every line of the day", seconds: 120) {
            let answered = try entries(secondOut).filter(\.answersFeedLine)
            return answered.count >= keys.count
        }
        #expect(try await second.terminate() == 0, "\(second.stderr)")
        server.kill()

        let stored = try loggedEntries(try await Watchfloor.succeed(["log", "cat", "--store", db.url], in: scratch.url).stdout)
        var acceptedTimes: [String: Int] = [:]
        for e in stored where e.kind == "report.accepted" {
            acceptedTimes["\(e.data["source"] as? String ?? "")|\(e.data["id"] as? String ?? "")", default: 0] += 1
        }
        let twice = acceptedTimes.filter { $0.value > 1 }
        #expect(twice.isEmpty, "accepted more than once: \(twice.keys.sorted().prefix(5))")
        let refusedLines = Set(stored.filter { $0.kind == "report.rejected" }.compactMap { ($0.data["line"] as? NSNumber)?.intValue })
        let missing = keys.enumerated().filter { acceptedTimes[$0.element] == nil }
        let unexplained = missing.filter { !refusedLines.contains($0.offset + 1) }
        #expect(unexplained.isEmpty, "\(unexplained.count) reports neither accepted nor refused, e.g. \(unexplained.prefix(3).map(\.element))")
        #expect(acceptedTimes.count + missing.count == keys.count)
        let secondEntries = try entries(secondOut)
        #expect(secondEntries.contains { $0.kind == "report.accepted" }, "the standby accepted the rest of the day")
        #expect(secondEntries.filter { $0.kind == "report.duplicate" }.count >= firstAccepted, "what the first had accepted came again as duplicates")

        let verify = try await Watchfloor.run(["log", "verify", "--store", db.url], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }

    @Test("a standby on a SQLite or PostgreSQL store ends promptly with status 0 on SIGTERM; another takes over after kill -9 of the leader", arguments: ["sqlite", "postgres"])
    func standbyStopsAndTakesOver(_ kind: String) async throws {
        let scratch = try Scratch()
        let db = kind == "postgres" ? try ScratchPostgres() : nil
        let store = db?.url ?? scratch.path("site.db").path
        try "".write(to: scratch.path("police.jsonl"), atomically: true, encoding: .utf8)
        let ingest = ["ingest", "--store", store, "--feed", "police=file:police.jsonl?follow", "--site", "jinan"]

        let leader = try BackgroundWatchfloor(ingest, in: scratch, stdout: scratch.path("leader.log"))
        defer { leader.kill() }
        try await waitUntil("the first ingester leads: \(leader.stderr)") { leader.stderr.contains("leading site jinan") }

        let standbyOut = scratch.path("standby.log")
        let standby = try BackgroundWatchfloor(ingest, in: scratch, stdout: standbyOut)
        defer { standby.kill() }
        try await waitUntil("the second waits as standby: \(standby.stderr)") { standby.stderr.contains("standby for site jinan") }
        #expect(standby.stderr.contains("pid \(leader.process.processIdentifier) on "), "\(standby.stderr)")
        #expect(try await standby.terminate(seconds: 10) == 0, "\(standby.stderr)")
        #expect(standby.stderr.contains("standby for site jinan stopped (SIGTERM)"), "\(standby.stderr)")
        #expect(try Data(contentsOf: standbyOut).isEmpty)

        let nextOut = scratch.path("next.log")
        let next = try BackgroundWatchfloor(ingest, in: scratch, stdout: nextOut)
        defer { next.kill() }
        try await waitUntil("another standby waits: \(next.stderr)") { next.stderr.contains("standby for site jinan") }
        leader.kill()
        try await waitUntil("it takes over from the killed leader: \(next.stderr)") { next.stderr.contains("leading site jinan") }
        try await waitUntil("it reads the feed") { try count("feed.up", in: nextOut) == 1 }
        #expect(try await next.terminate() == 0, "\(next.stderr)")
    }
}
