import Foundation
import Testing
import WatchfloorCore

/// A bundled training scenario and the city it happens in.
struct Scenario: Sendable, CustomTestStringConvertible {
    var name: String
    /// The first four digits of the city's GB/T 2260 code.
    var cityPrefix: String
    /// Reports (`source#id`) that are plainly one incident: same spot, minutes apart, several agencies.
    var oneIncident: [String]
    /// Two reports that must stay two incidents.
    var separate: (String, String)

    var testDescription: String { name }
    var file: URL { Watchfloor.scenario(name) }

    static let all: [Scenario] = [
        Scenario(
            name: "jinan-rainstorm", cityPrefix: "3701",
            // 经十路与历山路下穿: police, urban and fire within 76 m and 2 min 45 s.
            oneIncident: ["/sd/370100/police#JN-POL-20260715-0041", "/sd/370102/urban#LX-URB-20260715-0005", "/sd/370100/fire#JN-FIRE-20260715-0018"],
            // 二环东路: the underpass vs a crash 1.8 km north, 17 min later.
            separate: ("/sd/370112/urban#LC-URB-20260715-0003", "/sd/370100/police#JN-POL-20260715-0050")
        ),
        Scenario(
            name: "zibo-chemical-fire", cityPrefix: "3703",
            // The tank fire: 119 and the plant's own report, 60 m and 95 s apart.
            oneIncident: ["/sd/370300/fire#ZB119-20260409-012", "/sd/370300/emergency#ZBYJ202604090005"],
            // A kitchen fire 3 km away, 1.5 h later.
            separate: ("/sd/370300/fire#ZB119-20260409-038", "/sd/370300/fire#ZB119-20260409-012")
        ),
        Scenario(
            name: "qingdao-typhoon", cityPrefix: "3702",
            // 太平路栈桥: urban and police, 71 m and 2 min apart.
            oneIncident: ["/sd/370202/urban#SN-URB-20260811-0014", "/sd/370200/police#QD110-20260811-02245"],
            // Two fallen trees on 香港中路, 720 m and 21 min apart.
            separate: ("/sd/370202/urban#SN-URB-20260811-0015", "/sd/370202/urban#SN-URB-20260811-0016")
        ),
    ]
}

@Suite("Replaying a training scenario")
struct ScenarioReplayTests {
    @Test("replay --headless prints the incident log: one chained JSON object a line, all exercise", arguments: Scenario.all)
    func replayPrintsTheLog(scenario: Scenario) async throws {
        let dir = try Scratch()
        let messages = try scenarioMessages(scenario.file)
        let replay = try await Watchfloor.succeed(
            ["replay", scenario.file.path, "--headless", "--store", dir.path("x.db").path], in: dir.url, stdout: dir.path("out.log")
        )
        #expect(replay.stderr.isEmpty, "stderr: \(replay.stderrText)")
        let log = try loggedEntries(replay.stdout)
        try #require(!log.isEmpty)

        for (i, entry) in log.enumerated() {
            let o = entry.object
            for key in ["seq", "at", "kind", "actor", "exercise", "data", "prev"] {
                #expect(o.has(key), "line \(i + 1) lacks `\(key)`")
            }
            #expect(entry.seq == i + 1, "seq runs 1…n without a gap")
            #expect(o["exercise"] as? Bool == true, "line \(i + 1): a replay is training")
            #expect(o["data"] is [String: Any], "line \(i + 1): data is an object")
            #expect((o.string("at") ?? "").hasSuffix("+08:00"), "line \(i + 1): `at` in China time")
            let actor = o.string("actor") ?? ""
            #expect(actor == "system" || actor == "feed:\(scenario.name)", "line \(i + 1): actor \(actor)")
            // The chain, checked here independently of `log verify`.
            #expect(entry.prev == (i == 0 ? String(repeating: "0", count: 64) : log[i - 1].hash), "line \(i + 1): prev")
        }
        // Every message but the heartbeats and the scenario's expectations is accepted once;
        // the expectations are logged once as such; nothing is rejected or a duplicate.
        let kinds = log.compactMap(\.kind)
        let expected = messages.filter { $0.type != "feed.heartbeat" && $0.type != "training.expectations" }.count
        #expect(kinds.filter { $0 == "report.accepted" }.count == expected)
        #expect(kinds.filter { $0 == "training.expectations" }.count == 1)
        #expect(kinds.first == "training.expectations")
        #expect(!kinds.contains("report.rejected"))
        #expect(!kinds.contains("report.duplicate"))
        #expect(kinds.contains("incident.opened"))
        #expect(kinds.contains("warning.issued"))

        let verify = try await Watchfloor.succeed(["log", "verify", dir.path("out.log").path], in: dir.url)
        #expect(verify.stdoutText.contains("intact"))
        #expect(verify.stdoutText.contains("\(log.count) entries"))
        #expect(verify.stdoutText.contains(log.last!.hash), "verify prints the head hash")

        let verifyStore = try await Watchfloor.succeed(["log", "verify", "--store", dir.path("x.db").path], in: dir.url)
        #expect(verifyStore.stdoutText.contains("intact"))

        // The store holds exactly what was printed.
        let cat = try await Watchfloor.succeed(["log", "cat", "--store", dir.path("x.db").path], in: dir.url)
        #expect(cat.stdout == replay.stdout)
        let tail = try await Watchfloor.succeed(["log", "cat", "--store", dir.path("x.db").path, "--from", "100"], in: dir.url)
        #expect(try loggedEntries(tail.stdout).first?.seq == 100)
        #expect(JSONLines(tail.stdout).lines == Array(JSONLines(replay.stdout).lines.dropFirst(99)))
    }

    @Test("board --json has the stable shape of DESIGN §4", arguments: Scenario.all)
    func boardJSONShape(scenario: Scenario) async throws {
        let dir = try Scratch()
        try await Watchfloor.succeed(["replay", scenario.file.path, "--headless", "--store", dir.path("x.db").path], in: dir.url)
        let board = try await Watchfloor.succeed(["board", "--store", dir.path("x.db").path, "--json"], in: dir.url)
        let json = try #require(JSONLines.object(board.stdout), "board --json prints one JSON object: \(board.stdoutText.prefix(300))")

        let incidents = try #require(json["incidents"] as? [[String: Any]])
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        let units = try #require(json["units"] as? [[String: Any]])
        try #require(!incidents.isEmpty && !warnings.isEmpty && !units.isEmpty)

        // Every field of the shape is there (null when there is no value): scripts index them.
        expectKeys(["id", "level", "category", "status", "title", "adcode", "lat", "lon", "reports", "units"], in: incidents, of: "incidents")
        expectKeys(["id", "source", "agency", "time", "title"], in: incidents.flatMap { $0.array("reports") }, of: "reports")
        expectKeys(["id", "level", "headline", "areaDesc", "expires", "status"], in: warnings, of: "warnings")
        expectKeys(["id", "agency", "status", "incident"], in: units, of: "units")
        #expect(incidents.allSatisfy { $0["units"] is [Any] && $0["reports"] is [Any] })
    }

    /// One expectation per key: which objects lack it.
    func expectKeys(_ keys: [String], in objects: [[String: Any]], of name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for key in keys {
            let lacking = objects.filter { !$0.has(key) }.map { $0.string("id") ?? "?" }
            let everyOneHasIt = lacking.isEmpty
            #expect(everyOneHasIt, "\(lacking.count) of \(objects.count) \(name) lack `\(key)`, e.g. \(lacking.prefix(3))", sourceLocation: sourceLocation)
        }
    }

    @Test("the board shows every report once, merged across agencies, in the scenario's city", arguments: Scenario.all)
    func boardContents(scenario: Scenario) async throws {
        let dir = try Scratch()
        let messages = try scenarioMessages(scenario.file)
        try await Watchfloor.succeed(["replay", scenario.file.path, "--headless", "--store", dir.path("x.db").path], in: dir.url)
        let board = try await Watchfloor.succeed(["board", "--store", dir.path("x.db").path, "--json"], in: dir.url)
        let json = try #require(JSONLines.object(board.stdout))
        let incidents = json.array("incidents")
        let warnings = json.array("warnings")
        try #require(!incidents.isEmpty)

        // Every incident has a report; every report of the scenario is on exactly one incident.
        var incidentOf: [String: String] = [:]
        for incident in incidents {
            let id = incident.string("id") ?? "?"
            #expect(!incident.array("reports").isEmpty, "\(id) has no report")
            #expect(["I", "II", "III", "IV"].contains(incident.string("level") ?? ""), "\(id) level")
            for report in incident.array("reports") {
                let key = "\(report.string("source") ?? "")#\(report.string("id") ?? "")"
                #expect(incidentOf[key] == nil, "\(key) is on \(incidentOf[key] ?? "") and on \(id)")
                incidentOf[key] = id
                // The agency is the one the source names.
                #expect(report.string("agency") == report.string("source")?.split(separator: "/").last.map(String.init))
            }
        }
        let reported = Set(messages.filter { $0.type == "incident.report" }.map(\.key))
        #expect(Set(incidentOf.keys) == reported)

        // Several agencies' reports of one event become one incident.
        let multiAgency = incidents.filter { Set($0.array("reports").compactMap { $0.string("agency") }).count >= 2 }
        #expect(!multiAgency.isEmpty, "at least one incident is reported by two or more agencies")
        let merged = Set(scenario.oneIncident.compactMap { incidentOf[$0] })
        #expect(merged.count == 1, "\(scenario.oneIncident) are one incident, not \(merged.sorted())")
        let (a, b) = scenario.separate
        #expect(incidentOf[a] != nil && incidentOf[a] != incidentOf[b], "\(a) and \(b) stay apart")

        // Located incidents are placed in a county of the scenario's city.
        for incident in incidents where !incident.isNull("lat") && !incident.isNull("lon") {
            let adcode = incident.string("adcode")
            #expect(adcode?.count == 6 && adcode?.hasPrefix(scenario.cityPrefix) == true,
                    "\(incident.string("id") ?? "?") at \(incident["lat"] ?? "")/\(incident["lon"] ?? "") has adcode \(adcode ?? "null")")
        }

        // One warning per alert that is not a Cancel; at the end none is in force.
        let alerts = messages.compactMap(\.capMessageType)
        try #require(!alerts.isEmpty, "the scenario issues warnings")
        #expect(warnings.count == alerts.filter { $0 != "Cancel" }.count)
        #expect(warnings.allSatisfy { $0.string("status") != "active" },
                "no warning is in force at the end: \(warnings.map { "\($0.string("id") ?? "") \($0.string("status") ?? "")" })")
        #expect(Set(warnings.compactMap { $0.string("status") }).isSubset(of: ["superseded", "cancelled", "expired"]))

        // The text board says the same.
        let text = try await Watchfloor.succeed(["board", "--store", dir.path("x.db").path], in: dir.url)
        #expect(text.stdoutText.contains("Warnings: 0 in force"))
    }

    @Test("replaying the same file again only records duplicates and leaves the board as it was", arguments: Scenario.all)
    func replayTwice(scenario: Scenario) async throws {
        let dir = try Scratch()
        let store = dir.path("x.db").path
        let messages = try scenarioMessages(scenario.file)
        let first = try await Watchfloor.succeed(["replay", scenario.file.path, "--headless", "--store", store], in: dir.url, stdout: dir.path("first.log"))
        let boardBefore = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: dir.url).stdout))

        let second = try await Watchfloor.succeed(["replay", scenario.file.path, "--headless", "--store", store], in: dir.url, stdout: dir.path("second.log"))
        let firstLog = try loggedEntries(first.stdout)
        let secondLog = try loggedEntries(second.stdout)
        let expected = messages.filter { $0.type != "feed.heartbeat" }
        #expect(secondLog.count == expected.count)
        #expect(secondLog.allSatisfy { $0.kind == "report.duplicate" }, "kinds: \(Set(secondLog.compactMap(\.kind)))")
        #expect(secondLog.map { "\($0.data.string("source") ?? "")#\($0.data.string("id") ?? "")" } == expected.map(\.key))
        // The second run continues the first's chain.
        #expect(secondLog.first?.seq == firstLog.count + 1)
        #expect(secondLog.first?.prev == firstLog.last?.hash)
        try await Watchfloor.succeed(["log", "verify", dir.path("first.log").path, dir.path("second.log").path], in: dir.url)
        try await Watchfloor.succeed(["log", "verify", "--store", store], in: dir.url)

        let boardAfter = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: dir.url).stdout))
        #expect(boardAfter.array("incidents").count == boardBefore.array("incidents").count)
        #expect(try canonicalJSON(boardAfter["incidents"]) == canonicalJSON(boardBefore["incidents"]))
        #expect(try canonicalJSON(boardAfter["warnings"]) == canonicalJSON(boardBefore["warnings"]))
    }

    @Test("replay --summary prints the board on stderr and leaves stdout to the log")
    func summaryGoesToStderr() async throws {
        let dir = try Scratch()
        let file = Watchfloor.scenario("jinan-rainstorm")
        let replay = try await Watchfloor.succeed(["replay", file.path, "--headless", "--summary"], in: dir.url)
        #expect(replay.stderrText.contains("Incidents:"))
        #expect(replay.stderrText.contains("Warnings: 0 in force"))
        _ = try loggedEntries(replay.stdout)
    }
}
