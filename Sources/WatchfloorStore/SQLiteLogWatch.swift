import Foundation
import GRDB

/// Follows a SQLite store by looking at its file every 0.1 s: `PRAGMA data_version` changes
/// when another connection committed, and costs no read of the log. It has a connection of
/// its own, so the store's commits show too (the follower then finds nothing new). Every 5 s
/// it asks for a read anyway, as the PostgreSQL watch does.
final class SQLiteLogWatch: LogWatch, @unchecked Sendable {
    let lookInterval = 0.1
    private let path: String
    private let signal = LogSignal(safetyNet: 5)
    /// Guards `queue`, `version`, `lastLook` and `lost`: a look is one caller's at a time.
    private let lock = NSLock()
    private var queue: DatabaseQueue?
    private var version: Int64?
    private var lastLook: UInt64 = 0
    private var lost = false

    init(path: String) throws(StoreError) {
        self.path = path
        do {
            var config = Configuration()
            config.label = "watchfloor.follow"
            config.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw StoreError("cannot watch the store \(path): \(error)")
        }
        look(force: true)
    }

    func take() -> LogNews {
        look(force: false)
        return signal.take()
    }

    func wait(timeout: Double) -> LogNews {
        let deadline = Date(timeIntervalSinceNow: max(0, timeout))
        while true {
            look(force: false)
            let left = deadline.timeIntervalSinceNow
            let news = signal.wait(timeout: max(0, min(lookInterval, left)))
            if news.readAgain || news.lost != nil || deadline.timeIntervalSinceNow <= 0 { return news }
        }
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        queue = nil
    }

    /// Reads the file's data version when a look is due, and says when it changed.
    private func look(force: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        guard let queue, force || now &- lastLook >= UInt64(lookInterval * 1e9) else { return }
        lastLook = now
        do {
            let current = try queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }
            if version != nil, current != version { signal.grew() }
            version = current
            if lost {
                lost = false
                signal.regain()
            }
        } catch {
            lost = true
            signal.lose("cannot read the store \(path): \(error)")
        }
    }
}

extension SQLiteStore {
    public func watchLog() throws(StoreError) -> any LogWatch {
        try SQLiteLogWatch(path: path)
    }
}
