import Foundation
import Testing
import WatchfloorCore
import WatchfloorUI

/// A live console's clock is the wall clock: on a quiet board it still moves, and the ages of
/// incidents count from now, not from the last entry the store received.
///
/// No expectation here is a date written down: the console's wall clock is set with
/// `WATCHFLOOR_TEST_NOW` (debug builds only), and what the screen must show is computed from
/// it, from the board's `opened` times and with the board's own formatter.
@Suite("live console clock")
struct LiveClockTests {
    /// When the live store was fed: a quarter of an hour after the scenario's last message
    /// (21:30), so every entry of the store is older than the console's now.
    static let ingestedAt = "2026-07-15T21:45:00+08:00"
    /// The console's now, some hours after the scenario: the 泉城广场 rainfall incident, opened
    /// 15:55:30, is then 9h29m30s old, half an hour from either edge of "9h".
    static let consoleNow = "2026-07-16T01:25:00+08:00"

    /// Seconds since 1970 of an RFC 3339 instant, read as the log reads it.
    static func seconds(_ rfc3339: String) -> Double? {
        Instant(rfc3339: rfc3339)?.secondsSince1970
    }

    /// `2026-07-16 01:25:02` from the status bar, as seconds since 1970 (China time, +08:00).
    static func shownClock(_ screen: [String]) -> Double? {
        guard let first = screen.first, let range = first.range(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#, options: .regularExpression) else { return nil }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        format.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return format.date(from: String(first[range]))?.timeIntervalSince1970
    }

    /// The Age column of the incidents pane's row whose title starts with `title`: the last
    /// word of the pane's part of the line (the rows show no incident ids).
    static func age(ofRowTitled title: String, in screen: [String]) -> String? {
        for line in screen where line.hasPrefix("│") {
            let pane = line.dropFirst().prefix { $0 != "│" }
            if pane.contains(title) { return pane.split(separator: " ").last.map(String.init) }
        }
        return nil
    }

    @Test("a live console on a store whose last entry is hours old shows the time now, it moves, and incidents age from it")
    func wallClock() async throws {
        let scratch = try Scratch()
        let english = Strings(.en)
        // A live store, fed by a read-once file feed (ingest ends with the file; the scenario's
        // first line, its training expectations, is refused on a live feed). Fed at a set time,
        // so that none of its entries is newer than the console's now.
        let store = scratch.path("live.db").path
        try await Watchfloor.succeed(["ingest", "--store", store, "--feed", "police=" + Watchfloor.scenario("jinan-rainstorm").path],
                                     in: scratch.url, environment: ["WATCHFLOOR_TEST_NOW": Self.ingestedAt])
        let incidents = try await Watchfloor.boardIncidents(store: store, in: scratch)
        let incident = try #require(Watchfloor.incident(holding: JinanReport.rainfall, among: incidents), "no incident holds \(JinanReport.rainfall)")
        let opened = try #require(incident.string("opened").flatMap(Self.seconds), "\(incident)")
        let title = try #require(incident.string("title"))
        // The row is found by the start of its title, which no other incident's shares.
        let titles = incidents.compactMap { $0.string("title") }
        let start = try #require((2...6).lazy.map { String(title.prefix($0)) }.first { p in titles.filter { $0.hasPrefix(p) }.count == 1 },
                                 "\(title) shares its start with another incident's title")
        let now = try #require(Self.seconds(Self.consoleNow))
        let ingested = try #require(Self.seconds(Self.ingestedAt))
        // The age must sit well inside its unit, or the test could see it flip.
        try #require(english.age(seconds: now - opened - 600) == english.age(seconds: now - opened + 1200),
                     "at \(Self.consoleNow) the incident's age is near the edge of its unit: choose another console time")
        try #require(now - ingested > 3600, "the console's now is well after the store's last entry")

        let startedAt = ContinuousClock.now
        let tmux = try TmuxScreen(["run", "--store", store, "--operator", "duty1", "--lang", "en"], width: 120, height: 40, in: scratch,
                                  environment: ["WATCHFLOOR_TEST_NOW": Self.consoleNow])
        let first = try await tmux.waitFor("a clock in the status bar and the incident's row") {
            $0.first?.contains("duty1") == true && Self.shownClock($0) != nil && Self.age(ofRowTitled: start, in: $0) != nil
        }
        let looked = startedAt.duration(to: .now)
        let shown = try #require(Self.shownClock(first))
        // The console's clock started at its now when it started, after the test started it,
        // and has run on no longer than the test has been looking.
        #expect(shown >= now && shown <= now + looked / .seconds(1) + 1, "the status bar shows the console's now, not the board's last entry: \(first[0])")
        #expect(Self.age(ofRowTitled: start, in: first) == english.age(seconds: shown - opened),
                "the age of \(incident.string("id") ?? "?") (opened \(incident.string("opened") ?? "?")) counts from the shown clock: \(first[0])")
        try await tmux.waitFor("the clock moving on a quiet board") { (Self.shownClock($0) ?? shown) > shown }
        // A live console asks before it quits.
        try tmux.send("q")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
    }
}
