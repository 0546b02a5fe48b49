import Foundation
import Testing
@testable import WatchfloorCore

/// The correlation ground truth that demo-data/scenarios/README.md writes down for each
/// scenario, checked against the board the scenario's replay makes: every "should merge"
/// group is one incident, and not another group's; every "must stay separate" pair is two. (Judgement calls are the
/// officer's, so either is right.) Read from the README itself, so the two cannot drift apart.
@Suite("Scenario correlation ground truth")
struct ScenarioGroundTruthTests {
    /// One bullet of the README: a title and the reports it names, `source#id`.
    struct Group {
        var title: String
        var reports: [String]
    }

    /// The groups under `heading` in the section of `scenario`.
    static func groups(_ scenario: String, under heading: String) throws -> [Group] {
        let text = try String(contentsOf: TestData.url("demo-data/scenarios/README.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let section = try #require(lines.firstIndex { $0.hasPrefix("### `\(scenario).jsonl`") }, "the README has a section for \(scenario)")
        let start = try #require(lines[section...].firstIndex { $0.hasPrefix("**\(heading)") }, "\(scenario) has \"\(heading)\"")
        var groups: [Group] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("**") || line.hasPrefix("#") { break }
            if line.hasPrefix("- ") {
                groups.append(Group(title: String(line.dropFirst(2).prefix(40)), reports: []))
            } else if line.hasPrefix("  - `"), !groups.isEmpty {
                let quoted = line.dropFirst(5).prefix { $0 != "`" }
                groups[groups.count - 1].reports.append(String(quoted))
            }
        }
        return groups
    }

    static func replayed(_ scenario: String) throws -> Board {
        let units = try UnitCatalogue.decode(try Data(contentsOf: TestData.url("demo-data/units.json")))
        var intake = Intake(board: Board(units: units), correlator: Correlator(places: TestData.gazetteer), exercise: true)
        _ = ingestAll(try TestData.lines("demo-data/scenarios/\(scenario).jsonl"), into: &intake, feed: scenario)
        return intake.board
    }

    static func incidents(_ group: Group, on board: Board) throws -> [String] {
        try group.reports.map { report in
            let key = try #require(ReportKey(parsing: report), "\(report) is source#id")
            return try #require(board.incident(of: key), "\(report) is on an incident").id
        }
    }

    @Test("each \"should merge\" group is one incident of its own; each \"must stay separate\" group is as many incidents as reports",
          arguments: ["jinan-rainstorm", "zibo-chemical-fire", "qingdao-typhoon"])
    func groundTruth(scenario: String) throws {
        let board = try Self.replayed(scenario)
        let merge = try Self.groups(scenario, under: "One incident each")
        let separate = try Self.groups(scenario, under: "Must stay separate")
        #expect(merge.count >= 3 && separate.count >= 3, "\(scenario): the README's lists were read")
        var incidentOfGroup: [String] = []
        for group in merge {
            #expect(group.reports.count >= 2, "\(group.title)")
            let ids = try Self.incidents(group, on: board)
            #expect(Set(ids).count == 1, "\(scenario): \(group.title) should be one incident: \(zip(group.reports, ids).map { "\($0) → \($1)" })")
            // A group the README calls "the same incident" continues the one before it; any
            // other group is an incident of its own, not folded into another group's.
            if group.title.contains("(the same incident)"), let previous = incidentOfGroup.last {
                #expect(ids.first == previous, "\(scenario): \(group.title) is the incident before it")
            } else {
                #expect(!incidentOfGroup.contains(ids.first ?? ""), "\(scenario): \(group.title) is folded into another group's incident \(ids.first ?? "")")
                incidentOfGroup.append(ids.first ?? "")
            }
        }
        for group in separate {
            #expect(group.reports.count >= 2, "\(group.title)")
            let ids = try Self.incidents(group, on: board)
            #expect(Set(ids).count == ids.count, "\(scenario): \(group.title) must stay apart: \(zip(group.reports, ids).map { "\($0) → \($1)" })")
        }
    }
}
