import Testing
@testable import WatchfloorCore

@Suite("Board")
struct BoardTests {
    /// Folds sealed lines back, as `board --store` does.
    static func rebuild(_ sealed: [SealedEntry]) throws -> Board {
        var board = Board()
        for s in sealed {
            let entry = try s.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
            #expect(entry == s.entry)
            _ = board.apply(entry)
        }
        return board
    }

    @Test("a log rebuilds exactly the board that wrote it", arguments: ["jinan-rainstorm", "zibo-chemical-fire", "qingdao-typhoon"])
    func rebuild(scenario: String) throws {
        var intake = makeIntake()
        let sealed = ingestAll(try TestData.lines("demo-data/scenarios/\(scenario).jsonl"), into: &intake)
        let rebuilt = try Self.rebuild(sealed)
        #expect(rebuilt.incidents == intake.board.incidents)
        #expect(rebuilt.reports == intake.board.reports)
        #expect(rebuilt.warnings == intake.board.warnings)
        #expect(rebuilt.units == intake.board.units)
        #expect(intake.board.rejectedCount == 0)
    }

    @Test("the same input always gives the same log, byte for byte")
    func deterministic() throws {
        let lines = try TestData.lines("demo-data/scenarios/zibo-chemical-fire.jsonl")
        var a = makeIntake(), b = makeIntake()
        #expect(ingestAll(lines, into: &a).map(\.line) == ingestAll(lines, into: &b).map(\.line))
    }

    static func alert(_ id: String, msgType: String = "Alert", references: String? = nil, expires: String = "2026-07-15T23:00:00+08:00", time: String) -> [UInt8] {
        let refs = references.map { "<references>\($0)</references>" } ?? ""
        let xml = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>\(id)</identifier><sender>济南市气象台</sender><sent>\(time)</sent><status>Actual</status><msgType>\(msgType)</msgType><scope>Public</scope>\(refs)<info><language>zh-CN</language><category>Met</category><event>暴雨红色预警</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty><expires>\(expires)</expires><headline>济南市气象台发布暴雨红色预警信号</headline><area><areaDesc>济南市区</areaDesc><polygon>36.60,116.90 36.60,117.15 36.72,117.15 36.72,116.90 36.60,116.90</polygon></area></info></alert>"
        var w = JSONWriter()
        w.beginObject()
        w.member("specversion", "1.0"); w.member("id", "wx-\(id)-\(msgType)"); w.member("source", "/sd/370100/weather")
        w.member("type", "alert"); w.member("time", time); w.member("datacontenttype", "application/cap+xml")
        w.member("data", xml)
        w.endObject()
        return w.bytes
    }

    @Test("an incident inside an active warning's area is marked; cancel ends it")
    func warnings() {
        var intake = makeIntake()
        _ = ingestAll([
            Self.alert("W1", time: "2026-07-15T17:00:00+08:00"),
            reportLine(id: "in", time: "2026-07-15T17:40:00+08:00", category: "waterlogging"),
            reportLine(id: "out", time: "2026-07-15T17:41:00+08:00", category: "fire", lat: 36.2, lon: 117.1),
        ], into: &intake)
        #expect(intake.board.activeWarnings.map(\.id) == ["W1"])
        #expect(intake.board.activeWarnings.first?.level == .I)
        #expect(intake.board.incident("SD-0001")?.warnings == ["W1"])
        #expect(intake.board.incident("SD-0002")?.warnings == [])
        let sealed = ingestAll([Self.alert("W1C", msgType: "Cancel", references: "济南市气象台,W1,2026-07-15T17:00:00+08:00", time: "2026-07-15T18:00:00+08:00")], into: &intake)
        #expect(sealed.last?.entry.kind == .warningCancelled)
        #expect(intake.board.activeWarnings.isEmpty)
        #expect(intake.board.warnings["W1"]?.status == .cancelled)
        #expect(intake.board.incident("SD-0001")?.warnings == [])
    }

    @Test("an update supersedes the warning it references; a warning past its expiry ends")
    func updateAndExpiry() {
        var intake = makeIntake()
        _ = ingestAll([
            Self.alert("W1", expires: "2026-07-15T18:00:00+08:00", time: "2026-07-15T17:00:00+08:00"),
            Self.alert("W2", msgType: "Update", references: "济南市气象台,W1,2026-07-15T17:00:00+08:00", expires: "2026-07-15T19:00:00+08:00", time: "2026-07-15T17:30:00+08:00"),
        ], into: &intake)
        #expect(intake.board.warnings["W1"]?.status == .superseded)
        #expect(intake.board.activeWarnings.map(\.id) == ["W2"])
        let sealed = ingestAll([reportLine(id: "x", time: "2026-07-15T19:30:00+08:00", category: "fire")], into: &intake)
        #expect(sealed.first?.entry.kind == .warningExpired)
        #expect(sealed.first?.entry.actor == "system")
        #expect(intake.board.activeWarnings.isEmpty)
        #expect(intake.board.warnings["W2"]?.status == .expired)
    }

    @Test("bad lines become report.rejected with feed, offset, reason and the first 200 bytes; the fold goes on")
    func rejected() {
        var intake = makeIntake()
        let long = Array(("{\"x\":\"" + String(repeating: "济", count: 100)).utf8)
        let sealed = ingestAll([Array("not json".utf8), long, reportLine(id: "ok", time: "2026-07-15T17:40:00+08:00", category: "fire")], into: &intake, feed: "police")
        #expect(sealed.map(\.entry.kind) == [.reportRejected, .reportRejected, .reportAccepted, .incidentOpened])
        guard case .reportRejected(let second) = sealed[1].entry.event else { return }
        #expect(second.feed == "police")
        #expect(second.offset == 9)
        #expect(second.line == 2)
        #expect(second.head.utf8.count <= 200)
        #expect(second.head.hasPrefix("{\"x\":\"济"))
        #expect(sealed[1].entry.actor == "feed:police")
        #expect(intake.board.rejectedCount == 2)
    }
}
