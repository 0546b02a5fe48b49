import Testing
import WatchfloorCore
@testable import WatchfloorFeeds

@Suite("The replay clock the officer steers")
struct ReplayClockTests {
    let start = Instant(rfc3339: "2026-07-15T15:30:00+08:00")!

    @Test("runs at its speed from the first message, pauses without jumping, and resumes where it stood")
    func pauseAndSpeed() {
        var clock = ReplayClock(speed: 60)
        #expect(clock.scenarioTime(wall: 100) == nil)
        clock.start(at: start, wall: 100)
        #expect(clock.scenarioTime(wall: 101) == start.adding(seconds: 60))
        clock.setPaused(true, wall: 102)
        #expect(clock.scenarioTime(wall: 500) == start.adding(seconds: 120))
        #expect(clock.wait(until: start.adding(seconds: 180), wall: 500) == nil)
        clock.setPaused(false, wall: 500)
        #expect(clock.scenarioTime(wall: 501) == start.adding(seconds: 180))
        clock.setSpeed(1, wall: 501)
        #expect(clock.scenarioTime(wall: 511) == start.adding(seconds: 190))
        #expect(clock.wait(until: start.adding(seconds: 200), wall: 511) == 10)
        #expect(clock.wait(until: start, wall: 511) == 0)
    }

    @Test("at full speed everything is due at once")
    func fullSpeed() {
        var clock = ReplayClock(speed: nil)
        clock.start(at: start, wall: 0)
        #expect(clock.wait(until: start.adding(seconds: 86_400), wall: 0) == 0)
    }
}

@Suite("Agency activity for the feeds pane")
struct AgencyActivityTests {
    let t = Instant(rfc3339: "2026-07-15T15:30:00+08:00")!

    @Test("waiting, then up, stale after its interval, down when the recording ends; rate over ten minutes")
    func states() {
        var a = AgencyActivity(staleAfter: 600)
        #expect(a.state(.police, now: t) == .waiting)
        for i in 0..<20 { a.accepted(.police, at: t.adding(seconds: Double(i * 30))) }
        let last = t.adding(seconds: 570)
        #expect(a.state(.police, now: last) == .up)
        #expect(a.ratePerMinute(.police, now: last) == 2.0)
        #expect(a.state(.police, now: last.adding(seconds: 601)) == .stale)
        a.ended = true
        #expect(a.state(.police, now: last) == .down)
        #expect(a.state(.fire, now: last) == .down)
    }

    @Test("a refused line is counted against the agency its source names, even when it did not decode")
    func rejectedSource() {
        #expect(AgencyActivity.agency(inRejectedLine: #"{"specversion":"1.0","source":"/sd/370102/police","time":"bad"#) == .police)
        #expect(AgencyActivity.agency(inRejectedLine: "not json at all") == nil)
    }
}
