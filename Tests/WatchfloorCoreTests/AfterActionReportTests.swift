import Testing
@testable import WatchfloorCore

/// The after-action report computed from a scripted training log: reports arrive, a trainee
/// acknowledges and dispatches at known moments of scenario time, and the report says how
/// each expectation went.
@Suite("After-action report")
struct AfterActionReportTests {
    static let units = [
        unit("POL-3701-01", .police, "traffic_police"), unit("EMER-3701-01", .emergency, "ambulance"),
        unit("FIRE-3701-01", .fire, "engine"), unit("FIRE-3701-02", .fire, "rescue"),
    ]

    static func unit(_ id: String, _ agency: Agency, _ kind: String) -> Unit {
        Unit(id: id, agency: agency, kind: kind, name: id, adcode: "370102", station: "s", home: GeoPoint(lat: 36.66, lon: 117.02))
    }

    static func expectations(_ items: String) -> [UInt8] {
        #"{"specversion":"1.0","id":"T-1","source":"/sd/370100/training","type":"training.expectations","time":"2026-07-15T17:30:00+08:00","data":{"expect":[\#(items)]}}"#.bytes
    }

    /// A training run: the expectations, then the crash (SD-0001, two reports) and the fire
    /// (SD-0002), with the trainee's commands at the given times (`HH:MM:SS`, China time).
    struct Run {
        var intake = Intake(board: Board(units: AfterActionReportTests.units), correlator: Correlator(places: TestData.gazetteer), exercise: true)
        var log: [SealedEntry] = []

        init(expecting items: String) {
            log += ingestAll([AfterActionReportTests.expectations(items)] + crashAndFireLines, into: &intake, feed: "drill")
        }

        mutating func command(_ text: String, at time: String, operator id: String = "trainee") {
            let outcome = intake.command(text, operator: id, at: Instant(rfc3339: "2026-07-15T\(time)+08:00")!)
            #expect(outcome.accepted, "\(text): \(outcome.answer)")
            log += outcome.entries
        }

        /// The report, from the log's lines read back (as `watchfloor report` reads them).
        func report() throws -> AfterActionReport {
            var record = TrainingRunRecord(unitKinds: Dictionary(uniqueKeysWithValues: AfterActionReportTests.units.map { ($0.id, $0.kind) }))
            for sealed in log {
                record.add(try sealed.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 })
            }
            return AfterActionReport(record)
        }
    }

    static let threeExpectations = #"""
        {"report":"/sd/370102/police#crash","acknowledge_within":120,"dispatch_within":300,"unit_kinds":["traffic_police","ambulance"]},
        {"report":"/sd/370102/fire#fire","title":"仓库起火","acknowledge_within":60,"dispatch_within":120,"unit_kinds":["engine"]},
        {"report":"ghost","acknowledge_within":60}
        """#.replacingOccurrences(of: "\n", with: "")

    @Test("a missing kind is missed, a late acknowledgement late, a report that never came unjudged; totals and medians")
    func verdicts() throws {
        var run = Run(expecting: Self.threeExpectations)
        run.command("ack SD-0001", at: "17:41:00")
        run.command("dispatch SD-0001 POL-3701-01", at: "17:43:00")
        run.command("dispatch SD-0002 FIRE-3701-01", at: "17:43:30")
        run.command("ack SD-0002", at: "17:44:00")
        // The run goes on past every deadline.
        run.command("note SD-0001 debrief", at: "17:50:00")
        let report = try run.report()

        #expect(report.expectationLines == [ReportKey(source: "/sd/370100/training", id: "T-1")])
        #expect(report.operators == [.init(id: "trainee", accepted: 5, refused: 0)])
        #expect(report.start == Instant(rfc3339: "2026-07-15T17:30:00+08:00"))
        #expect(report.end == Instant(rfc3339: "2026-07-15T17:50:00+08:00"))
        try #require(report.expected.count == 3)

        let crash = report.expected[0]
        #expect(crash.incident?.incident == "SD-0001")
        #expect(crash.acknowledgeMilliseconds == 60_000 && crash.acknowledge == .onTime)
        #expect(crash.dispatchMilliseconds == 180_000 && crash.dispatch == .onTime)
        #expect(crash.sent.kinds == ["traffic_police"])
        #expect(crash.missingKinds == ["ambulance"])
        #expect(crash.verdict == .missed)
        #expect(crash.reasons == ["no ambulance sent"])

        let fire = report.expected[1]
        #expect(fire.incident?.incident == "SD-0002")
        #expect(fire.acknowledgeMilliseconds == 120_000 && fire.acknowledge == .late)
        #expect(fire.dispatchMilliseconds == 90_000 && fire.dispatch == .onTime)
        #expect(fire.verdict == .late)
        #expect(fire.reasons == ["acknowledged 1m late"])

        let ghost = report.expected[2]
        #expect(ghost.incident == nil && ghost.verdict == .unjudged)
        #expect(ghost.reasons == ["its report never reached the board in this log"])

        #expect(report.others.isEmpty)
        #expect(report.totals == .init(expected: 3, met: 0, late: 1, missed: 1, unjudged: 1, incidents: 2, acknowledged: 2,
                                       dispatched: 2, medianAcknowledgeMilliseconds: 90_000, medianDispatchMilliseconds: 135_000))
    }

    @Test("everything in time is met; an incident nobody expected is listed with its times")
    func metAndOthers() throws {
        var run = Run(expecting: #"{"report":"crash","acknowledge_within":120,"dispatch_within":300,"unit_kinds":["ambulance"]}"#)
        run.command("ack SD-0001", at: "17:40:30")
        run.command("dispatch SD-0001 EMER-3701-01", at: "17:44:59")
        let report = try run.report()
        #expect(report.expected.map(\.verdict) == [.met])
        #expect(report.expected[0].reasons.isEmpty)
        #expect(report.others.map(\.incident) == ["SD-0002"])
        #expect(report.others[0].acknowledged == nil && report.others[0].firstDispatch == nil)
        #expect(report.others[0].opened == Instant(rfc3339: "2026-07-15T17:42:00+08:00"))
        #expect(report.totals.incidents == 2 && report.totals.acknowledged == 1)
    }

    @Test("a deadline the log ends before is unjudged, not missed; one long past with nothing done is missed")
    func unjudgedBeforeDeadline() throws {
        var run = Run(expecting: #"{"report":"crash","dispatch_within":3600},{"report":"fire","acknowledge_within":60}"#)
        run.command("note SD-0002 on the way", at: "17:50:00")
        let report = try run.report()
        #expect(report.expected.map(\.verdict) == [.unjudged, .missed])
        #expect(report.expected[0].dispatch == .notYetDue)
        #expect(report.expected[0].reasons == ["the log ends before its deadline"])
        #expect(report.expected[1].reasons == ["not acknowledged"])
    }

    @Test("timed from the report: an earlier acknowledgement, and a unit sent before, count as at once")
    func fromReport() throws {
        // crash-2 joins SD-0001 at 17:41:00.
        var run = Run(expecting: #"{"report":"crash-2","from":"report","acknowledge_within":60,"dispatch_within":120,"unit_kinds":["ambulance"]}"#)
        run.command("ack SD-0001", at: "17:40:10")
        run.command("dispatch SD-0001 EMER-3701-01", at: "17:40:20")
        run.command("dispatch SD-0001 POL-3701-01", at: "17:42:00")
        run.command("note SD-0001 debrief", at: "17:50:00")
        let report = try run.report()
        let outcome = report.expected[0]
        #expect(outcome.started == Instant(rfc3339: "2026-07-15T17:41:00+08:00"))
        #expect(outcome.acknowledgeMilliseconds == 0)
        // EMER-3701-01 was on its way already when the crash joined: it answers at once.
        #expect(outcome.sent.map(\.unit) == ["EMER-3701-01", "POL-3701-01"])
        #expect(outcome.sent.first?.at == outcome.started)
        #expect(outcome.dispatchMilliseconds == 0)
        // The incident's own times still count from its opening.
        #expect(outcome.incident?.dispatchMilliseconds == 20_000)
    }

    @Test("an incident merged by hand answers for its reports: the earliest opening and acknowledgement of the two count")
    func merged() throws {
        var run = Run(expecting: #"{"report":"fire","acknowledge_within":120,"dispatch_within":300,"unit_kinds":["engine"]}"#)
        run.command("ack SD-0001", at: "17:41:30")
        run.command("merge SD-0001 SD-0002", at: "17:43:00")
        run.command("dispatch SD-0001 FIRE-3701-01", at: "17:44:00")
        let report = try run.report()
        let outcome = report.expected[0]
        #expect(outcome.incident?.incident == "SD-0001")
        #expect(outcome.incident?.merged == ["SD-0002"])
        #expect(outcome.incident?.opened == Instant(rfc3339: "2026-07-15T17:40:00+08:00"))
        #expect(outcome.acknowledgeMilliseconds == 90_000)
        #expect(outcome.verdict == .met)
        #expect(report.others.isEmpty, "SD-0002 lives on in SD-0001")
    }

    @Test("a log without expectations still reports every incident's times; live entries are not the trainee's")
    func noExpectations() throws {
        var intake = Intake(board: Board(units: Self.units), correlator: Correlator(places: TestData.gazetteer), exercise: true)
        var log = ingestAll(crashAndFireLines, into: &intake)
        log += intake.command("ack SD-0002", operator: "trainee", at: Instant(rfc3339: "2026-07-15T17:45:00+08:00")!).entries
        var live = Intake(board: Board(), correlator: Correlator(places: TestData.gazetteer), exercise: false)
        log += ingestAll([reportLine(id: "real", time: "2026-07-15T18:00:00+08:00", category: "fire", lat: 37.5, lon: 118.5)], into: &live)
        var record = TrainingRunRecord(unitKinds: [:])
        for s in log { record.add(s.entry) }
        let report = AfterActionReport(record)
        #expect(report.expectationLines.isEmpty && report.expected.isEmpty)
        #expect(report.others.map(\.incident) == ["SD-0001", "SD-0002"])
        #expect(report.others[1].acknowledgeMilliseconds == 180_000)
        #expect(report.end == Instant(rfc3339: "2026-07-15T17:45:00+08:00"), "the live entry is outside the run")
        #expect(report.totals.expected == 0 && report.totals.medianAcknowledgeMilliseconds == 180_000)
    }

    @Test("the kinds sent are read from the log itself: a reader without the unit catalogue judges them the same")
    func kindsFromTheLog() throws {
        var intake = Intake(board: Board(units: Self.units), correlator: Correlator(places: TestData.gazetteer), exercise: true)
        var log = ingestAll(crashAndFireLines, into: &intake)
        let dispatched = intake.command("dispatch SD-0002 FIRE-3701-01", operator: "trainee", at: Instant(rfc3339: "2026-07-15T17:45:00+08:00")!)
        try #require(dispatched.accepted, "\(dispatched.answer)")
        log += dispatched.entries
        var record = TrainingRunRecord(unitKinds: [:])
        for s in log {
            // Read back from the sealed line, as `report` reads a log file.
            let (_, entry) = try s.line.withBytes { (b) throws(LogLineError) in try LogLine.entry(b) }
            record.add(entry)
        }
        let report = AfterActionReport(record)
        let kind = Self.units.first { $0.id == "FIRE-3701-01" }?.kind
        #expect(report.others.first { $0.incident == "SD-0002" }?.sentKinds == [try #require(kind)])
    }

    @Test("durations read the way an officer says them")
    func durations() {
        #expect([0, 45_000, 180_000, 190_000, 3_900_000, -60_000].map { DurationText.of($0) } == ["0s", "45s", "3m", "3m10s", "1h05m", "-1m"])
    }
}
