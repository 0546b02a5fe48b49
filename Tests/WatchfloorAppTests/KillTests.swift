import Foundation
import Testing
import WatchfloorCore

/// `kill -9` at any instant loses no accepted order (DESIGN §5): `exec dispatch` processes are
/// killed at seeded random moments, and after each kill the store must hold every order that
/// was reported accepted, its chain must verify, and no idempotency key may appear twice.
@Suite("kill -9 during dispatches")
struct KillTests {
    /// Starts `watchfloor ARGS...`, sends SIGKILL after `delay` milliseconds if it is still
    /// running, and returns what it printed (an answer is printed only after its commit). The
    /// delay is the moment of the kill, drawn by the test, not a wait for anything to happen.
    func runAndKill(_ arguments: [String], in dir: Scratch, after delay: Int) async throws -> (stdout: String, killed: Bool) {
        let out = dir.path("kill-\(UUID().uuidString).out")
        try #require(FileManager.default.createFile(atPath: out.path, contents: nil), "cannot create \(out.path)")
        let handle = try FileHandle(forWritingTo: out)
        let process = Process()
        process.executableURL = Watchfloor.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir.url
        var environment = ProcessInfo.processInfo.environment
        environment["WATCHFLOOR_HOME"] = Watchfloor.packageRoot.path
        process.environment = environment
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        let exit = ExitWatch()
        process.terminationHandler = { _ in exit.terminated() }
        try process.run()
        try await Task.sleep(for: .milliseconds(delay))
        // Killed only if it has not ended (and been reaped) by now.
        exit.killIfRunning(process.processIdentifier)
        await exit.wait()
        try handle.close()
        return (String(decoding: try Data(contentsOf: out), as: UTF8.self), exit.timedOut && process.terminationReason == .uncaughtSignal)
    }

    @Test("every accepted dispatch survives, the chain verifies and no key appears twice, after each of a dozen kills")
    func killDuringDispatches() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        // The fire at 洪家楼: fire, emergency and police units may go.
        let fire = try await Watchfloor.incident(holding: JinanReport.fire, store: store, in: dir)
        let board = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: dir.url).stdout))
        let units = board.array("units")
            .filter { ["fire", "emergency", "police"].contains($0.string("agency") ?? "") && $0.string("status") == "available" }
            .compactMap { $0.string("id") }.sorted().prefix(12)
        try #require(units.count == 12)

        var random = SeededRandom(seed: 20_260_715)
        var accepted: [String] = []
        for unit in units {
            let run = try await runAndKill(["exec", "--store", store, "--operator", "duty1", "dispatch", fire, unit],
                                           in: dir, after: random.below(900))
            if run.stdout.hasPrefix("accepted:") { accepted.append(unit) }

            let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: dir.url)
            #expect(verify.status == 0, "after dispatching \(unit): \(verify.stdoutText)\(verify.stderrText)")
            let listed = try await Watchfloor.succeed(["queue", "list", "--store", store, "--json"], in: dir.url)
            let orders = try #require(JSONLines.object(listed.stdout)).array("orders")
            let keys = orders.compactMap { $0.string("key") }
            #expect(Set(keys).count == keys.count, "a key appears twice: \(keys)")
            let queued = Set(orders.compactMap { $0.string("unit") })
            #expect(Set(accepted).isSubset(of: queued), "accepted \(accepted), stored \(queued.sorted())")
        }

        // After the kills, a dispatch left to finish is accepted and stored: however slow the
        // machine (and so however many of the dozen were killed before their commit), the
        // store they left behind still takes work.
        let last = try #require(board.array("units")
            .filter { $0.string("agency") == "fire" && $0.string("status") == "available" }
            .compactMap { $0.string("id") }.sorted().first { !units.contains($0) }, "a thirteenth fire unit")
        let finished = try await Watchfloor.succeed(["exec", "--store", store, "--operator", "duty1", "dispatch", fire, last], in: dir.url)
        #expect(finished.stdoutText.hasPrefix("accepted: dispatch \(fire) \(last)"), "\(finished.stdoutText)")
        let listed = try await Watchfloor.succeed(["queue", "list", "--store", store, "--json"], in: dir.url)
        #expect(try #require(JSONLines.object(listed.stdout)).array("orders").contains { $0.string("unit") == last })
        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: dir.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }

    /// The dead gateways' lease: long enough to outlast the kill, the log read and the early
    /// claim that follow however busy the machine (20 s did not once, when 8 s was tried), and
    /// never waited out: the late claims are made at a wall time after it, set with
    /// `WATCHFLOOR_TEST_NOW`.
    static let deadLease = 120.0
    /// The live gateways' lease: they hold what they claim for the whole test (they never ack),
    /// so an earlier round's orders never come back into a later round's claims, not even the
    /// late claims made `deadLease` ahead of the machine's clock.
    static let liveLease = 3600.0

    @Test("a gateway killed during or after its claim: its orders come back when the lease lapses and another gateway claims each once")
    func consumerDies() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        // The fire at 洪家楼: fire units may go.
        let fire = try await Watchfloor.incident(holding: JinanReport.fire, store: store, in: dir)
        let board = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: dir.url).stdout))
        let fireUnits = board.array("units").filter { $0.string("agency") == "fire" && $0.string("status") == "available" }
            .compactMap { $0.string("id") }.sorted()
        try #require(fireUnits.count >= 12)
        /// A live gateway's claim, at the machine's time or, given `now`, at that wall time.
        /// Leases are stored as instants: a claim made ahead of the clock holds, for the claims
        /// made after it at the machine's time, until its own `now` plus `liveLease`.
        func claim(_ consumer: String, now: String? = nil) async throws -> Set<String> {
            let out = try await Watchfloor.succeed(
                ["queue", "claim", "--store", store, "--consumer", consumer, "--agency", "fire", "--exercise", "--lease", String(Int(Self.liveLease)), "--json"],
                in: dir.url, environment: now.map { ["WATCHFLOOR_TEST_NOW": $0] } ?? [:]
            )
            return Set(try #require(JSONLines.object(out.stdout)).array("orders").compactMap { $0.string("id") })
        }

        var random = SeededRandom(seed: 20_261_126)
        var everHeldByDead = 0
        // Killed at a random instant (before, during or after its commit), and last a gateway
        // that claims, exits and never acks: run to its end, however slow the machine, so that
        // at least one dead gateway surely holds orders.
        let delays: [Int?] = [random.below(300), random.below(300), nil]
        for (round, delay) in delays.enumerated() {
            let units = Array(fireUnits[(round * 4)..<(round * 4 + 4)])
            let dispatched = try await Watchfloor.succeed(["exec", "--store", store, "--operator", "duty1", "dispatch", fire] + units, in: dir.url)
            let orders = Set(dispatched.stdoutText.matches(of: /ORD-\d+/).map { String($0.output) })
            try #require(orders.count == 4, "\(dispatched.stdoutText)")

            let dead = "gw-dead\(round)"
            let deadClaim = ["queue", "claim", "--store", store, "--consumer", dead, "--agency", "fire", "--exercise", "--max", "2",
                             "--lease", String(Int(Self.deadLease))]
            if let delay {
                _ = try await runAndKill(deadClaim, in: dir, after: delay)
            } else {
                try await Watchfloor.succeed(deadClaim, in: dir.url)
            }
            // The dead one's claim, if it made one, was made before now: by this wall time its
            // lease has surely lapsed, while every live gateway's still holds.
            let lapsed = Instant(secondsSince1970: Date().timeIntervalSince1970 + Self.deadLease + 5).rfc3339
            let log = try loggedEntries(try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url).stdout)
            let heldByDead = Set(log.filter { $0.kind == "dispatch.claimed" && $0.data.string("consumer") == dead }.compactMap { $0.data.string("order") })
            everHeldByDead += heldByDead.count

            // While the lease holds, a live gateway gets exactly what the dead one does not hold.
            let early = try await claim("gw-live\(round)")
            #expect(early == orders.subtracting(heldByDead), "round \(round): held by the dead \(heldByDead), claimed early \(early)")
            // After it, the dead one's orders come back, to one gateway only.
            let late = try await claim("gw-live\(round)", now: lapsed)
            #expect(late == heldByDead, "round \(round): the lapsed orders \(heldByDead) came back at \(lapsed) as \(late)")
            #expect(try await claim("gw-other\(round)", now: lapsed).isEmpty, "round \(round): nothing is claimed twice")
            // The dead gateway's claim is fenced off: its ack is refused.
            for order in heldByDead {
                let refused = try await Watchfloor.run(["queue", "ack", order, "--store", store, "--consumer", dead], in: dir.url)
                #expect(refused.status == 1, "round \(round): \(refused.stdoutText)\(refused.stderrText)")
                #expect(refused.stderrText.contains("claimed by gw-live\(round)"), "round \(round): \(refused.stderrText)")
            }
        }
        #expect(everHeldByDead > 0, "no dead gateway ever held an order: the test proved nothing")
        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: dir.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }
}
