extension Intake {
    /// Folds an entry another writer already sealed into the store (a console following a
    /// shared board): its decision is applied as recorded and our chain moves to its hash,
    /// so the next entry we seal links after it.
    public mutating func adopt(_ entry: LogEntry, seq: Int64, hash: String) {
        _ = board.apply(entry)
        chain = LogChain(nextSeq: seq + 1, head: hash)
    }

    /// Moves our chain past an entry this version cannot read (a kind a later version wrote):
    /// the board does not show it, and the next entry we seal still links after it.
    public mutating func pass(seq: Int64, hash: String) {
        chain = LogChain(nextSeq: seq + 1, head: hash)
    }
}
