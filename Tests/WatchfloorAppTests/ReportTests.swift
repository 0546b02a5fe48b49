import Foundation
import Testing
import WatchfloorUI

/// `watchfloor report`: a trainee runs the Jinan rainstorm (the scenario replayed in parts
/// into one store, the trainee's commands given through `exec --at` at moments of scenario
/// time between them), and the after-action report says how it went.
@Suite("report")
struct ReportTests {
    static let jinan = Watchfloor.scenario("jinan-rainstorm")
    static let day = "2026-07-15T"

    /// The bus under the 北园大街 bridge, the car in the 经十路 underpass, the garage in 槐荫区.
    static let bus = JinanReport.busUnderBridge
    static let car = JinanReport.carInUnderpass
    static let garage = JinanReport.floodedGarage
    /// A report of each incident the scenario has no expectation for, in the order they open:
    /// the rainfall at 泉城广场, the waterlogging under the 北园大街 bridge, the 二环东路花园路
    /// underpass, 经十路燕山立交 (urban), 燕山立交 with a car stuck (police), the 无影山路
    /// underpass, the power cut in 历下区, the wall down on 七里山路.
    static let withoutExpectation = [
        JinanReport.rainfall, JinanReport.bridgeWaterlogging, "/sd/370112/urban#LC-URB-20260715-0003", "/sd/370102/urban#LX-URB-20260715-0008",
        "/sd/370100/police#JN-POL-20260715-0055", "/sd/370105/urban#TQ-URB-20260715-0009", "/sd/370100/emergency#JN-EMER-20260715-0032",
        JinanReport.wallCollapse,
    ]

    /// The scenario's lines with `time` before `until` (and at or after `from`), as a file.
    static func part(_ dir: Scratch, from: String = "", until: String, name: String) throws -> String {
        let lines = JSONLines(try Data(contentsOf: jinan)).lines.filter { line in
            let time = JSONLines.object(line)?.string("time") ?? ""
            return time >= from && time < until
        }
        let path = dir.path(name)
        try JSONLines.file(lines).write(to: path)
        return path.path
    }

    static func exec(_ words: [String], at time: String, store: String, in dir: Scratch) async throws {
        try await Watchfloor.succeed(["exec", "--store", store, "--operator", "trainee", "--at", day + time + "+08:00"] + words, in: dir.url)
    }

    /// The scripted run: the car answered in time with the kinds expected; the bus answered in
    /// time but with none of the kinds it needs; the garage answered late; the rest missed.
    static func scriptedRun(_ dir: Scratch) async throws -> String {
        let store = dir.path("run.db").path
        func replay(_ file: String) async throws {
            try await Watchfloor.succeed(["replay", file, "--headless", "--speed", "max", "--store", store], in: dir.url)
        }
        let cuts = ["16:49:00", "17:03:00", "17:56:00"].map { day + $0 + "+08:00" }
        try await replay(try part(dir, until: cuts[0], name: "part1.jsonl"))
        let car = try await Watchfloor.incident(holding: Self.car, store: store, in: dir)
        try await exec(["ack", car], at: "16:49:10", store: store, in: dir)
        try await exec(["dispatch", car, "FIRE-3701-03", "URB-3701-02"], at: "16:51:00", store: store, in: dir)

        try await replay(try part(dir, from: cuts[0], until: cuts[1], name: "part2.jsonl"))
        let bus = try await Watchfloor.incident(holding: Self.bus, store: store, in: dir)
        try await exec(["ack", bus], at: "17:04:00", store: store, in: dir)
        try await exec(["dispatch", bus, "FIRE-3701-06", "EMER-3701-03"], at: "17:06:00", store: store, in: dir)

        try await replay(try part(dir, from: cuts[1], until: cuts[2], name: "part3.jsonl"))
        let garage = try await Watchfloor.incident(holding: Self.garage, store: store, in: dir)
        try await exec(["ack", garage], at: "18:00:00", store: store, in: dir)
        try await exec(["dispatch", garage, "FIRE-3709-05", "EMER-3709-04"], at: "18:02:00", store: store, in: dir)

        try await replay(try part(dir, from: cuts[2], until: "9", name: "part4.jsonl"))
        return store
    }

    @Test("a scripted training run through exec gives a known report, in 80 columns, the same every time")
    func scriptedReport() async throws {
        let dir = try Scratch()
        let store = try await Self.scriptedRun(dir)
        let first = try await Watchfloor.succeed(["report", "--store", store], in: dir.url)
        let text = first.stdoutText
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The incidents as the run's board numbered them (all "SD-" and four digits, so the
        // columns stay where they are).
        let ids = try await Watchfloor.incidents(holding: [Self.car, Self.bus, Self.garage, JinanReport.drowning] + Self.withoutExpectation,
                                                 store: store, in: dir)
        let (car, bus, garage, drowning, rainfall) = (ids[0], ids[1], ids[2], ids[3], ids[4])
        let others = Array(ids[4...])
        try #require(ids.allSatisfy { $0.count == "SD-0001".count }, "\(ids)")

        for line in [
            "After-action report",
            "Training run 2026-07-15 15:30:00 to 21:05:00 (5h35m of scenario time)",
            "Operators: trainee (6 commands)",
            "Expectations: 9, from /sd/370100/training#JN-TRAIN-20260715-01",
            "  \(car)  经十路历山路下穿：小轿…  16:48:10  1m/2m        2m50s/5m     met",
            "           sent: rescue, drainage; expected: rescue, drainage",
            // Answered in time, but with an engine and a rescue team: none of what a bus of passengers in the water needs.
            "  \(bus)  北园大街历山路桥下：公…  17:02:15  1m45s/2m     3m45s/5m     missed",
            "           timed from its report at 17:02:15; \(bus) opened 17:02:15",
            "           why: no rescue, pump, ambulance sent",
            "  \(garage)  槐荫区小区地下车库进水…  17:55:30  4m30s/2m     6m30s/5m     late",
            "           sent: rescue, pump; expected: rescue, pump",
            "           why: acknowledged 2m30s late; first unit sent 1m30s late; rescue,",
            "             pump sent late",
            "  \(drowning)  英雄山路下穿有人落水     18:12:00  —/1m         —/3m         missed",
            "           why: not acknowledged; no unit sent",
            "Other incidents (no expectation)",
            "  \(rainfall)  泉城广场站1小时降水量52… 15:55:30  —            —",
            "  expected 9: met 1, late 1, missed 7, unjudged 0",
            "  incidents 17: acknowledged 3, dispatched 3",
            "  median time to acknowledge 1m45s, to first dispatch 3m45s",
            "Timeline, one column = 10m: o opened, a acknowledged, d first unit sent,",
            "  \(car) 经十路历山…     .   ad      .           .       met",
        ] {
            #expect(lines.contains(line), "the report has the line \"\(line)\"\n\(text)")
        }
        for (i, line) in lines.enumerated() {
            #expect(DisplayWidth.of(line) <= 80, "line \(i + 1) is \(DisplayWidth.of(line)) columns: \(line)")
        }

        // Reproducible from the log alone: again, from the log printed out, and from stdin.
        let again = try await Watchfloor.succeed(["report", "--store", store], in: dir.url)
        #expect(again.stdout == first.stdout)
        try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url, stdout: dir.path("run.log"))
        let fromFile = try await Watchfloor.succeed(["report", dir.path("run.log").path], in: dir.url)
        #expect(fromFile.stdout == first.stdout)
        let fromStdin = try await Watchfloor.succeed(["report", "-"], in: dir.url, stdin: dir.path("run.log"))
        #expect(fromStdin.stdout == first.stdout)

        // --json: the same report for tools, the same bytes every time.
        let json = try await Watchfloor.succeed(["report", "--store", store, "--json"], in: dir.url)
        #expect(try await Watchfloor.succeed(["report", dir.path("run.log").path, "--json"], in: dir.url).stdout == json.stdout)
        let report = try #require(JSONLines.object(json.stdout))
        let expected = report.array("expected")
        try #require(expected.count == 9)
        #expect(expected.map { $0.string("verdict") ?? "" } == ["met", "missed", "missed", "missed", "late", "missed", "missed", "missed", "missed"])
        let carJudged = expected[0], busJudged = expected[1], garageJudged = expected[4]
        #expect(carJudged.string("incident") == car && carJudged.string("report") == Self.car)
        #expect(carJudged.int("acknowledge_seconds") == 60 && carJudged.int("dispatch_seconds") == 170)
        #expect(carJudged["sent_kinds"] as? [String] == ["rescue", "drainage"] && carJudged["missing_kinds"] as? [String] == [])
        #expect(busJudged.string("incident") == bus && garageJudged.string("incident") == garage && expected[5].string("incident") == drowning)
        #expect(busJudged.string("from") == "report" && busJudged.string("started") == "2026-07-15T17:02:15.000+08:00")
        #expect(busJudged.string("acknowledge") == "on_time" && busJudged.string("dispatch") == "on_time")
        #expect(busJudged["sent_kinds"] as? [String] == ["engine", "rescue_team"])
        #expect(busJudged["missing_kinds"] as? [String] == ["rescue", "pump", "ambulance"])
        #expect(busJudged["units"] as? [[String: Any]] != nil && busJudged.array("units").map { $0.string("unit") ?? "" } == ["FIRE-3701-06", "EMER-3701-03"])
        // The bus is an incident of its own: the 12319 call an hour earlier had no position.
        #expect((busJudged["times"] as? [String: Any])?.string("opened") == "2026-07-15T17:02:15.000+08:00")
        #expect(garageJudged.string("acknowledge") == "late" && garageJudged.string("dispatch") == "late")
        #expect(garageJudged["late_kinds"] as? [String] == ["rescue", "pump"])
        #expect(expected[5]["reasons"] as? [String] == ["not acknowledged", "no unit sent"])
        #expect(report.array("other_incidents").map { $0.string("incident") ?? "" } == others)
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals.int("expected") == 9 && totals.int("met") == 1 && totals.int("late") == 1 && totals.int("missed") == 7 && totals.int("unjudged") == 0)
        #expect(totals.int("median_acknowledge_seconds") == 105 && totals.int("median_dispatch_seconds") == 225)
        #expect(report.array("operators").map { $0.string("id") ?? "" } == ["trainee"])
        #expect(report["expectations"] as? [String] == ["/sd/370100/training#JN-TRAIN-20260715-01"])
    }

    @Test("a log without expectations still gets a report: times only, and it says so")
    func noExpectations() async throws {
        let dir = try Scratch()
        let lines = JSONLines(try Data(contentsOf: Self.jinan)).lines
        try #require(JSONLines.object(lines[0])?.string("type") == "training.expectations")
        try JSONLines.file(Array(lines[1..<80])).write(to: dir.path("plain.jsonl"))
        try await Watchfloor.succeed(["replay", dir.path("plain.jsonl").path, "--headless", "--store", dir.path("p.db").path],
                                     in: dir.url, stdout: dir.path("plain.log"))
        let report = try await Watchfloor.succeed(["report", dir.path("plain.log").path], in: dir.url)
        #expect(report.stdoutText.contains("Expectations: none in this log; the report gives times only"))
        #expect(report.stdoutText.contains("\nIncidents\n"))
        let car = try await Watchfloor.incident(holding: Self.car, store: dir.path("p.db").path, in: dir)
        #expect(report.stdoutText.contains("  \(car)  经十路与历山路交叉口下…"))
        #expect(!report.stdoutText.contains("expected "))
        let json = try #require(JSONLines.object(try await Watchfloor.succeed(["report", dir.path("plain.log").path, "--json"], in: dir.url).stdout))
        #expect(json.array("expected").isEmpty && (json["expectations"] as? [String])?.isEmpty == true)
        #expect(!json.array("other_incidents").isEmpty)
    }

    @Test("what report refuses, it says how to put right")
    func refusals() async throws {
        let dir = try Scratch()
        let noStore = try await Watchfloor.run(["report", "--store", dir.path("none.db").path], in: dir.url)
        #expect(noStore.status == 1)
        #expect(noStore.stderrText.contains("no store at \(dir.path("none.db").path) — replay a scenario into it first"))

        let both = try await Watchfloor.run(["report", "x.log", "--store", "y.db"], in: dir.url)
        #expect(both.status == 64)
        #expect(both.stderrText.contains("give a log file or --store, not both"))

        try Data("{\"seq\":1}\n".utf8).write(to: dir.path("bad.log"))
        let bad = try await Watchfloor.run(["report", dir.path("bad.log").path], in: dir.url)
        #expect(bad.status == 1)
        #expect(bad.stderrText.contains("bad.log: line 1 cannot be read"))
        #expect(bad.stderrText.contains("watchfloor log verify"))

        try Data().write(to: dir.path("empty.log"))
        let empty = try await Watchfloor.run(["report", dir.path("empty.log").path], in: dir.url)
        #expect(empty.status == 1)
        #expect(empty.stderrText.contains("holds no training entries (exercise: true)"))
    }

    @Test("exec --at records a training command at a moment of scenario time, and refuses anything live")
    func execAt() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        let ids = try await Watchfloor.incidents(holding: [JinanReport.rainfall, JinanReport.bridgeWaterlogging], store: store, in: dir)
        try await Self.exec(["ack", ids[0]], at: "16:00:00", store: store, in: dir)
        let cat = try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url)
        let last = try #require(try loggedEntries(cat.stdout).last)
        #expect(last.kind == "command.accepted")
        #expect(last.object["at"] as? String == "2026-07-15T16:00:00.000+08:00")
        #expect(last.object["exercise"] as? Bool == true)

        // A unit on no incident is live work: a backdated entry there would falsify the record.
        let live = try await Watchfloor.run(["exec", "--store", store, "--operator", "trainee", "--at", "2026-07-15T16:00:00+08:00",
                                             "status", "FIRE-3702-01", "out_of_service"], in: dir.url)
        #expect(live.status == 2)
        #expect(live.stderrText.contains("--at is for training runs"))
        let after = try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url)
        #expect(after.stdout == cat.stdout, "nothing was recorded")

        let badTime = try await Watchfloor.run(["exec", "--store", store, "--operator", "trainee", "--at", "16:00", "ack", ids[1]], in: dir.url)
        #expect(badTime.status == 64)
        #expect(badTime.stderrText.contains("--at must be an RFC 3339 time like 2026-07-15T17:05:00+08:00, not '16:00'"))
    }
}
