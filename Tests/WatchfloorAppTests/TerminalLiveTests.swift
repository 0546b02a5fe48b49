import Foundation
import Testing

/// A live console on a store: it follows what others write, and asks before quitting.
@Suite("A live board follows its store")
struct TerminalLiveTests {
    @Test("given only --store the board is LIVE, shows a command another process commits, and q asks first")
    func followsTheStore() async throws {
        let scratch = try Scratch()
        let store = try await Watchfloor.replayedStore(scratch, scenario: "zibo-chemical-fire", file: "shared.db")
        // The tank fire, the scenario's first incident.
        let fire = try await Watchfloor.incident(holding: ZiboReport.tankFire, store: store, in: scratch)
        let tmux = try TmuxScreen(["run", "--store", store, "--lang", "en"], width: 120, height: 40, in: scratch)
        try await tmux.waitFor("the live board with the store's incidents") { $0.first?.contains("LIVE") == true && $0.contains { $0.contains(fire) } }
        try await Watchfloor.succeed(["exec", "--store", store, "--operator", "duty2", "note", fire, "evacuation", "ordered"], in: scratch.url)
        try await tmux.waitForText("evacuation ordered")
        try tmux.send("q")
        try await tmux.waitForText("really quit?")
        try tmux.send("x")
        try await tmux.waitFor("the question withdrawn") { !$0.contains { $0.contains("really quit?") } }
        try tmux.send("q")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
    }

    @Test("a layout file with a mistake is refused with file, line and reason; the others still work")
    func badLayoutFile() async throws {
        let scratch = try Scratch()
        let home = scratch.path("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        for name in ["demo-data"] {
            try FileManager.default.createSymbolicLink(at: home.appendingPathComponent(name), withDestinationURL: Watchfloor.packageRoot.appendingPathComponent(name))
        }
        for name in ["default", "compact", "wall"] {
            try FileManager.default.copyItem(at: Watchfloor.packageRoot.appendingPathComponent("layouts/\(name).yaml"), to: home.appendingPathComponent("layouts/\(name).yaml"))
        }
        try "name: broken\ndescription: x\nfits: {width: 80, height: 24}\nlayout:\n  column:\n    - widget: mapp\n".write(to: home.appendingPathComponent("layouts/broken.yaml"), atomically: true, encoding: .utf8)
        let tmux = try TmuxScreen(["run", "--replay", Watchfloor.scenario("zibo-chemical-fire").path, "--speed", "max", "--store", scratch.path("b.db").path, "--lang", "en"],
                                  width: 120, height: 40, in: scratch, environment: ["WATCHFLOOR_HOME": home.path])
        try await tmux.waitForText("broken.yaml:6")
        try await tmux.waitForText("unknown widget \"mapp\"")
        try tmux.send(":")
        try tmux.type("layout broken")
        try tmux.send("Enter")
        try await tmux.waitFor("the refusal of :layout broken") { $0.last { !$0.isEmpty }?.hasPrefix("rejected: layout broken:") == true }
        try tmux.send(":")
        try tmux.type("layout compact")
        try tmux.send("Enter")
        try await tmux.waitForText("accepted: layout compact")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
        let refused = try await Watchfloor.run(["run", "--layout", "broken"], in: scratch.url, environment: ["WATCHFLOOR_HOME": home.path])
        #expect(refused.status != 0)
        #expect(refused.stderrText.contains("broken.yaml:6"))
    }
}
