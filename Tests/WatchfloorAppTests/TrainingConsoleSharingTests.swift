import Foundation
import Testing

/// A trainee's console and the gateways share the training store: the gateways write to it
/// while the replay goes on writing, and neither breaks the other's chain.
@Suite("A training console shares its store")
struct TrainingConsoleSharingTests {
    static func orders(_ output: Data) throws -> [[String: Any]] {
        try #require((try JSONSerialization.jsonObject(with: output) as? [String: Any])?["orders"] as? [[String: Any]])
    }

    @Test("orders dispatched in training are claimed and acked from another shell; the board shows it and the replay commits on after")
    func gatewaysWriteDuringReplay() async throws {
        let scratch = try Scratch()
        let store = scratch.path("trainee.db").path
        let tmux = try TmuxScreen(["run", "--replay", Watchfloor.scenario("jinan-rainstorm").path, "--speed", "1000", "--store", store, "--lang", "en"],
                                  width: 120, height: 40, in: scratch)
        try await tmux.waitFor("two incidents") { $0.contains { $0.contains("Incidents") && !$0.contains("Incidents 0") && !$0.contains("Incidents 1 ") } }
        try tmux.send(":")
        try tmux.type("pause")
        try tmux.send("Enter")
        // The waterlogging under the 北园大街 bridge, the second incident to open: on the board
        // the console has committed so far.
        let bridge = try await Watchfloor.incident(holding: JinanReport.bridgeWaterlogging, store: store, in: scratch)
        try tmux.send(":")
        try tmux.type("dispatch \(bridge)")
        try tmux.send("Enter")
        try await tmux.waitForText("suggested for \(bridge)")
        try tmux.send("y")
        try await tmux.waitForText("accepted: dispatch \(bridge)")

        // The gateways, from another shell, while the console holds the store open.
        let queued = try Self.orders(try await Watchfloor.succeed(["queue", "list", "--store", store, "--json"], in: scratch.url).stdout)
        #expect(!queued.isEmpty)
        for agency in Set(queued.compactMap { $0["agency"] as? String }) {
            let claimed = try Self.orders(try await Watchfloor.succeed(["queue", "claim", "--store", store, "--agency", agency, "--consumer", "gw-\(agency)", "--exercise", "--json"], in: scratch.url).stdout)
            for order in claimed {
                try await Watchfloor.succeed(["queue", "ack", try #require(order["id"] as? String), "--store", store, "--consumer", "gw-\(agency)", "--status", "enroute"], in: scratch.url)
            }
        }
        try await tmux.waitFor("the acks on the console's queue pane") { screen in
            screen.filter { $0.contains("ORD-") && $0.contains("acked") }.count == queued.count
        }

        // The replay goes on, committing after the gateways' entries, to its end.
        try tmux.send(":")
        try tmux.type("resume")
        try tmux.send("Enter")
        try await tmux.waitForText("replay ended", seconds: 60)
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")

        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
        let kinds = try await Watchfloor.succeed(["log", "cat", "--store", store], in: scratch.url).stdoutText
            .split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["kind"] as? String
            }
        let lastAck = try #require(kinds.lastIndex(of: "dispatch.acked"))
        #expect(kinds[(lastAck + 1)...].contains("report.accepted"), "the replay committed after the gateways")
        #expect(kinds.filter { $0 == "dispatch.acked" }.count == queued.count)
    }
}
