import Foundation

/// A flag that is set once and ends waits early: the pauses between polls and reconnects,
/// and the pacing of a recording, all wake at once when the feeds or the server stop.
final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false

    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits `seconds`, or less if stopped meanwhile; false when stopped.
    func sleep(_ seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(max(0, seconds))
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            if !condition.wait(until: deadline) { break }
        }
        return !stopped
    }
}

/// A wall clock whose sleep ends when a stop signal is set, for a pacer that must not hold a
/// stopping server for the hours between two messages of a recording.
struct InterruptibleClock: WallClock {
    let stop: StopSignal

    func now() -> Double { SystemClock().now() }

    func sleep(seconds: Double) { _ = stop.sleep(seconds) }
}
