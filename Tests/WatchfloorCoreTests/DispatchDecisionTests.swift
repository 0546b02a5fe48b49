import Testing
@testable import WatchfloorCore

/// `dispatch` and `status` against the board: orders queued one per unit, refusals that name
/// what is wrong, the queue's transitions applied to units, recommendations from the run card,
/// and a log that rebuilds the same orders.
@Suite("Dispatch on the board")
struct DispatchDecisionTests {
    static let at = Instant(rfc3339: "2026-07-15T18:00:00+08:00")!

    static func unit(_ id: String, _ agency: Agency, _ kind: String, _ lat: Double, _ lon: Double) -> Unit {
        Unit(id: id, agency: agency, kind: kind, name: id, adcode: "370102", station: "", home: GeoPoint(lat: lat, lon: lon))
    }

    /// Near the fire at 36.70, 117.10: two engines (one nearer), a ladder, two ambulances.
    static let units = [
        unit("FIRE-3701-01", .fire, "engine", 36.71, 117.10),
        unit("FIRE-3701-02", .fire, "engine", 36.80, 117.10),
        unit("FIRE-3701-03", .fire, "engine", 36.701, 117.10),
        unit("FIRE-3701-04", .fire, "ladder", 36.75, 117.10),
        unit("EMER-3701-01", .emergency, "ambulance", 36.90, 117.10),
        unit("EMER-3701-02", .emergency, "ambulance", 36.72, 117.10),
        unit("WX-3701-01", .weather, "weather_vehicle", 36.70, 117.10),
        unit("TRAN-3701-01", .transport, "tow", 36.66, 117.02),
    ]

    /// SD-0001: a traffic accident; SD-0002: a fire at 36.70, 117.10 (training, as replays are).
    func intake() -> Intake {
        var intake = Intake(board: Board(units: Self.units), correlator: Correlator(places: TestData.gazetteer), exercise: true)
        _ = ingestAll([
            reportLine(id: "crash", time: "2026-07-15T17:40:00+08:00", category: "traffic_accident"),
            reportLine(id: "fire", agency: "fire", time: "2026-07-15T17:42:00+08:00", category: "fire", lat: 36.70, lon: 117.10, level: "III"),
        ], into: &intake)
        return intake
    }

    @discardableResult
    func run(_ text: String, _ intake: inout Intake, key: String? = nil) -> CommandOutcome {
        intake.command(text, operator: "duty1", at: Self.at, key: key)
    }

    @Test("an accepted dispatch logs the command, then one order per unit; the units go to the incident")
    func accepted() throws {
        var intake = intake()
        let outcome = run("d 2 fire-3701-01 EMER-3701-02 -- 仓库起火", &intake)
        #expect(outcome.answer == "accepted: dispatch SD-0002 FIRE-3701-01 EMER-3701-02 -- 仓库起火 as ORD-0001, ORD-0002")
        #expect(outcome.entries.map(\.entry.kind) == [.commandAccepted, .dispatchQueued, .dispatchQueued])
        #expect(outcome.entries.allSatisfy { $0.entry.exercise && $0.entry.actor == "operator:duty1" })
        guard case .dispatchQueued(let q) = outcome.entries[1].entry.event else { Issue.record("not queued"); return }
        #expect(q == DispatchQueued(order: "ORD-0001", key: "SD-0002/FIRE-3701-01/1", incident: "SD-0002", unit: "FIRE-3701-01", agency: .fire, note: "仓库起火", kind: "engine"), "the kind goes into the log, for a report from the log alone")
        let board = intake.board
        #expect(board.orders.map(\.id) == ["ORD-0001", "ORD-0002"])
        #expect(board.orders.allSatisfy { $0.state == .queued && $0.exercise && $0.created == Self.at })
        #expect(board.units["FIRE-3701-01"]?.status == .dispatched)
        #expect(board.units["FIRE-3701-01"]?.incident == "SD-0002")
        #expect(board.incident("SD-0002")?.units == ["FIRE-3701-01", "EMER-3701-02"])
    }

    @Test("a refused dispatch names what is wrong and queues nothing", arguments: [
        ("dispatch SD-0099 FIRE-3701-01", "dispatch SD-0099 FIRE-3701-01: no incident SD-0099"),
        ("dispatch 2 FIRE-9999-01", "dispatch SD-0002 FIRE-9999-01: no unit FIRE-9999-01"),
        ("dispatch 2 WX-3701-01", "dispatch SD-0002 WX-3701-01: WX-3701-01 is a weather unit; a fire incident takes emergency, police, fire units"),
        ("dispatch 2 FIRE-3701-01 FIRE-3701-01", "dispatch SD-0002 FIRE-3701-01 FIRE-3701-01: FIRE-3701-01 is named twice"),
        ("dispatch 2 FIRE-3701-03", "dispatch SD-0002 FIRE-3701-03: FIRE-3701-03 is already on SD-0002 (order ORD-0001, queued)"),
        ("dispatch 1 FIRE-3701-03", "dispatch SD-0001 FIRE-3701-03: FIRE-3701-03 is not available: it is dispatched on SD-0002"),
        ("dispatch 2", "dispatch SD-0002: name the units to send; nearest available: FIRE-3701-01 (engine, 1.1 km), FIRE-3701-02 (engine, 11.1 km), FIRE-3701-04 (ladder, 5.6 km), EMER-3701-02 (ambulance, 2.2 km)"),
    ])
    func refused(text: String, reason: String) {
        var intake = intake()
        run("dispatch 2 FIRE-3701-03", &intake)
        let before = intake.board.orders
        let outcome = run(text, &intake)
        #expect(!outcome.accepted)
        #expect(outcome.reason == reason)
        #expect(outcome.entries.map(\.entry.kind) == [.commandRejected])
        #expect(intake.board.orders == before)
    }

    @Test("a closed incident takes no dispatch")
    func closedIncident() {
        var intake = intake()
        run("close 2", &intake)
        #expect(run("d 2 FIRE-3701-01", &intake).reason == "dispatch SD-0002 FIRE-3701-01: SD-0002 is closed; reopen it first")
    }

    @Test("the run card recommends the nearest available units of each kind it wants, in its order")
    func recommendation() {
        var intake = intake()
        run("d 2 FIRE-3701-03", &intake)
        let r = intake.board.recommendation(for: "SD-0002")
        #expect(r.map(\.unit) == ["FIRE-3701-01", "FIRE-3701-02", "FIRE-3701-04", "EMER-3701-02"])
        #expect(r.map(\.kind) == ["engine", "engine", "ladder", "ambulance"])
        #expect(abs(r[0].metres - 1112) < 5)
        #expect(intake.board.recommendation(for: "SD-0099").isEmpty)
    }

    @Test("the same dispatch retried with its key makes no second order; without one the retry is refused")
    func idempotentRetry() {
        var intake = intake()
        #expect(run("d 2 FIRE-3701-01", &intake, key: "tui-7").accepted)
        let retry = run("d 2 FIRE-3701-01", &intake, key: "tui-7")
        #expect(retry.accepted)
        #expect(retry.answer == "accepted: dispatch SD-0002 FIRE-3701-01 (already queued as ORD-0001)")
        #expect(retry.entries.isEmpty)
        #expect(intake.board.orders.map(\.key) == ["key:tui-7/FIRE-3701-01"])
        #expect(!run("d 2 FIRE-3701-01", &intake).accepted)
        #expect(intake.board.orders.count == 1)
    }

    /// Applies an entry as a gateway's transaction would record it.
    func record(_ event: LogEvent, _ intake: inout Intake, by consumer: String = "gw1") -> SealedEntry {
        intake.record(LogEntry(at: Self.at, actor: "consumer:" + consumer, exercise: true, event: event))
    }

    @Test("an ack with a status moves the unit; a dead order frees it; a second sending gets a new key")
    func transitionsOnTheBoard() throws {
        var intake = intake()
        run("d 2 FIRE-3701-01 EMER-3701-02", &intake)
        let engine = try intake.board.orders[0].claimed(by: "gw1", at: Self.at, leaseSeconds: 60)
        _ = record(.claimed(engine), &intake)
        #expect(intake.board.orders[0].state == .claimed)
        #expect(intake.board.orders[0].consumer == "gw1")
        _ = record(.acked(try engine.acked(by: "gw1", at: Self.at), by: "gw1", status: .enroute), &intake)
        #expect(intake.board.orders[0].state == .acked)
        #expect(intake.board.units["FIRE-3701-01"]?.status == .enroute)
        #expect(intake.board.units["FIRE-3701-01"]?.incident == "SD-0002")

        var ambulance = intake.board.orders[1]
        for _ in 0..<5 {
            ambulance = try ambulance.claimed(by: "gw2", at: Self.at.adding(seconds: 3600), leaseSeconds: 60)
            ambulance = try ambulance.failed(by: "gw2", at: Self.at)
            _ = record(.failed(ambulance, by: "gw2", reason: "车辆故障"), &intake, by: "gw2")
        }
        #expect(intake.board.orders[1].state == .dead)
        #expect(intake.board.units["EMER-3701-02"]?.status == .available)
        #expect(intake.board.incident("SD-0002")?.units == ["FIRE-3701-01"])
        #expect(run("d 2 EMER-3701-02", &intake).accepted)
        #expect(intake.board.orders.last?.key == "SD-0002/EMER-3701-02/2")
    }

    @Test("the log of dispatches and their transitions rebuilds the same orders and units")
    func logRoundTrip() throws {
        var intake = intake()
        var sealed = run("d 2 FIRE-3701-01 EMER-3701-02 -- 二人被困", &intake).entries
        var order = try intake.board.orders[0].claimed(by: "gw1", at: Self.at, leaseSeconds: 60)
        sealed.append(record(.claimed(order), &intake))
        order = try order.acked(by: "gw1", at: Self.at)
        sealed.append(record(.acked(order, by: "gw1", status: .onscene), &intake))
        var other = try intake.board.orders[1].claimed(by: "gw2", at: Self.at, leaseSeconds: 60)
        sealed.append(record(.claimed(other), &intake, by: "gw2"))
        other = try other.failed(by: "gw2", at: Self.at)
        sealed.append(record(.failed(other, by: "gw2", reason: nil), &intake, by: "gw2"))
        sealed += run("st FIRE-3701-01 returning", &intake).entries

        // The board before the commands, then the log of them.
        var rebuilt = self.intake().board
        for s in sealed {
            let (_, entry) = try s.line.withBytes { (b) throws(LogLineError) in try LogLine.entry(b) }
            #expect(entry == s.entry, "\(String(decoding: s.line, as: UTF8.self))")
            _ = rebuilt.apply(entry)
        }
        #expect(rebuilt.orders == intake.board.orders)
        #expect(rebuilt.units == intake.board.units)
        #expect(rebuilt.orders.map(\.state) == [.acked, .failed])
        #expect(rebuilt.units["FIRE-3701-01"]?.status == .returning)
    }

    @Test("status sets a unit's status by hand, and refuses what only a dispatch may do", arguments: [
        ("st FIRE-3701-09 enroute", "status FIRE-3701-09 enroute: no unit FIRE-3701-09"),
        ("st FIRE-3701-02 available", "status FIRE-3701-02 available: FIRE-3701-02 is already available"),
        ("st FIRE-3701-02 dispatched", "status FIRE-3701-02 dispatched: a unit is dispatched by `dispatch INC FIRE-3701-02`, which queues its order"),
        ("st FIRE-3701-02 onscene", "status FIRE-3701-02 onscene: FIRE-3701-02 is not on an incident; dispatch it first"),
    ])
    func status(text: String, reason: String) {
        var intake = intake()
        #expect(run(text, &intake).reason == reason)
    }

    @Test("a status on a unit at an incident keeps it there, in the incident's training flag")
    func statusAccepted() {
        var intake = intake()
        run("d 2 FIRE-3701-01", &intake)
        let outcome = run("st fire-3701-01 onscene", &intake)
        #expect(outcome.answer == "accepted: status FIRE-3701-01 onscene")
        #expect(outcome.entries.map(\.entry.kind) == [.commandAccepted, .unitStatus])
        #expect(outcome.entries.allSatisfy { $0.entry.exercise })
        #expect(intake.board.units["FIRE-3701-01"]?.status == .onscene)
        #expect(intake.board.units["FIRE-3701-01"]?.incident == "SD-0002")
        #expect(run("st FIRE-3701-01 out_of_service", &intake).accepted)
        #expect(intake.board.units["FIRE-3701-01"]?.incident == nil)
        #expect(intake.board.incident("SD-0002")?.units == [])
    }

    @Test("completion offers open incidents, then the units that fit, nearest first")
    func completion() {
        var intake = intake()
        run("d 2 FIRE-3701-03", &intake)
        let board = intake.board
        #expect(CommandParser.complete("d 2 ", board: board).prefix(3) == ["d 2 FIRE-3701-01 ", "d 2 EMER-3701-02 ", "d 2 FIRE-3701-04 "])
        #expect(!CommandParser.complete("d 2 ", board: board).contains("d 2 WX-3701-01 "), "weather does not fight fires")
        #expect(!CommandParser.complete("d 2 ", board: board).contains("d 2 FIRE-3701-03 "), "already dispatched")
        #expect(CommandParser.complete("d 2 FIRE-3701-01 fire-3701-0", board: board) == ["d 2 FIRE-3701-01 FIRE-3701-04 ", "d 2 FIRE-3701-01 FIRE-3701-02 "])
        #expect(CommandParser.complete("d 2 FIRE-3701-01 -- ", board: board).isEmpty)
        #expect(CommandParser.complete("st WX", board: board) == ["st WX-3701-01 "])
        #expect(CommandParser.complete("st WX-3701-01 o", board: board) == ["st WX-3701-01 onscene ", "st WX-3701-01 out_of_service "])
    }
}
