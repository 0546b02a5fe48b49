import Foundation
import Testing

/// The dispatch queue end to end: a duty officer's `exec dispatch` becomes an order, an agency
/// gateway claims and acknowledges it with `watchfloor queue`, and the board shows the unit
/// on its way; racing processes never take one order or one unit twice.
@Suite("dispatch queue")
struct QueueTests {
    func orders(_ arguments: [String], in dir: Scratch) async throws -> [[String: Any]] {
        let outcome = try await Watchfloor.succeed(arguments + ["--json"], in: dir.url)
        return try #require(JSONLines.object(outcome.stdout), "JSON: \(outcome.stdoutText)").array("orders")
    }

    @Test("dispatch, list, claim, ack with en route: the board shows the unit on its way and the log verifies")
    func dispatchToAck() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        // The waterlogging under the Beiyuan Street bridge; FIRE-3701-02 is a rescue unit.
        let bridge = try await Watchfloor.incident(holding: JinanReport.bridgeWaterlogging, store: store, in: dir)
        let dispatch = try await Watchfloor.run(["exec", "--store", store, "--operator", "duty1", "dispatch", bridge, "FIRE-3701-02", "--", "公交车被困"], in: dir.url)
        #expect(dispatch.status == 0, "stderr: \(dispatch.stderrText)")
        #expect(dispatch.stdoutText == "accepted: dispatch \(bridge) FIRE-3701-02 -- 公交车被困 as ORD-0001\n")

        let listed = try await orders(["queue", "list", "--store", store], in: dir)
        #expect(listed.count == 1)
        let order = try #require(listed.first)
        #expect(order.string("id") == "ORD-0001")
        #expect(order.string("incident") == bridge)
        #expect(order.string("unit") == "FIRE-3701-02")
        #expect(order.string("agency") == "fire")
        #expect(order.string("state") == "queued")
        #expect(order.isNull("consumer"))
        #expect(order["exercise"] as? Bool == true, "\(bridge) was opened by a training replay")
        #expect(order.string("created") != nil)

        // A live gateway never sees a training order.
        #expect(try await orders(["queue", "claim", "--store", store, "--consumer", "live1", "--agency", "fire"], in: dir).isEmpty)
        let claimed = try await orders(["queue", "claim", "--store", store, "--consumer", "gw1", "--agency", "fire", "--exercise"], in: dir)
        #expect(claimed.map { $0.string("id") } == ["ORD-0001"])
        #expect(claimed.first?.string("state") == "claimed")
        #expect(claimed.first?.string("consumer") == "gw1")

        let stranger = try await Watchfloor.run(["queue", "ack", "ORD-0001", "--store", store, "--consumer", "gw2"], in: dir.url)
        #expect(stranger.status == 1)
        #expect(stranger.stderrText == "watchfloor: cannot acknowledge order ORD-0001: it is claimed by gw1, not gw2\n")

        let ack = try await Watchfloor.run(["queue", "ack", "ord-1", "--store", store, "--consumer", "gw1", "--status", "enroute"], in: dir.url)
        #expect(ack.status == 0, "stderr: \(ack.stderrText)")
        #expect(ack.stdoutText == "acked ORD-0001: FIRE-3701-02 → \(bridge) (enroute)\n")
        #expect(try await orders(["queue", "list", "--store", store], in: dir).first?.string("state") == "acked")

        let boardRun = try await Watchfloor.succeed(["board", "--store", store, "--json"], in: dir.url)
        let board = try #require(JSONLines.object(boardRun.stdout))
        let unit = try #require(board.array("units").first { $0.string("id") == "FIRE-3701-02" })
        #expect(unit.string("status") == "enroute")
        #expect(unit.string("incident") == bridge)
        let incident = try #require(board.array("incidents").first { $0.string("id") == bridge })
        #expect(incident["units"] as? [String] == ["FIRE-3701-02"])

        let cat = try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url, stdout: dir.path("all.log"))
        let tail = try loggedEntries(cat.stdout).suffix(4)
        #expect(tail.map(\.kind) == ["command.accepted", "dispatch.queued", "dispatch.claimed", "dispatch.acked"])
        #expect(tail.map { $0.object.string("actor") } == ["operator:duty1", "operator:duty1", "consumer:gw1", "consumer:gw1"])
        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: dir.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
        #expect(verify.stdoutText.contains("intact"))
    }

    @Test("refusals exit 1 and say why; a dispatch retried with its --key makes no second order")
    func refusalsAndRetries() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        let missing = try await Watchfloor.run(["exec", "--store", store, "--operator", "duty1", "dispatch", "SD-0099", "FIRE-3701-01"], in: dir.url)
        #expect(missing.status == 1)
        #expect(missing.stderrText == "rejected: dispatch SD-0099 FIRE-3701-01: no incident SD-0099\n")

        // The landslide at 柳埠, typed by its bare number after the verb's abbreviation.
        let landslide = try await Watchfloor.incident(holding: JinanReport.landslide, store: store, in: dir)
        let words = ["exec", "--store", store, "--operator", "duty1", "--key", "desk3-0042", "d", try Watchfloor.number(of: landslide), "FIRE-3701-03"]
        #expect(try await Watchfloor.run(words, in: dir.url).status == 0)
        let retry = try await Watchfloor.run(words, in: dir.url)
        #expect(retry.status == 0, "stderr: \(retry.stderrText)")
        #expect(retry.stdoutText == "accepted: dispatch \(landslide) FIRE-3701-03 (already queued as ORD-0001)\n")
        let listed = try await orders(["queue", "list", "--store", store, "--agency", "fire"], in: dir)
        #expect(listed.count == 1)
        #expect(listed.first?.string("key") == "key:desk3-0042/FIRE-3701-03")

        let unclaimed = try await Watchfloor.run(["queue", "fail", "ORD-0001", "--store", store, "--consumer", "gw1"], in: dir.url)
        #expect(unclaimed.status == 1)
        #expect(unclaimed.stderrText == "watchfloor: cannot fail order ORD-0001: it is queued, not claimed; claim it first\n")
        let unknown = try await Watchfloor.run(["queue", "ack", "ORD-0042", "--store", store, "--consumer", "gw1"], in: dir.url)
        #expect(unknown.status == 1)
        #expect(unknown.stderrText.contains("no order ORD-0042"))
        let noStore = try await Watchfloor.run(["queue", "list", "--store", dir.path("none.db").path], in: dir.url)
        #expect(noStore.status == 2)
    }

    @Test("two gateways claiming at once: every order is claimed exactly once")
    func racingClaims() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        let landslide = try await Watchfloor.incident(holding: JinanReport.landslide, store: store, in: dir)
        let units = ["FIRE-3701-01", "FIRE-3701-03", "FIRE-3701-05", "FIRE-3701-06", "FIRE-3701-07", "FIRE-3701-08"]
        try await Watchfloor.succeed(["exec", "--store", store, "--operator", "duty1", "dispatch", landslide] + units, in: dir.url)

        async let a = orders(["queue", "claim", "--store", store, "--consumer", "gwA", "--agency", "fire", "--exercise", "--max", "4"], in: dir)
        async let b = orders(["queue", "claim", "--store", store, "--consumer", "gwB", "--agency", "fire", "--exercise", "--max", "4"], in: dir)
        let (byA, byB) = try await (a, b)
        let idsA = byA.compactMap { $0.string("id") }, idsB = byB.compactMap { $0.string("id") }
        #expect(Set(idsA).isDisjoint(with: idsB), "A: \(idsA), B: \(idsB)")
        #expect((idsA + idsB).sorted() == (1...6).map { "ORD-000\($0)" })

        let cat = try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url, stdout: dir.path("all.log"))
        let claims = try loggedEntries(cat.stdout).filter { $0.kind == "dispatch.claimed" }
        #expect(claims.count == 6)
        #expect(Set(claims.compactMap { $0.data.string("order") }).count == 6)
    }

    @Test("two officers sending the same unit at once: one order, one refusal")
    func racingDispatches() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        let landslide = try await Watchfloor.incident(holding: JinanReport.landslide, store: store, in: dir)
        let words = ["exec", "--store", store, "--operator", "duty1", "dispatch", landslide, "FIRE-3701-06"]
        async let first = Watchfloor.run(words, in: dir.url)
        async let second = Watchfloor.run(words, in: dir.url)
        let outcomes = try await [first, second]
        #expect(outcomes.map(\.status).sorted() == [0, 1], "\(outcomes.map(\.stderrText))")
        #expect(outcomes.contains { $0.stderrText.contains("FIRE-3701-06 is already on \(landslide) (order ORD-0001, queued)") })
        #expect(try await orders(["queue", "list", "--store", store], in: dir).count == 1)
    }
}
