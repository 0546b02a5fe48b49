import Foundation
import Testing

/// Many writers on one board, each a process of its own as consoles on the floor are: commands
/// are decided at commit, under the store's write lock, so however they interleave every unit
/// goes out once, every command is recorded once (accepted or refused), and the log's seq and
/// chain stay whole. Run on the embedded SQLite file and on the shared PostgreSQL board alike.
@Suite("shared board under racing writers")
struct SharedBoardRaceTests {
    enum Kind: String, CaseIterable, Sendable { case sqlite, postgres }

    /// A store of `kind` holding the Jinan rainstorm, replayed as training; the PostgreSQL
    /// database is kept in `keep` for the test's length.
    func replayedStore(_ kind: Kind, _ dir: Scratch, keep: inout [ScratchPostgres]) async throws -> String {
        switch kind {
        case .sqlite:
            return try await Watchfloor.replayedStore(dir)
        case .postgres:
            let database = try ScratchPostgres()
            keep.append(database)
            return try await Watchfloor.replayedStore(dir, at: database.url)
        }
    }

    func log(_ store: String, in dir: Scratch) async throws -> [LoggedEntry] {
        let cat = try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url, stdout: dir.path("all-\(UUID().uuidString).log"))
        return try loggedEntries(cat.stdout)
    }

    @Test("4 consoles × 6 racing dispatches of the same units: each unit sent once, every command recorded, the chain whole", arguments: Kind.allCases)
    func consolesRace(_ kind: Kind) async throws {
        let dir = try Scratch()
        var databases: [ScratchPostgres] = []
        let store = try await replayedStore(kind, dir, keep: &databases)
        let before = try await log(store, in: dir).count
        // Four officers, each wanting the same six fire units for an incident of their own: the
        // fire at 洪家楼, the wall down on 七里山路, the flooded garage in 槐荫区, the landslide at 柳埠.
        let incidents = try await Watchfloor.incidents(
            holding: [JinanReport.fire, JinanReport.wallCollapse, JinanReport.floodedGarage, JinanReport.landslide], store: store, in: dir
        )
        let units = (1...6).map { "FIRE-3701-0\($0)" }
        let outcomes = try await withThrowingTaskGroup(of: [Watchfloor.Outcome].self) { group in
            for (officer, incident) in incidents.enumerated() {
                group.addTask {
                    var mine: [Watchfloor.Outcome] = []
                    for unit in units {
                        mine.append(try await Watchfloor.run(
                            ["exec", "--store", store, "--operator", "duty\(officer + 1)", "dispatch", incident, unit], in: dir.url
                        ))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(outcomes.count == incidents.count * units.count)
        #expect(outcomes.allSatisfy { [0, 1].contains($0.status) }, "\(outcomes.filter { ![0, 1].contains($0.status) }.map(\.stderrText))")
        let refused = outcomes.filter { $0.status == 1 }
        #expect(outcomes.filter { $0.status == 0 }.count == units.count, "one dispatch of each unit wins")
        #expect(refused.allSatisfy { outcome in incidents.contains { outcome.stderrText.contains("is not available: it is dispatched on \($0)") } },
                "\(refused.map(\.stderrText))")

        let entries = try await log(store, in: dir)
        let commands = entries.dropFirst(before).filter { $0.kind?.hasPrefix("command.") == true }
        #expect(commands.count == incidents.count * units.count, "every command is recorded, accepted or refused")
        #expect(commands.filter { $0.kind == "command.accepted" }.count == units.count)
        let queued = entries.filter { $0.kind == "dispatch.queued" }.compactMap { $0.data.string("unit") }
        #expect(queued.sorted() == units, "each unit is queued exactly once: \(queued)")
        #expect(entries.map { $0.object["seq"] as? Int } == (1...entries.count).map { $0 }, "seq gapless")
        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: dir.url)
        #expect(verify.status == 0 && verify.stdoutText.contains("intact"), "\(verify.stdoutText)")
        if let password = databases.first.flatMap({ URLComponents(string: $0.url)?.password }) {
            #expect(!verify.stdoutText.contains(password), "the store is named without its password")
        }
    }

    @Test("two gateways draining one agency's queue one order at a time: each order claimed and acked exactly once", arguments: Kind.allCases)
    func consumersDrain(_ kind: Kind) async throws {
        let dir = try Scratch()
        var databases: [ScratchPostgres] = []
        let store = try await replayedStore(kind, dir, keep: &databases)
        let units = (1...8).map { "FIRE-3701-0\($0)" }
        let fire = try await Watchfloor.incident(holding: JinanReport.fire, store: store, in: dir)
        try await Watchfloor.succeed(["exec", "--store", store, "--operator", "duty1", "dispatch", fire] + units, in: dir.url)

        // Each gateway claims one order, acks it, and asks again until the queue is empty.
        let drained = try await withThrowingTaskGroup(of: [String].self) { group in
            for gateway in ["gwA", "gwB"] {
                group.addTask {
                    var mine: [String] = []
                    for _ in 0..<units.count + 2 {
                        let claim = try await Watchfloor.succeed(
                            ["queue", "claim", "--store", store, "--consumer", gateway, "--agency", "fire", "--exercise", "--max", "1", "--json"], in: dir.url
                        )
                        let claimed = try #require(JSONLines.object(claim.stdout)).array("orders").compactMap { $0.string("id") }
                        guard let order = claimed.first else { break }
                        try await Watchfloor.succeed(["queue", "ack", "--store", store, "--consumer", gateway, order, "--status", "enroute"], in: dir.url)
                        mine.append(order)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let all = drained.flatMap { $0 }
        #expect(all.sorted() == (1...8).map { "ORD-000\($0)" }, "each order drained once: \(drained)")
        let entries = try await log(store, in: dir)
        let claims = entries.filter { $0.kind == "dispatch.claimed" }.compactMap { $0.data.string("order") }
        let acks = entries.filter { $0.kind == "dispatch.acked" }.compactMap { $0.data.string("order") }
        #expect(claims.sorted() == all.sorted(), "claimed exactly once each")
        #expect(acks.sorted() == all.sorted(), "acked exactly once each")
        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: dir.url)
        #expect(verify.status == 0, "\(verify.stdoutText)")
    }
}
