import Foundation
import WatchfloorFeeds
import WatchfloorStore
import WatchfloorTerminal

/// An ingester waiting to lead its site: it asks for the site's lock every `poll` seconds,
/// reading no feed meanwhile (an agency's TCP feed is not consumed twice), and says once that
/// it is the standby and for whom. When it cannot even ask (the server is down or restarting) it
/// asks again after a backoff, and says so once until it can ask again. A signal ends the wait
/// within a tenth of a second.
struct SiteStandby {
    let lock: any SiteLock
    let signals: SignalWatch
    let say: (String) -> Void
    var poll = 0.5
    var backoff = Backoff(initial: 0.5, maximum: 30)

    enum Outcome {
        /// This process now holds the site's lock.
        case leading
        /// A signal ended the wait.
        case stopped(Int32)
    }

    func waitToLead() -> Outcome {
        var announced = false
        var failures = 0
        var random = SystemRandomNumberGenerator()
        while true {
            if let signal = signals.receivedSignal { return .stopped(signal) }
            var delay = poll
            do throws(StoreError) {
                if try lock.tryAcquire() { return .leading }
                failures = 0
                if !announced {
                    announced = true
                    let holder = lock.holder().map { "the ingester \($0)" } ?? "another ingester"
                    say("standby for site \(lock.site): \(holder) holds it; this ingester reads no feed until that one stops, then takes over")
                }
            } catch {
                delay = backoff.delay(attempt: failures, random: &random)
                if failures == 0 {
                    say("cannot ask for site \(lock.site): \(error.message); asking again with backoff (\(String(format: "%.1f", delay)) s, up to \(Int(backoff.maximum)) s)")
                }
                failures += 1
                // Once it can ask again, it says again whose standby it is.
                announced = false
            }
            if case .stopped(let signal)? = pause(delay) { return .stopped(signal) }
        }
    }

    /// Sleeps `seconds` in slices, so that a signal is answered promptly.
    private func pause(_ seconds: Double) -> Outcome? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let signal = signals.receivedSignal { return .stopped(signal) }
            usleep(UInt32(min(0.1, max(0, deadline.timeIntervalSinceNow)) * 1_000_000))
        }
        return nil
    }
}
