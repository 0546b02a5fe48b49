import Foundation
import Testing

/// Any archived log is a scenario: `replay` (and `run --replay`) feed its accepted messages
/// again, from a file or stdin, and the board they make is the board the log recorded.
@Suite("A log as a scenario")
struct LogAsScenarioTests {
    /// The incidents of a store's board, as `board --json` gives them, without times.
    func incidents(_ store: String, in scratch: Scratch) async throws -> [String] {
        let board = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: scratch.url).stdout))
        return board.array("incidents").map { i in
            [i.string("id"), i.string("level"), i.string("category"), i.string("status"), i.string("title")].map { $0 ?? "-" }.joined(separator: "|")
                + "|" + i.array("reports").compactMap { $0.string("id") }.joined(separator: ",")
        }
    }

    @Test("replaying a replay's log, from a file and from stdin, makes the same board; its other entries are not fed")
    func replayTheLog() async throws {
        let scratch = try Scratch()
        let first = scratch.path("first.db").path
        let log = scratch.path("archive.jsonl")
        try await Watchfloor.succeed(["replay", Watchfloor.scenario("zibo-chemical-fire").path, "--headless", "--store", first], in: scratch.url, stdout: log)
        // A duty officer's commands are in the archive too; they are the trainee's to make again.
        let fire = try await Watchfloor.incident(holding: ZiboReport.tankFire, store: first, in: scratch)
        try await Watchfloor.succeed(["exec", "--store", first, "--operator", "duty1", "ack", fire], in: scratch.url)
        let archived = try await Watchfloor.succeed(["log", "cat", "--store", first], in: scratch.url, stdout: log)
        #expect(String(decoding: archived.stdout, as: UTF8.self).contains(#""kind":"command.accepted""#))

        let fromFile = scratch.path("from-file.db").path
        let replayed = try await Watchfloor.succeed(["replay", log.path, "--headless", "--store", fromFile], in: scratch.url)
        let fromStdin = scratch.path("from-stdin.db").path
        try await Watchfloor.succeed(["replay", "-", "--headless", "--store", fromStdin], in: scratch.url, stdin: log)

        let original = try await incidents(first, in: scratch)
        #expect(!original.isEmpty)
        // The original had the tank fire acknowledged; the replayed boards start it new, as a trainee finds it.
        #expect(try await incidents(fromFile, in: scratch) == original.map { $0.replacingOccurrences(of: "|acknowledged|", with: "|new|") })
        #expect(try await incidents(fromStdin, in: scratch) == incidents(fromFile, in: scratch))
        let entries = try loggedEntries(replayed.stdout)
        #expect(!entries.contains { $0.kind == "command.accepted" || $0.kind == "report.rejected" }, "commands are not fed; nothing is refused")
        #expect(entries.filter { $0.kind == "training.expectations" }.count == 1, "the scenario's expectations go along")
        let feeds = Set(entries.filter { $0.kind == "report.accepted" }.compactMap { $0.data["feed"] as? String })
        #expect(feeds == ["zibo-chemical-fire"], "each message on the feed it first came on")
    }
}
