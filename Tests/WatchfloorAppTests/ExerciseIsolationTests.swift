import Foundation
import Testing

/// Training never leaks into live work (DESIGN §5): in one store holding a replayed exercise
/// and a live feed's incidents, an order on a training incident goes only to a gateway that
/// asks for exercise orders, and a live gateway sees only live orders.
@Suite("Exercise isolation")
struct ExerciseIsolationTests {
    @Test("exercise orders are never claimed by a live consumer, nor live orders by an exercise one")
    func isolation() async throws {
        let scratch = try Scratch()
        let store = scratch.path("floor.db").path
        try await Watchfloor.succeed(["replay", Watchfloor.scenario("jinan-rainstorm").path, "--headless", "--store", store], in: scratch.url)
        try await Watchfloor.succeed(["ingest", "--store", store, "--feed", "fire=" + Watchfloor.scenario("zibo-chemical-fire").path], in: scratch.url)

        let board = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: scratch.url).stdout))
        let incidents = board.array("incidents")
        func incident(inCity city: String) throws -> String {
            try #require(incidents.first { i in
                (i.string("category") == "fire" || i.string("category") == "hazardous_chemicals") && i.string("status") == "new"
                    && i.array("reports").contains { $0.string("source")?.hasPrefix("/sd/\(city)") == true }
            }?.string("id"), "no open fire in \(city)")
        }
        let training = try incident(inCity: "3701"), live = try incident(inCity: "3703")
        let trainingOrder = try await Watchfloor.succeed(["exec", "--store", store, "--operator", "duty1", "dispatch", training, "FIRE-3701-01"], in: scratch.url)
        let liveOrder = try await Watchfloor.succeed(["exec", "--store", store, "--operator", "duty1", "dispatch", live, "FIRE-3703-01"], in: scratch.url)
        let trainingID = try #require(trainingOrder.stdoutText.firstMatch(of: /ORD-\d+/)).output
        let liveID = try #require(liveOrder.stdoutText.firstMatch(of: /ORD-\d+/)).output

        func claim(_ consumer: String, exercise: Bool) async throws -> [[String: Any]] {
            let out = try await Watchfloor.succeed(["queue", "claim", "--store", store, "--agency", "fire", "--consumer", consumer, "--json"] + (exercise ? ["--exercise"] : []), in: scratch.url)
            return try #require(JSONLines.object(out.stdout)).array("orders")
        }
        let byLive = try await claim("gw-live", exercise: false)
        #expect(byLive.map { $0.string("id") } == [String(liveID)], "the live gateway gets the live order only")
        #expect(byLive.allSatisfy { ($0["exercise"] as? Bool) == false })
        let byTraining = try await claim("gw-training", exercise: true)
        #expect(byTraining.map { $0.string("id") } == [String(trainingID)], "the exercise gateway gets the training order only")
        #expect(byTraining.allSatisfy { ($0["exercise"] as? Bool) == true })
        #expect(try await claim("gw-live-2", exercise: false).isEmpty)
    }

    @Test("a console mixes live feeds and a replay only with --mix, and then everything it records is training")
    func mixing() async throws {
        let scratch = try Scratch()
        let jinan = try String(contentsOf: Watchfloor.scenario("jinan-rainstorm"), encoding: .utf8)
        try (jinan.split(separator: "\n").suffix(40).joined(separator: "\n") + "\n").write(to: scratch.path("police.jsonl"), atomically: true, encoding: .utf8)
        let refused = try await Watchfloor.run(["run", "--replay", Watchfloor.scenario("zibo-chemical-fire").path, "--feed", "police=police.jsonl", "--headless"], in: scratch.url)
        #expect(refused.status == 64)
        #expect(refused.stderrText.contains("add --mix"), "\(refused.stderrText)")

        let store = scratch.path("mixed.db").path
        let tmux = try TmuxScreen(["run", "--replay", Watchfloor.scenario("zibo-chemical-fire").path, "--speed", "max", "--store", store,
                                   "--feed", "police=police.jsonl", "--mix", "--lang", "en"], width: 120, height: 40, in: scratch)
        try await tmux.waitFor("the replay ended and the feed read") { screen in
            screen[0].contains("replay ended") && screen.contains { $0.contains("│Police") && $0.contains(" down ") }
        }
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
        let entries = try loggedEntries(try await Watchfloor.succeed(["log", "cat", "--store", store], in: scratch.url).stdout)
        #expect(entries.contains { $0.kind == "report.accepted" && $0.data["feed"] as? String == "police" }, "the live feed's reports are in")
        #expect(entries.allSatisfy { $0.object["exercise"] as? Bool == true }, "every entry is training")
    }
}
