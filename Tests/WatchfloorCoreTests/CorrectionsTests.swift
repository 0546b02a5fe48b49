import Testing
@testable import WatchfloorCore

/// An operator corrects the correlation by hand: `merge` and `split` as pure decisions.
@Suite("Merge and split")
struct CorrectionsTests {
    static let at = Instant(rfc3339: "2026-07-15T18:00:00+08:00")!

    /// Two separate incidents: a crash and a fire far apart, and a second report of the crash.
    func board() -> Intake {
        var intake = makeIntake()
        _ = ingestAll(crashAndFireLines, into: &intake)
        return intake
    }

    func record(_ event: LogEvent, into intake: inout Intake) -> SealedEntry {
        intake.record(LogEntry(at: Self.at, actor: "operator:duty1", exercise: true, event: event))
    }

    @Test("merge folds one incident into another, which keeps every report and the gravest level")
    func merge() throws {
        var intake = board()
        #expect(intake.board.openIncidents.count == 2)
        let decision = try intake.mergeDecision(into: "SD-0001", from: "SD-0002")
        let sealed = record(decision, into: &intake)
        #expect(String(decoding: sealed.line, as: UTF8.self).contains("\"kind\":\"incident.merged\",\"actor\":\"operator:duty1\""))
        let merged = try #require(intake.board.incident("SD-0001"))
        #expect(merged.reports.count == 3)
        #expect(merged.level == .III)
        #expect(intake.board.incident("SD-0002")?.status == .merged)
        #expect(intake.board.openIncidents.count == 1)
    }

    @Test("split takes a report out into a new incident of its own")
    func split() throws {
        var intake = board()
        let decision = try intake.splitDecision(incident: "SD-0001", report: "crash-2")
        _ = record(decision, into: &intake)
        #expect(intake.board.incident("SD-0001")?.reports.map(\.id) == ["crash"])
        let new = try #require(intake.board.incident("SD-0003"))
        #expect(new.reports.map(\.id) == ["crash-2"])
        #expect(new.placement.countyCode == "370102")
        #expect(intake.board.incident(of: ReportKey(source: "/sd/370102/transport", id: "crash-2"))?.id == "SD-0003")
    }

    @Test("merge and split survive a rebuild from the log")
    func rebuild() throws {
        var intake = makeIntake()
        var sealed = ingestAll([
            reportLine(id: "crash", time: "2026-07-15T17:40:00+08:00", category: "traffic_accident"),
            reportLine(id: "crash-2", agency: "transport", time: "2026-07-15T17:41:00+08:00", category: "traffic_accident", lat: 36.6614, lon: 117.0205),
            reportLine(id: "fire", agency: "fire", time: "2026-07-15T17:42:00+08:00", category: "fire", lat: 36.70, lon: 117.10),
        ], into: &intake)
        sealed.append(record(try intake.splitDecision(incident: "SD-0001", report: "crash-2"), into: &intake))
        sealed.append(record(try intake.mergeDecision(into: "SD-0002", from: "SD-0003"), into: &intake))
        let rebuilt = try BoardTests.rebuild(sealed)
        #expect(rebuilt.incidents == intake.board.incidents)
    }

    @Test("each refusal names what is wrong", arguments: [
        ("merge SD-0001 SD-0001", "cannot be merged with itself"),
        ("merge SD-0001 SD-0099", "no incident SD-0099"),
        ("split SD-0002 fire", "only report of SD-0002"),
        ("split SD-0001 nosuch", "SD-0001 has no report nosuch"),
    ])
    func refusals(command: String, reason: String) {
        let intake = board()
        let words = command.split(separator: " ").map(String.init)
        #expect {
            if words[0] == "merge" {
                _ = try intake.mergeDecision(into: words[1], from: words[2])
            } else {
                _ = try intake.splitDecision(incident: words[1], report: words[2])
            }
        } throws: { error in
            (error as? CorrectionRejected)?.message == "\(command): " + reason.replacingOccurrences(of: "\(command): ", with: "")
                || ((error as? CorrectionRejected)?.message.contains(reason) ?? false)
        }
    }

    @Test("a merged incident cannot be merged again")
    func mergedIsClosedToMerge() throws {
        var intake = board()
        _ = record(try intake.mergeDecision(into: "SD-0001", from: "SD-0002"), into: &intake)
        #expect(throws: CorrectionRejected("merge SD-0001 SD-0002: SD-0002 is merged into SD-0001")) {
            try intake.mergeDecision(into: "SD-0001", from: "SD-0002")
        }
    }
}
