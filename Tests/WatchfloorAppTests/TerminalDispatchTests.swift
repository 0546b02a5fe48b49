import Foundation
import Testing

/// The loop from the screen to the agencies and back: a dispatch typed on the board reaches
/// the queue, a gateway claims and acks it, and the board shows the unit en route,
/// in the detail and in the incident's row.
@Suite("Dispatch from the board")
struct TerminalDispatchTests {
    @Test("a dispatch typed at : is queued, claimed and acked by a gateway, and the live board shows it")
    func dispatchLoop() async throws {
        let scratch = try Scratch()
        let store = try await Watchfloor.replayedStore(scratch, scenario: "jinan-rainstorm", file: "floor.db")
        // The waterlogging under the 北园大街 bridge, and the car in the 经十路 underpass.
        let bridge = try await Watchfloor.incident(holding: JinanReport.bridgeWaterlogging, store: store, in: scratch)
        let underpass = try await Watchfloor.incident(holding: JinanReport.carInUnderpass, store: store, in: scratch)
        let tmux = try TmuxScreen(["run", "--store", store, "--lang", "en"], width: 120, height: 40, in: scratch)
        try await tmux.waitFor("the live board") { $0.first?.contains("LIVE") == true }
        try tmux.send(":")
        try tmux.type("dispatch \(bridge) FIRE-3701-02")
        try tmux.send("Enter")
        try await tmux.waitForText("accepted: dispatch \(bridge) FIRE-3701-02")
        try await tmux.waitForText("ORD-0001")

        let listed = try await Watchfloor.succeed(["queue", "list", "--store", store, "--json"], in: scratch.url)
        let orders = try #require((try JSONSerialization.jsonObject(with: listed.stdout) as? [String: Any])?["orders"] as? [[String: Any]])
        #expect(orders.count == 1)
        #expect(orders.first?["unit"] as? String == "FIRE-3701-02")
        #expect(orders.first?["state"] as? String == "queued")

        try await Watchfloor.succeed(["queue", "claim", "--store", store, "--consumer", "gw1", "--agency", "fire", "--exercise"], in: scratch.url)
        try await tmux.waitFor("the claim on the board's queue") { $0.contains { $0.contains("ORD-0001") && $0.contains("claimed") && $0.contains("gw1") } }
        try await Watchfloor.succeed(["queue", "ack", "ORD-0001", "--store", store, "--consumer", "gw1", "--status", "enroute"], in: scratch.url)
        try await tmux.waitFor("the ack on the board's queue") { $0.contains { $0.contains("ORD-0001") && $0.contains("acked") } }
        // The detail of the bridge's incident lists the unit en route.
        try tmux.send(":")
        try tmux.type("filter \(bridge)")
        try tmux.send("Enter")
        try await tmux.waitFor("the unit en route in the detail") { $0.contains { $0.contains("FIRE-3701-02") && $0.contains("enroute") } }
        // The compact layout's board row counts the unit and says how far it has got.
        try tmux.send(":")
        try tmux.type("layout compact")
        try tmux.send("Enter")
        try await tmux.waitFor("the unit en route in the board row") { $0.contains { $0.contains("new") && $0.hasSuffix("1 enroute│") } }
        try tmux.send(":")
        try tmux.type("layout default")
        try tmux.send("Enter")
        // With no units named, the run card's nearest units are offered; y sends them.
        try tmux.send(":")
        try tmux.type("dispatch \(underpass)")
        try tmux.send("Enter")
        try await tmux.waitForText("suggested for \(underpass)")
        try tmux.send("y")
        try await tmux.waitForText("accepted: dispatch \(underpass)")
        try tmux.send("q")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
        let after = try await Watchfloor.succeed(["queue", "list", "--store", store, "--json"], in: scratch.url)
        let all = try #require((try JSONSerialization.jsonObject(with: after.stdout) as? [String: Any])?["orders"] as? [[String: Any]])
        #expect(all.contains { $0["incident"] as? String == underpass })
    }
}
