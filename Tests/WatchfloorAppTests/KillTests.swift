import Foundation
import Testing
import WatchfloorCore

/// `kill -9` at any instant loses no accepted order (DESIGN §5): `exec dispatch` processes are
/// killed at seeded random moments, and after each kill the store must hold every order that
/// was reported accepted, its chain must verify, and no idempotency key may appear twice.
@Suite("kill -9 during dispatches")
struct KillTests {
    /// Starts `watchfloor ARGS...`, sends SIGKILL after `delay` milliseconds if it is still
    /// running, and returns what it printed (an answer is printed only after its commit).
    func runAndKill(_ arguments: [String], in dir: Scratch, after delay: Int) async throws -> (stdout: String, killed: Bool) {
        let out = dir.path("kill-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: out.path, contents: nil)
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
        try process.run()
        try await Task.sleep(nanoseconds: UInt64(delay) * 1_000_000)
        var killed = false
        if process.isRunning {
            killed = kill(process.processIdentifier, SIGKILL) == 0
        }
        process.waitUntilExit()
        try handle.close()
        return (String(decoding: try Data(contentsOf: out), as: UTF8.self), killed && process.terminationReason == .uncaughtSignal)
    }

    @Test("every accepted dispatch survives, the chain verifies and no key appears twice, after each of a dozen kills")
    func killDuringDispatches() async throws {
        let dir = try Scratch()
        let store = dir.path("jinan.db").path
        try await Watchfloor.succeed(
            ["replay", Watchfloor.scenario("jinan-rainstorm").path, "--headless", "--speed", "max", "--store", store],
            in: dir.url, stdout: dir.path("replay.log")
        )
        // SD-0015 is a fire: fire, emergency and police units may go.
        let board = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: dir.url).stdout))
        let units = board.array("units")
            .filter { ["fire", "emergency", "police"].contains($0.string("agency") ?? "") && $0.string("status") == "available" }
            .compactMap { $0.string("id") }.sorted().prefix(12)
        try #require(units.count == 12)

        var random = SeededRandom(seed: 20_260_715)
        var accepted: [String] = []
        for unit in units {
            let run = try await runAndKill(["exec", "--store", store, "--operator", "duty1", "dispatch", "SD-0015", unit],
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
    }
}
