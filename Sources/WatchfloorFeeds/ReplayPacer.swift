import Foundation
import WatchfloorCore

/// A source of wall-clock time that can also wait; tests pass one that only pretends.
public protocol WallClock: Sendable {
    /// Seconds on a monotonic clock.
    func now() -> Double
    func sleep(seconds: Double)
}

/// The machine's monotonic clock.
public struct SystemClock: WallClock {
    public init() {}

    public func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    public func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        usleep(UInt32(min(seconds, 3600) * 1_000_000))
    }
}

/// Plays recorded messages at a multiple of their original pace: at 30×, half an hour of a
/// scenario passes in a minute. `nil` speed means as fast as possible.
public struct ReplayPacer: Sendable {
    public let speed: Double?
    let clock: any WallClock
    private var origin: (scenario: Instant, wall: Double)?

    public init(speed: Double?, clock: any WallClock = SystemClock()) {
        self.speed = speed
        self.clock = clock
    }

    /// Waits until the message stamped `time` is due.
    public mutating func wait(for time: Instant) {
        guard let speed, speed > 0 else { return }
        guard let origin else {
            origin = (time, clock.now())
            return
        }
        let due = origin.wall + time.seconds(since: origin.scenario) / speed
        let delay = due - clock.now()
        if delay > 0 { clock.sleep(seconds: delay) }
    }
}
