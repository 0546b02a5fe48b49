import Foundation

/// The mailbox between whatever notices a change in the log (a notification on the event
/// loop's thread, a poll) and the follower that takes the news (the console's loop, `log
/// cat --follow`). Besides what it is told, it says "read again" every `safetyNet` seconds,
/// so that a notification lost on the way delays an entry by that much at most.
final class LogSignal: @unchecked Sendable {
    private let condition = NSCondition()
    /// A follower reads once at the start: what was committed before the watch began.
    private var due = true
    private var lost: String?
    /// Something the follower has not taken yet: `due`, or a change of `lost`.
    private var pending = true
    private var lastRead: UInt64
    private let safetyNet: UInt64

    init(safetyNet seconds: Double) {
        safetyNet = UInt64(seconds * 1e9)
        lastRead = DispatchTime.now().uptimeNanoseconds
    }

    /// The log grew (a notification, a changed file).
    func grew() {
        update { $0.due = true }
    }

    /// The store went away; `reason` says how, for the follower to show.
    func lose(_ reason: String) {
        update { signal in
            if signal.lost == nil { signal.lost = reason }
        }
    }

    /// The store is back: what was committed while it was away must be read.
    func regain() {
        update { signal in
            signal.lost = nil
            signal.due = true
        }
    }

    func take() -> LogNews {
        condition.lock()
        defer { condition.unlock() }
        return takeLocked()
    }

    /// Waits until there is news or `timeout` seconds have passed, then takes it.
    func wait(timeout: Double) -> LogNews {
        let deadline = Date(timeIntervalSinceNow: max(0, timeout))
        condition.lock()
        defer { condition.unlock() }
        while !pending && !safetyNetDue() {
            let net = Date(timeIntervalSinceNow: Double(safetyNet - min(safetyNet, sinceLastRead())) / 1e9)
            if !condition.wait(until: min(deadline, net)) && Date() >= deadline { break }
        }
        return takeLocked()
    }

    private func update(_ change: (LogSignal) -> Void) {
        condition.lock()
        let before = lost
        change(self)
        if due || lost != before { pending = true }
        condition.broadcast()
        condition.unlock()
    }

    private func takeLocked() -> LogNews {
        let readAgain = due || safetyNetDue()
        if readAgain { lastRead = DispatchTime.now().uptimeNanoseconds }
        due = false
        pending = false
        return LogNews(readAgain: readAgain, lost: lost)
    }

    private func sinceLastRead() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds &- lastRead
    }

    private func safetyNetDue() -> Bool {
        sinceLastRead() >= safetyNet
    }
}
