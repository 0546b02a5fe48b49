import Testing
@testable import WatchfloorCore

/// Given two reports, does the board make them one incident, and why.
@Suite("Correlation")
struct CorrelationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var first: [UInt8]
        var second: [UInt8]
        /// nil: two incidents.
        var rule: MergeReason.Rule?
        var testDescription: String { name }
    }

    // Jinan, 历下区; 0.001° of latitude is about 111 m.
    static let t0 = "2026-07-15T17:40:00+08:00"
    static let t2 = "2026-07-15T17:42:00+08:00"
    static let late = "2026-07-15T19:40:00+08:00"

    static let cases: [Case] = [
        Case(name: "same subtype, 60 m and two minutes apart: one incident",
             first: reportLine(id: "a", time: t0, category: "waterlogging"),
             second: reportLine(id: "b", agency: "urban", time: t2, category: "waterlogging", lat: 36.6617, lon: 117.0205),
             rule: .proximity),
        Case(name: "compatible subtypes (underpass flooded, people trapped): one incident",
             first: reportLine(id: "a", agency: "urban", time: t0, category: "waterlogging"),
             second: reportLine(id: "b", agency: "fire", time: t2, category: "trapped_people", lat: 36.6615, lon: 117.0201),
             rule: .proximity),
        Case(name: "a traffic accident is not a fire, even 20 m away",
             first: reportLine(id: "a", time: t0, category: "traffic_accident"),
             second: reportLine(id: "b", agency: "fire", time: t2, category: "fire", lat: 36.6613, lon: 117.0204),
             rule: nil),
        Case(name: "two crashes 500 m apart are two crashes",
             first: reportLine(id: "a", time: t0, category: "traffic_accident"),
             second: reportLine(id: "b", agency: "transport", time: t2, category: "traffic_accident", lat: 36.6657, lon: 117.0203),
             rule: nil),
        Case(name: "two flood reports 3 km apart are one flood",
             first: reportLine(id: "a", agency: "emergency", time: t0, category: "flood"),
             second: reportLine(id: "b", agency: "urban", time: t2, category: "flood", lat: 36.6882, lon: 117.0203),
             rule: .proximity),
        Case(name: "a flooded underpass is not swallowed by the rainstorm over the city",
             first: reportLine(id: "a", agency: "weather", time: t0, category: "rainstorm"),
             second: reportLine(id: "b", agency: "urban", time: t2, category: "waterlogging", lat: 36.6630, lon: 117.0203),
             rule: nil),
        Case(name: "the same crash reported two hours later is a new crash",
             first: reportLine(id: "a", time: t0, category: "traffic_accident"),
             second: reportLine(id: "b", agency: "transport", time: late, category: "traffic_accident"),
             rule: nil),
        Case(name: "a report that names another in refs joins it wherever it is",
             first: reportLine(id: "a", agency: "fire", time: t0, category: "fire"),
             second: reportLine(id: "b", agency: "transport", time: t2, category: "hazardous_chemicals", lat: 36.70, lon: 117.10,
                                refs: ["/sd/370102/fire#a"]),
             rule: .reference),
        Case(name: "refs may name another agency's report by bare id",
             first: reportLine(id: "U-1", agency: "urban", time: t0, category: "waterlogging"),
             second: reportLine(id: "P-9", time: t2, category: "traffic_accident", lat: 36.70, lon: 117.10, refs: ["U-1"]),
             rule: .reference),
        Case(name: "two reports with only an admin code, of one subtype in one county: one incident",
             first: reportLine(id: "a", time: t0, category: "waterlogging", lat: nil, lon: nil),
             second: reportLine(id: "b", agency: "urban", time: t2, category: "waterlogging", lat: nil, lon: nil),
             rule: .adcode),
        Case(name: "but not two of another county",
             first: reportLine(id: "a", time: t0, category: "waterlogging", lat: nil, lon: nil),
             second: reportLine(id: "b", agency: "urban", adcode: "370105", time: t2, category: "waterlogging", lat: nil, lon: nil),
             rule: nil),
        Case(name: "nor two of merely compatible subtypes: a county is far coarser than a proximity window",
             first: reportLine(id: "a", agency: "urban", time: t0, category: "manhole", lat: nil, lon: nil),
             second: reportLine(id: "b", agency: "emergency", time: t2, category: "power_outage", lat: nil, lon: nil),
             rule: nil),
        // The scenarios' ground truth: a district-only power cut is not the district's missing
        // manhole cover, and a located flooded underpass is not an earlier hotline call
        // somewhere in the same district (demo-data/scenarios/README.md, Jinan).
        Case(name: "a report with only an admin code is not pulled into a located incident by county alone",
             first: reportLine(id: "a", time: t0, category: "waterlogging"),
             second: reportLine(id: "b", agency: "urban", time: t2, category: "waterlogging", lat: nil, lon: nil),
             rule: nil),
        Case(name: "nor is a located report pulled into an incident that has only a county",
             first: reportLine(id: "a", agency: "urban", time: t0, category: "waterlogging", lat: nil, lon: nil),
             second: reportLine(id: "b", time: t2, category: "waterlogging"),
             rule: nil),
    ]

    @Test("merge or not, and why", arguments: cases)
    func pair(_ c: Case) throws {
        var intake = makeIntake()
        let sealed = ingestAll([c.first, c.second], into: &intake)
        let decisions = sealed.map(\.entry.event).filter {
            if case .incidentMerged = $0 { return true }
            if case .incidentOpened = $0 { return true }
            return false
        }
        #expect(decisions.count == 2)
        if let rule = c.rule {
            #expect(intake.board.incidents.count == 1)
            guard case .incidentMerged(let m) = decisions.last else {
                Issue.record("expected a merge, got \(String(describing: decisions.last))")
                return
            }
            #expect(m.reason.rule == rule)
            #expect(m.incident == "SD-0001")
            if rule == .proximity {
                #expect((m.reason.metres ?? -1) >= 0)
                #expect(m.reason.seconds == 120)
            }
            if rule == .reference { #expect(!m.reason.sharedRefs.isEmpty) }
        } else {
            #expect(intake.board.incidents.count == 2)
        }
    }

    @Test("the merge reason records the distance and time it measured")
    func reasonFigures() throws {
        var intake = makeIntake()
        let sealed = ingestAll([
            reportLine(id: "a", time: Self.t0, category: "fire"),
            reportLine(id: "b", agency: "fire", time: Self.t2, category: "fire", lat: 36.6622, lon: 117.0203),
        ], into: &intake)
        guard case .incidentMerged(let m) = sealed.last?.entry.event else { Issue.record("no merge"); return }
        #expect(abs((m.reason.metres ?? 0) - 111) < 2)
        #expect(m.reason.seconds == 120)
        let line = String(decoding: sealed.last!.line, as: UTF8.self)
        #expect(line.contains("\"rule\":\"proximity\",\"metres\":111,\"seconds\":120"))
    }

    @Test("a repeated (source, id) is a duplicate, logged once and otherwise ignored")
    func duplicates() {
        var intake = makeIntake()
        let line = reportLine(id: "a", time: Self.t0, category: "fire")
        let sealed = ingestAll([line, line, line], into: &intake)
        #expect(sealed.map(\.entry.kind) == [.reportAccepted, .incidentOpened, .reportDuplicate, .reportDuplicate])
        #expect(intake.board.incidents.count == 1)
        #expect(intake.board.duplicateCount == 2)
    }

    @Test("refs naming reports of two incidents fold them into the older one")
    func refsJoinIncidents() {
        var intake = makeIntake()
        _ = ingestAll([
            reportLine(id: "a", time: Self.t0, category: "fire"),
            reportLine(id: "b", agency: "fire", time: Self.t0, category: "fire", lat: 36.70, lon: 117.10),
            reportLine(id: "c", agency: "emergency", time: Self.t2, category: "hazardous_chemicals", lat: 36.68, lon: 117.05,
                       refs: ["/sd/370102/police#a", "/sd/370102/fire#b"]),
        ], into: &intake)
        #expect(intake.board.incidents.count == 2)
        #expect(intake.board.incident("SD-0001")?.reports.count == 3)
        #expect(intake.board.incident("SD-0002")?.status == .merged)
        #expect(intake.board.incident("SD-0002")?.mergedInto == "SD-0001")
        #expect(intake.board.openIncidents.count == 1)
    }

    @Test("a report outside the province is kept and flagged, never dropped")
    func outside() {
        var intake = makeIntake()
        _ = ingestAll([reportLine(id: "bj", time: Self.t0, category: "fire", lat: 39.9, lon: 116.4)], into: &intake)
        #expect(intake.board.incidents.count == 1)
        #expect(intake.board.incidents[0].placement.insideProvince == false)
    }

    @Test("an update raises the level; a cancel of the only report closes the incident")
    func updateAndCancel() {
        var intake = makeIntake()
        let update = #"{"specversion":"1.0","id":"a-2","source":"/sd/370102/police","type":"incident.update","time":"2026-07-15T17:50:00+08:00","data":{"ref":"a","level":"II"}}"#.bytes
        let cancel = #"{"specversion":"1.0","id":"a-3","source":"/sd/370102/police","type":"incident.cancel","time":"2026-07-15T17:55:00+08:00","data":{"ref":"a","reason":"误报"}}"#.bytes
        let unknown = #"{"specversion":"1.0","id":"a-4","source":"/sd/370102/police","type":"incident.update","time":"2026-07-15T17:56:00+08:00","data":{"ref":"zzz","level":"I"}}"#.bytes
        let sealed = ingestAll([reportLine(id: "a", time: Self.t0, category: "fire", level: "IV"), update], into: &intake)
        #expect(sealed.last?.entry.kind == .incidentUpdated)
        #expect(intake.board.incidents[0].level == .II)
        let more = ingestAll([cancel, unknown], into: &intake)
        #expect(more.map(\.entry.kind) == [.reportAccepted, .incidentUpdated, .incidentClosed, .reportRejected])
        #expect(intake.board.incidents[0].status == .closed)
        guard case .reportRejected(let r) = more.last?.entry.event else { return }
        #expect(r.reason.contains("has not seen"))
    }

    @Test("a message dated far ahead is refused and does not move the clock or expire warnings")
    func futureTime() {
        var intake = makeIntake()
        let sealed = ingestAll([
            BoardTests.alert("W1", time: "2026-07-15T17:00:00+08:00"),
            reportLine(id: "future", time: "2099-07-15T17:40:00+08:00", category: "fire"),
        ], into: &intake)
        #expect(sealed.last?.entry.kind == .reportRejected)
        guard case .reportRejected(let r) = sealed.last?.entry.event else { return }
        #expect(r.reason.contains("more than a day after"))
        #expect(intake.board.activeWarnings.map(\.id) == ["W1"])
        #expect(intake.board.clock == Instant(rfc3339: "2026-07-15T17:00:00+08:00"))
    }

    @Test("an incident revived by a referring report is found again by proximity")
    func revived() {
        var intake = makeIntake()
        _ = ingestAll([
            reportLine(id: "c1", agency: "transport", time: "2026-07-15T08:00:00+08:00", category: "traffic_accident"),
            reportLine(id: "f1", agency: "fire", time: "2026-07-15T09:45:00+08:00", category: "fire", lat: 36.6613, lon: 117.0203),
            reportLine(id: "p1", time: "2026-07-15T09:50:00+08:00", category: "traffic_accident", lat: 36.70, lon: 117.10, refs: ["/sd/370102/transport#c1"]),
            reportLine(id: "e1", agency: "emergency", time: "2026-07-15T09:55:00+08:00", category: "traffic_accident"),
        ], into: &intake)
        #expect(intake.board.incident(of: ReportKey(source: "/sd/370102/emergency", id: "e1"))?.id == "SD-0001")
    }

    @Test("a late report does not hide the county's recent incidents")
    func lateReport() {
        var intake = makeIntake()
        _ = ingestAll([
            reportLine(id: "a", agency: "fire", time: "2026-07-15T10:00:00+08:00", category: "fire", lat: nil, lon: nil),
            reportLine(id: "late", time: "2026-07-15T09:20:00+08:00", category: "crime", lat: nil, lon: nil),
            reportLine(id: "b", agency: "emergency", time: "2026-07-15T10:05:00+08:00", category: "fire", lat: nil, lon: nil),
        ], into: &intake)
        #expect(intake.board.incident(of: ReportKey(source: "/sd/370102/emergency", id: "b"))?.id == "SD-0001")
    }

    @Test("bare ids reach only within a city, and only an agency changes its own reports")
    func refsScope() {
        var intake = makeIntake()
        let cancel = #"{"specversion":"1.0","id":"t-9","source":"/sd/370102/transport","type":"incident.cancel","time":"2026-07-15T17:50:00+08:00","data":{"ref":"42","reason":"x"}}"#.bytes
        let sealed = ingestAll([
            reportLine(id: "q", adcode: "370202", time: "2026-07-15T17:40:00+08:00", category: "crime", lat: 36.06, lon: 120.38, refs: ["42"]),
            reportLine(id: "42", agency: "fire", time: "2026-07-15T17:41:00+08:00", category: "fire"),
            cancel,
        ], into: &intake)
        #expect(intake.board.incidents.count == 2)
        guard case .reportRejected(let r) = sealed.last?.entry.event else {
            Issue.record("the other agency's cancel was not refused")
            return
        }
        #expect(r.reason.contains("only its own agency may change it"))
        #expect(intake.board.incidents[1].status == .new)
    }
}
