import Foundation
import WatchfloorCore

/// The time the screen shows, in the status bar and in the ages of incidents and orders.
extension Session {
    /// In training the scenario's clock. Live, the wall clock, so that a quiet board's clock and
    /// ages still move and a lapsed claim shows as lapsed; the board's newest entry instead
    /// when a feed's clock runs ahead of this machine's.
    func screenNow(wall: Double) -> Instant? {
        guard mode == .live else { return scenarioNow(wall: wall) }
        let now = WallTime.now()
        return intake.board.clock.map { max($0, now) } ?? now
    }

    /// Marks the screen for a redraw when the clock it shows has moved to another second.
    func tickScreenClock(wall: Double) {
        guard let now = screenNow(wall: wall) else { return }
        let second = now.milliseconds / 1000
        if second != shownSecond {
            shownSecond = second
            dirty = true
        }
    }

    /// Wall seconds until the shown clock reaches its next second; nil when it stands still.
    func secondsUntilNextClockSecond(wall: Double) -> Double? {
        if mode == .live {
            let now = WallTime.secondsSince1970()
            return now.rounded(.down) + 1 - now
        }
        guard let tape, !tape.ended, !replayClock.paused, let speed = replayClock.speed,
              let now = replayClock.scenarioTime(wall: wall) else { return nil }
        let intoSecond = Double(now.milliseconds % 1000) / 1000
        return (1 - intoSecond) / speed
    }
}
