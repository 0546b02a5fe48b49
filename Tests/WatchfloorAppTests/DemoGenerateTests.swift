import Foundation
import Testing

/// DESIGN §3.5: `demo generate` writes an ordinary day deterministically: the same seed gives
/// the same bytes, and what it writes is a feed the replay accepts whole.
@Suite("demo generate")
struct DemoGenerateTests {
    @Test("the same seed gives the same bytes; another seed gives another day")
    func deterministic() async throws {
        let dir = try Scratch()
        let a = try await Watchfloor.succeed(["demo", "generate", "--seed", "5", "--events", "500"], in: dir.url)
        let b = try await Watchfloor.succeed(["demo", "generate", "--seed", "5", "--events", "500"], in: dir.url)
        let c = try await Watchfloor.succeed(["demo", "generate", "--seed", "6", "--events", "500"], in: dir.url)
        try #require(!a.stdout.isEmpty)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        #expect(JSONLines(c.stdout).lines.count == 500)
    }

    @Test("the committed ordinary day is exactly what `make demo-data` regenerates")
    func committedOrdinaryDay() async throws {
        let dir = try Scratch()
        let fresh = try await Watchfloor.succeed(["demo", "generate", "--seed", "20261124", "--events", "3000"], in: dir.url)
        let committed = try Data(contentsOf: Watchfloor.packageRoot.appendingPathComponent("demo-data/scenarios/ordinary-day.jsonl"))
        #expect(fresh.stdout == committed)
    }

    @Test("--output writes the same bytes as stdout")
    func outputFile() async throws {
        let dir = try Scratch()
        let toStdout = try await Watchfloor.succeed(["demo", "generate", "--seed", "5", "--events", "500"], in: dir.url)
        try await Watchfloor.succeed(["demo", "generate", "--seed", "5", "--events", "500", "--output", dir.path("day.jsonl").path], in: dir.url)
        #expect(try Data(contentsOf: dir.path("day.jsonl")) == toStdout.stdout)
    }

    @Test("exactly the number of events asked for, each a CloudEvent of a known type from a Shandong source", arguments: [1, 500, 3000])
    func eventCount(events: Int) async throws {
        let dir = try Scratch()
        let day = try await Watchfloor.succeed(["demo", "generate", "--seed", "5", "--events", String(events)], in: dir.url)
        #expect(day.stdout.last == 0x0A)
        let lines = JSONLines(day.stdout).lines
        #expect(lines.count == events)
        let types: Set = ["incident.report", "incident.update", "incident.cancel", "unit.status", "alert", "feed.heartbeat"]
        var times: [String] = []
        for (i, line) in lines.enumerated() {
            let o = try #require(JSONLines.object(line), "line \(i + 1) is JSON")
            #expect(o.string("specversion") == "1.0")
            #expect(types.contains(o.string("type") ?? ""), "line \(i + 1) type \(o.string("type") ?? "nil")")
            #expect((o.string("source") ?? "").hasPrefix("/sd/37"), "line \(i + 1) source")
            #expect(o.string("id")?.isEmpty == false)
            times.append(o.string("time") ?? "")
        }
        #expect(times.allSatisfy { $0.hasPrefix("2026-11-24T") && $0.hasSuffix("+08:00") })
        #expect(times == times.sorted(), "the day is sorted by time")
    }

    @Test("a generated day replays with nothing rejected and nothing duplicated")
    func replaysCleanly() async throws {
        let dir = try Scratch()
        let file = dir.path("day.jsonl")
        try await Watchfloor.succeed(["demo", "generate", "--seed", "5", "--events", "500"], in: dir.url, stdout: file)
        let messages = try scenarioMessages(file)
        try #require(messages.count == 500)
        let replay = try await Watchfloor.succeed(["replay", file.path, "--headless", "--store", dir.path("x.db").path], in: dir.url)
        let log = try loggedEntries(replay.stdout)
        let kinds = log.compactMap(\.kind)
        #expect(kinds.filter { $0 == "report.rejected" }.count == 0,
                "rejected: \(log.filter { $0.kind == "report.rejected" }.prefix(3).map { $0.data.string("reason") ?? "" })")
        #expect(kinds.filter { $0 == "report.duplicate" }.count == 0)
        #expect(kinds.filter { $0 == "report.accepted" }.count == messages.filter { $0.type != "feed.heartbeat" }.count)
        #expect(kinds.contains("incident.opened"))
        // Incidents across the province: more than one city.
        let board = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", dir.path("x.db").path, "--json"], in: dir.url).stdout))
        let cities = Set(board.array("incidents").compactMap { $0.string("adcode")?.prefix(4) })
        #expect(cities.count > 1, "cities: \(cities.sorted())")
    }

    @Test("zero events is refused")
    func zeroEvents() async throws {
        let dir = try Scratch()
        let outcome = try await Watchfloor.run(["demo", "generate", "--events", "0"], in: dir.url)
        #expect(outcome.status != 0)
        #expect(outcome.stderrText.contains("--events"))
    }
}
