import WatchfloorCore

/// Where the log lives: the embedded SQLite file or a shared PostgreSQL server.
/// Every implementation keeps the chain's invariants itself: `seq` gapless from 1, each
/// `prev` the hash of the entry before.
public protocol Store: Sendable {
    /// Where the chain continues: the next `seq` and the hash of the last line.
    func chainHead() throws(StoreError) -> LogChain

    /// Writes entries durably in one transaction; when it returns, they are committed.
    func append(_ entries: [SealedEntry]) throws(StoreError)

    /// Calls `body` with each stored line from `seq` on, in order.
    func forEachLine(from seq: Int64, _ body: (StoredLine) throws -> Void) throws(StoreError)
}

/// One line as stored.
public struct StoredLine: Sendable {
    public var seq: Int64
    public var line: [UInt8]
    public var hash: String
}

/// A store failure, said so that the duty officer knows what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The server could not be reached or the connection broke: the same call may succeed
    /// once it is back, and nothing of this call was committed unless a read shows it was.
    public var unreachable: Bool
    public init(_ message: String, unreachable: Bool = false) {
        self.message = message
        self.unreachable = unreachable
    }
    public var description: String { message }
}
