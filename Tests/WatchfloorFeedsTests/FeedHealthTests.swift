import Testing
import WatchfloorCore
@testable import WatchfloorFeeds

/// Feed health: up on connection or a line, stale after its interval of silence, down when
/// the transport says so — each change logged once.
@Suite("Feed health")
struct FeedHealthTests {
    static let t0 = 1_800_000_000.0
    static func health() -> FeedHealth {
        FeedHealth(feeds: [(name: "police", url: "tcp://127.0.0.1:7001", heartbeat: 30), (name: "fire", url: "file:fire.jsonl?follow", heartbeat: 60)])
    }
    static func states(_ changes: [FeedStateChange]) -> [String] { changes.map { "\($0.feed) \($0.state.rawValue)" } }

    @Test("waiting, then up, stale after the interval, up again on a heartbeat, down on a drop; repeats are not logged")
    func lifecycle() {
        var h = Self.health()
        #expect(h.feeds.map(\.state) == [.waiting, .waiting])
        #expect(Self.states(h.connected("police", wall: Self.t0)) == ["police up"])
        #expect(h.connected("police", wall: Self.t0 + 1).isEmpty)
        #expect(h.tick(wall: Self.t0 + 31).isEmpty, "30 s since the reconnection is within a 30 s interval")
        let stale = h.tick(wall: Self.t0 + 32)
        #expect(Self.states(stale) == ["police stale"])
        #expect(stale.first?.reason == "no message or heartbeat for 31 s (interval 30 s)")
        #expect(h.tick(wall: Self.t0 + 40).isEmpty)
        #expect(Self.states(h.heard("police", wall: Self.t0 + 41)) == ["police up"])
        #expect(h.heard("police", wall: Self.t0 + 41.5).isEmpty)
        let down = h.disconnected("police", reason: "connection closed by the agency", wall: Self.t0 + 42)
        #expect(Self.states(down) == ["police down"])
        #expect(down.first?.url == "tcp://127.0.0.1:7001")
        #expect(h.disconnected("police", reason: "connection refused — retrying in 1.0 s", wall: Self.t0 + 43).isEmpty)
        #expect(h.feeds[0].reason == "connection refused — retrying in 1.0 s", "the latest reason is shown")
        #expect(h.tick(wall: Self.t0 + 500).isEmpty, "a down feed does not go stale")
        #expect(h.feeds[1].state == .waiting, "the other feed is untouched")
        #expect(Self.states(h.ended("fire", wall: Self.t0)) == ["fire down"])
    }

    @Test("counts, lag and rate come from the lines and their outcomes")
    func counts() {
        var h = Self.health()
        let event = Instant(secondsSince1970: Self.t0 - 2.5)
        _ = h.connected("police", wall: Self.t0)
        for i in 0..<20 { h.counted("police", outcome: .accepted, eventTime: event, wall: Self.t0 + Double(i) * 0.25) }
        h.counted("police", outcome: .rejected, eventTime: nil, wall: Self.t0 + 5)
        h.counted("police", outcome: .duplicate, eventTime: event, wall: Self.t0 + 5)
        h.counted("police", outcome: .heartbeat, eventTime: nil, wall: Self.t0 + 5)
        let feed = h.feeds[0]
        #expect((feed.accepted, feed.rejected, feed.duplicates) == (20, 1, 1))
        #expect(feed.lastMessage == event)
        #expect(abs((feed.lagSeconds ?? 0) - 7.5) < 0.001, "arrival at t0+5 of an event from t0-2.5")
        #expect(abs(feed.ratePerSecond(wall: Self.t0 + 5.5) - 2.2) < 0.001, "22 lines in the last 10 s")
        #expect(feed.ratePerSecond(wall: Self.t0 + 16) == 0, "nothing in the last 10 s")
    }

    @Test("the rate window forgets seconds that fall out of it, one by one")
    func rateWindow() {
        var w = RateWindow()
        for s in 0..<10 { w.count(wall: 100 + Double(s)) }
        #expect(w.perSecond(wall: 109.5) == 1)
        #expect(w.perSecond(wall: 112.5) == 0.7)
        w.count(wall: 113)
        #expect(w.perSecond(wall: 113.2) == 0.7, "104...113: 6 old seconds and the new one")
    }
}
