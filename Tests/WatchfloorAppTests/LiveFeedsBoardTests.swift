import Foundation
import Testing

/// Six simulated agencies feeding one board over TCP, as a trainer sets it up: the feeds pane
/// shows them live; one is killed and shows down, is restarted and shows up, and its resent
/// history adds nothing; one sends garbage, which is refused and listed by `:rejects`.
@Suite("Six feeds on one board")
struct LiveFeedsBoardTests {
    static let agencies = ["emergency", "police", "fire", "weather", "transport", "urban"]
    /// How the English feeds pane labels each agency's row.
    static let labels = ["emergency": "Emergen", "police": "Police", "fire": "Fire", "weather": "Weather", "transport": "Transpo", "urban": "Urban"]

    /// The feeds pane's row of one agency.
    static func row(_ agency: String, in screen: [String]) -> String? {
        screen.first { $0.contains("│" + labels[agency]!) && $0.contains("/s") == false && ($0.contains(" up ") || $0.contains(" down ") || $0.contains(" stale ") || $0.contains(" waiting ")) }
    }

    @Test("six feed serve processes feed one run; one killed shows down and back up; garbage is refused and listed")
    func sixAgencies() async throws {
        let scratch = try Scratch()
        // The Jinan rainstorm, one recording per agency, as six gateways would send it.
        var parts: [String: [Data]] = [:]
        for line in JSONLines(try Data(contentsOf: Watchfloor.scenario("jinan-rainstorm"))).lines {
            let object = try #require(JSONLines.object(line))
            // The scenario's expectations are its training office's, not an agency's: no gateway sends them.
            if object.string("type") == "training.expectations" { continue }
            let source = try #require(object.string("source"))
            parts[String(source.split(separator: "/").last!), default: []].append(line)
        }
        try #require(Set(parts.keys) == Set(Self.agencies), "\(parts.keys)")
        parts["police"]!.insert(Data("this is not JSON\u{1B}[31m".utf8), at: 3)
        var yaml = "feeds:\n"
        var servers: [String: BackgroundWatchfloor] = [:]
        var ports: [String: UInt16] = [:]
        defer { for server in servers.values { server.kill() } }
        for agency in Self.agencies {
            let file = scratch.path("\(agency).jsonl")
            try (parts[agency]!.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let server = try BackgroundWatchfloor(["feed", "serve", file.path, "--port", "0", "--speed", "max", "--heartbeat", "1"], in: scratch)
            servers[agency] = server
            let port = try #require(try await server.waitForPort(), "feed serve for \(agency): \(server.stderr)")
            ports[agency] = port
            yaml += "  - name: \(agency)\n    url: tcp://127.0.0.1:\(ports[agency]!)\n    heartbeat: 5\n"
        }
        try yaml.write(to: scratch.path("feeds.yaml"), atomically: true, encoding: .utf8)

        let store = scratch.path("floor.db").path
        let tmux = try TmuxScreen(["run", "--store", store, "--feeds", "feeds.yaml", "--lang", "en"], width: 120, height: 40, in: scratch)
        try await tmux.waitFor("all six feeds up") { screen in Self.agencies.allSatisfy { Self.row($0, in: screen)?.contains(" up ") == true } }
        // Every recording has played when each feed's last message is its recording's last.
        // (Six feeds interleave, so the board may correlate a little differently from a replay
        // in time order; what matters below is that a resend changes nothing.)
        var lastTimes: [String: String] = [:]
        for (agency, lines) in parts {
            let messages = lines.compactMap { JSONLines.object($0) }.filter { $0.string("type") != "feed.heartbeat" }
            lastTimes[agency] = String(try #require(messages.last?.string("time")).dropFirst(11).prefix(5))
        }
        let settled = try await tmux.waitFor("every recording played") { screen in
            Self.agencies.allSatisfy { Self.row($0, in: screen)?.contains(" \(lastTimes[$0]!) ") == true }
        }
        let count = try #require(TmuxScreen.incidentCount(settled))
        #expect(Self.row("police", in: settled)?.contains(" 1 ") == true, "police: one refused line — \(Self.row("police", in: settled) ?? "")")

        // The fire gateway dies: its feed shows down, with why.
        servers["fire"]!.kill()
        let down = try await tmux.waitFor("fire down") { Self.row("fire", in: $0)?.contains(" down ") == true }
        #expect(Self.row("fire", in: down)?.contains("connection") == true, "\(Self.row("fire", in: down) ?? "")")
        #expect(Self.agencies.filter { $0 != "fire" }.allSatisfy { Self.row($0, in: down)?.contains(" up ") == true })

        // It comes back on the same port and resends its whole history: up again, nothing added twice.
        let again = try BackgroundWatchfloor(["feed", "serve", scratch.path("fire.jsonl").path, "--port", String(ports["fire"]!), "--speed", "max", "--heartbeat", "1"], in: scratch)
        servers["fire"] = again
        #expect(try await again.waitForPort() == ports["fire"], "\(again.stderr)")
        try await tmux.waitFor("fire up again", seconds: 60) { Self.row("fire", in: $0)?.contains(" up ") == true }
        // Once the whole history has come again (each line a duplicate in the store), the
        // board is as it was.
        let fireMessages = parts["fire"]!.filter { !String(decoding: $0, as: UTF8.self).contains("feed.heartbeat") }.count
        let deadline = Date().addingTimeInterval(60)
        var duplicates = 0
        while true {
            let log = try loggedEntries(try await Watchfloor.succeed(["log", "cat", "--store", store], in: scratch.url).stdout)
            duplicates = log.filter { $0.kind == "report.duplicate" && $0.data["feed"] as? String == "fire" }.count
            if duplicates >= fireMessages || Date() > deadline { break }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        #expect(duplicates == fireMessages, "the resent history arrived as duplicates")
        #expect(TmuxScreen.incidentCount(try await tmux.waitFor("the board") { _ in true }) == count)

        // The garbage line, by its reason, with its escape made inert.
        try tmux.send(":")
        try tmux.type("rejects")
        try tmux.send("Enter")
        // Waited for whole: a capture can fall between an overlay's title and its rows.
        let rejects = try await tmux.waitFor("the refused line listed") { screen in
            screen.contains { $0.contains("Refused lines: 1") } && screen.contains { $0.contains("Esc or q closes") }
        }
        #expect(rejects.contains { $0.contains("police") && $0.contains("not a JSON object") }, "\(rejects.joined(separator: "\n"))")
        #expect(!rejects.joined().contains("\u{1B}"))
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")

        let log = try loggedEntries(try await Watchfloor.succeed(["log", "cat", "--store", store], in: scratch.url).stdout)
        let fireStates = log.filter { $0.kind?.hasPrefix("feed.") == true && $0.data["feed"] as? String == "fire" }.compactMap(\.kind)
        #expect(fireStates == ["feed.up", "feed.down", "feed.up", "feed.down"], "up, killed, back, console closed: \(fireStates)")
        let fireAccepted = log.filter { $0.kind == "report.accepted" && $0.data["feed"] as? String == "fire" }.count
        let fireDuplicates = log.filter { $0.kind == "report.duplicate" && $0.data["feed"] as? String == "fire" }.count
        #expect(fireAccepted == parts["fire"]!.filter { !String(decoding: $0, as: UTF8.self).contains("feed.heartbeat") }.count)
        #expect(fireDuplicates == fireAccepted, "the resent history is all duplicates")
        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }
}
