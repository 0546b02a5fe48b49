import Foundation
import Testing

/// A live console's clock is the wall clock: on a quiet board it still moves, and the ages of
/// incidents count from now, not from the last entry the store received.
@Suite("live console clock")
struct LiveClockTests {
    /// `2026-11-26 17:52:56` from the status bar, as seconds since 1970 (China time, +08:00).
    static func shownClock(_ screen: [String]) -> Double? {
        guard let first = screen.first, let range = first.range(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#, options: .regularExpression) else { return nil }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        format.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return format.date(from: String(first[range]))?.timeIntervalSince1970
    }

    @Test("a live console on a store whose last entry is months old shows the time now, and it moves")
    func wallClock() async throws {
        let scratch = try Scratch()
        // The Jinan rainstorm's entries are from 2026-07-15; nothing new arrives while the test looks.
        let store = try await Watchfloor.replayedStore(scratch)
        let tmux = try TmuxScreen(["run", "--store", store, "--operator", "duty1", "--lang", "en"], width: 120, height: 40, in: scratch)
        try tmux.waitForText("duty1")
        let first = try tmux.waitFor("a clock in the status bar") { Self.shownClock($0) != nil }
        let shown = try #require(Self.shownClock(first))
        #expect(abs(shown - Date().timeIntervalSince1970) < 10, "the status bar shows now, not the board's last entry: \(first[0])")
        try tmux.waitFor("the clock moving on a quiet board") { (Self.shownClock($0) ?? shown) > shown }
        #expect(first.contains { $0.contains("19w") }, "SD-0001's age counts from now (2026-07-15 is weeks ago)")
        // A live console asks before it quits.
        try tmux.send("q")
        try tmux.send("q")
        try tmux.waitForText("[exited 0]")
    }
}
