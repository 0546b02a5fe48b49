import Foundation
import WatchfloorFeeds
import WatchfloorTerminal
import WatchfloorUI

/// The console's one loop, on the thread that owns the terminal: play what is due, answer
/// keys at once, and draw at most about 30 frames a second for feed changes, so a replay at
/// 1000× never renders per message.
struct RunLoop {
    let session: Session
    let terminal: Terminal
    let signals: SignalWatch
    let clock = SystemClock()
    static let frameInterval = 1.0 / 30
    static let feedPollMilliseconds = 40.0

    func run() throws(AppError) {
        var lastFrame = -Double.infinity
        var keyPressed = true
        while !session.quitting, signals.receivedSignal == nil {
            let wall = clock.now()
            try session.advance(wall: wall)
            try session.readFeeds(wall: wall)
            try session.follow(wall: wall)
            session.tickScreenClock(wall: wall)
            let (width, height) = terminal.size
            let panes = session.layouts.placed(in: Screen.paneArea(width: width, height: height), width: width, height: height)
            if session.dirty && (keyPressed || wall - lastFrame >= Self.frameInterval) {
                draw(width: width, height: height)
                lastFrame = clock.now()
                keyPressed = false
            }
            var timeout = 500.0
            if session.dirty { timeout = max(0, lastFrame + Self.frameInterval - clock.now()) * 1000 }
            if let next = session.secondsUntilNextLine(wall: clock.now()) { timeout = min(timeout, next * 1000) }
            // The scenario clock's next second, at most a frame's wait at high speeds.
            if let next = session.secondsUntilNextClockSecond(wall: clock.now()) { timeout = min(timeout, max(next, Self.frameInterval) * 1000) }
            // Live feeds are looked at this often: a report is on screen within a frame or two.
            if session.liveFeeds != nil { timeout = min(timeout, Self.feedPollMilliseconds) }
            // And the store's watch: another console's command is on screen within its interval.
            if let interval = session.followInterval { timeout = min(timeout, interval * 1000) }
            guard let key = terminal.readKey(timeoutMilliseconds: Int(timeout.rounded(.up))) else { continue }
            keyPressed = true
            if key == .resize {
                session.dirty = true
                continue
            }
            try session.handle(key, panes: panes, wall: clock.now())
        }
    }

    private func draw(width: Int, height: Int) {
        let (canvas, model) = session.frame(width: width, height: height)
        terminal.present(canvas, cursor: PromptLine.cursor(model, in: Rect(x: 0, y: height - 1, width: width, height: 1)))
        session.dirty = false
    }
}
