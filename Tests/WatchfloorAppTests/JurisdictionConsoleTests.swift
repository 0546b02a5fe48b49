import Foundation
import Testing

/// A city's console on a store that holds two cities: it sees, counts and maps only its own,
/// and a command on another city's incident is refused, logged, and changes nothing.
@Suite("A console with a jurisdiction")
struct JurisdictionConsoleTests {
    @Test("--jurisdiction 3703: only Zibo's incidents, the map on Zibo, Jinan's refused; a bad code is refused")
    func zibo() async throws {
        let scratch = try Scratch()
        let store = scratch.path("province.db").path
        try await Watchfloor.succeed(["replay", Watchfloor.scenario("jinan-rainstorm").path, "--headless", "--store", store], in: scratch.url)
        try await Watchfloor.succeed(["ingest", "--store", store, "--feed", "zibo=" + Watchfloor.scenario("zibo-chemical-fire").path], in: scratch.url)
        let board = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: scratch.url).stdout))
        let open = board.array("incidents").filter { ["new", "acknowledged"].contains($0.string("status") ?? "") }
        let ziboOpen = open.filter { $0.string("adcode")?.hasPrefix("3703") == true }
        let jinanIncident = try #require(open.first { $0.string("adcode")?.hasPrefix("3701") == true }?.string("id"))
        let ziboIncident = try #require(ziboOpen.first?.string("id"))
        try #require(!ziboOpen.isEmpty && ziboOpen.count < open.count)

        let tmux = try TmuxScreen(["run", "--store", store, "--jurisdiction", "3703", "--lang", "en"], width: 120, height: 40, in: scratch)
        let screen = try await tmux.waitFor("the Zibo console") { $0.first?.contains("area 淄博市") == true }
        #expect(screen[0].contains("open \(ziboOpen.count)"), "\(screen[0])")
        #expect(screen.contains { $0.contains("1 Incidents \(ziboOpen.count) ") }, "only Zibo's incidents on the board")
        #expect(!screen.contains { $0.contains("济南市") && $0.contains("│I") }, "no Jinan row")
        #expect(screen.contains { $0.contains("Map 淄博市") }, "the map opens on Zibo")

        for (incident, verdict) in [(jinanIncident, "rejected: ack \(jinanIncident): \(jinanIncident) is outside this console's jurisdiction (3703)"),
                                    (ziboIncident, "accepted: ack \(ziboIncident)")] {
            try tmux.send(":")
            try tmux.type("ack \(incident)")
            try tmux.send("Enter")
            try await tmux.waitForText(verdict)
        }
        try tmux.send("q")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")

        let refused = try await Watchfloor.run(["run", "--store", store, "--jurisdiction", "1101", "--headless"], in: scratch.url)
        #expect(refused.status == 64)
        #expect(refused.stderrText.contains("--jurisdiction takes the code of Shandong"), "\(refused.stderrText)")
    }
}
