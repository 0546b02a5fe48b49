/// Tells a follower of the log when to read it again: after another writer committed, and
/// after the watch lost the store and found it again. A follower reads by seq from its own
/// head, so a signal that is missed, doubled or late costs a read at most, never an entry:
/// notifications sent while a watch was away are covered by the read it asks for on its return.
///
/// `DispatchStore.watchLog()` makes one: PostgreSQL listens (`LISTEN watchfloor_log`) on a
/// connection of its own, SQLite looks at its file's `PRAGMA data_version`. Safe to use from
/// any thread; meant for one follower.
public protocol LogWatch: AnyObject, Sendable {
    /// How long a follower may go between calls to `take()` and still see a commit promptly.
    var lookInterval: Double { get }

    /// What happened since the last call; returns at once.
    func take() -> LogNews

    /// Waits until there is news or `timeout` seconds have passed, then takes it.
    func wait(timeout: Double) -> LogNews

    /// Stops watching and lets its connection go; later calls report nothing new.
    func close()
}

/// What a `LogWatch` has to say to its follower.
public struct LogNews: Sendable, Equatable {
    /// The log may have grown (or a while passed, or the watch just found the store again):
    /// read it from your head.
    public var readAgain: Bool
    /// Why the store cannot be reached now; nil while it can.
    public var lost: String?

    public init(readAgain: Bool, lost: String?) {
        self.readAgain = readAgain
        self.lost = lost
    }
}
