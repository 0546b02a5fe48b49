import Foundation
import Testing
import WatchfloorCore
@testable import WatchfloorApp

/// A trainer's control of the replay on the board: the scenario clock in the status bar,
/// pause, speed, seek forward and back, step.
@Suite("Replay control")
struct ReplayControlTests {
    static let now = Instant(rfc3339: "2026-07-15T16:20:30+08:00")!

    @Test("seek targets: a time of day on the scenario's date, or an offset", arguments: [
        ("17:30", "2026-07-15T17:30:00.000+08:00"), ("09:05:07", "2026-07-15T09:05:07.000+08:00"),
        ("+10m", "2026-07-15T16:30:30.000+08:00"), ("-90s", "2026-07-15T16:19:00.000+08:00"), ("+2h", "2026-07-15T18:20:30.000+08:00"),
    ])
    func targets(_ text: String, _ expected: String) {
        #expect(Session.seekTarget(text, from: Self.now)?.rfc3339 == expected)
    }

    @Test("what is not a time is refused", arguments: ["", "17", "24:00", "17:60", "7:30", "+10", "+m", "+10d", "-x5m", "17:30:61", "noon"])
    func refused(_ text: String) {
        #expect(Session.seekTarget(text, from: Self.now) == nil)
    }

    @Test("a rewound run goes on in a store beside the first, never over it")
    func rewoundPath() throws {
        let scratch = try Scratch()
        let path = scratch.path("jinan.db").path
        #expect(Session.rewoundPath(of: path) == scratch.path("jinan-rewound-1.db").path)
        try #require(FileManager.default.createFile(atPath: scratch.path("jinan-rewound-1.db").path, contents: Data()))
        #expect(Session.rewoundPath(of: path) == scratch.path("jinan-rewound-2.db").path)
    }

    /// The status bar's first line, e.g. ` TRAINING ×60 · paused  2026-07-15 16:00:00  ...`.
    static func statusClock(_ screen: [String]) -> String? {
        guard let first = screen.first, let range = first.range(of: #"2026-07-15 \d\d:\d\d:\d\d"#, options: .regularExpression) else { return nil }
        return String(first[range].suffix(8))
    }

    @Test("in tmux: the clock runs and stops with pause, speed changes, seek forward and back, step")
    func drive() async throws {
        let scratch = try Scratch()
        let store = scratch.path("trainee.db").path
        let tmux = try TmuxScreen(["run", "--replay", Watchfloor.scenario("jinan-rainstorm").path, "--speed", "60", "--store", store, "--lang", "en"],
                                  width: 120, height: 40, in: scratch)
        let start = try await tmux.waitFor("the scenario clock") { Self.statusClock($0) != nil && $0[0].contains("TRAINING ×60") }
        let first = try #require(Self.statusClock(start))
        try await tmux.waitFor("the clock running") { Self.statusClock($0).map { $0 > first } ?? false }

        func command(_ text: String) throws {
            try tmux.send(":")
            try tmux.type(text)
            try tmux.send("Enter")
        }
        try command("pause")
        let paused = try await tmux.waitFor("paused") { $0[0].contains("paused") }
        let stopped = try #require(Self.statusClock(paused))
        // At ×60 a running clock moves a second every 17 ms: watched over many looks, a clock
        // that stands is paused.
        let moved = try await tmux.firstScreen(where: { Self.statusClock($0) != stopped })
        #expect(moved == nil, "the clock stands while paused: \(moved?.first ?? "")")

        try command("seek 17:30")
        let forward = try await tmux.waitForText("accepted: seek 17:30:00")
        #expect(Self.statusClock(forward) == "17:30:00")
        let atHalfPast = try #require(TmuxScreen.incidentCount(forward))
        #expect(atHalfPast > 0)

        try command("step")
        let stepped = try await tmux.waitForText("accepted: step")
        #expect(Self.statusClock(stepped).map { $0 > "17:30:00" } == true)
        #expect(stepped[0].contains("paused"))

        try command("speed 1000")
        try await tmux.waitFor("speed 1000") { $0[0].contains("×1000") }
        try command("seek 16:00")
        let back = try await tmux.waitForText("accepted: seek 16:00:00")
        #expect(Self.statusClock(back) == "16:00:00")
        #expect(try #require(TmuxScreen.incidentCount(back)) < atHalfPast, "the board as it was at four")
        #expect(back.contains { $0.contains("trainee-rewound-1.db") }, "says where the run goes on")

        try command("seek noon")
        try await tmux.waitForText("rejected: seek noon")
        try command("resume")
        try await tmux.waitFor("running again") { !$0[0].contains("paused") && Self.statusClock($0).map { $0 > "16:00:00" } == true }
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
        for path in [store, scratch.path("trainee-rewound-1.db").path] {
            let verify = try await Watchfloor.run(["log", "verify", "--store", path], in: scratch.url)
            #expect(verify.status == 0, "\(path): \(verify.stdoutText)\(verify.stderrText)")
        }
    }
}
