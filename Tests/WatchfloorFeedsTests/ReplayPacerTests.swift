import Testing
import WatchfloorCore
@testable import WatchfloorFeeds

/// The pacer's arithmetic on a clock that only pretends: what `feed serve` and training replays
/// wait between messages, with no wall time spent.
@Suite("Replay pacing")
struct ReplayPacerTests {
    /// A clock whose time moves only when something sleeps on it, and which notes each sleep.
    final class PretendClock: WallClock, @unchecked Sendable {
        private(set) var time = 1000.0
        private(set) var sleeps: [Double] = []

        func now() -> Double { time }
        func sleep(seconds: Double) {
            sleeps.append(seconds)
            time += seconds
        }
        func pass(_ seconds: Double) { time += seconds }
    }

    static func at(_ clock: String) -> Instant { Instant(rfc3339: "2026-07-15T\(clock)+08:00")! }

    @Test("at 20×, four seconds of the recording are a fifth of a second; the first message goes at once")
    func twentyTimes() {
        let clock = PretendClock()
        var pacer = ReplayPacer(speed: 20, clock: clock)
        pacer.wait(for: Self.at("15:30:00"))
        pacer.wait(for: Self.at("15:30:04"))
        pacer.wait(for: Self.at("15:30:04"))
        #expect(clock.sleeps.count == 1)
        #expect(abs(clock.sleeps[0] - 0.2) < 1e-9)
    }

    @Test("time already spent elsewhere is not waited again, and a late message goes at once")
    func countsFromTheOrigin() {
        let clock = PretendClock()
        var pacer = ReplayPacer(speed: 1, clock: clock)
        pacer.wait(for: Self.at("15:30:00"))
        clock.pass(3)
        pacer.wait(for: Self.at("15:30:10"))
        #expect(clock.sleeps == [7])
        clock.pass(60)
        pacer.wait(for: Self.at("15:30:20"))
        #expect(clock.sleeps == [7], "behind schedule: no sleep")
    }

    @Test("at max speed nothing waits")
    func maxSpeed() {
        let clock = PretendClock()
        var pacer = ReplayPacer(speed: nil, clock: clock)
        pacer.wait(for: Self.at("15:30:00"))
        pacer.wait(for: Self.at("18:30:00"))
        #expect(clock.sleeps.isEmpty)
    }
}
