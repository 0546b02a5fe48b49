extension Intake {
    /// Folds an entry another writer already sealed into the store (a console following a
    /// shared board): its decision is applied as recorded and our chain moves to its hash,
    /// so the next entry we seal links after it.
    public mutating func adopt(_ entry: LogEntry, seq: Int64, hash: String) {
        assertNext(seq)
        _ = board.apply(entry)
        chain = LogChain(nextSeq: seq + 1, head: hash)
    }

    /// Moves our chain past an entry this version cannot read (a kind a later version wrote):
    /// the board does not show it, and the next entry we seal still links after it.
    public mutating func pass(seq: Int64, hash: String) {
        assertNext(seq)
        chain = LogChain(nextSeq: seq + 1, head: hash)
    }

    /// A board folds each entry once, in order: an entry at or below the last one folded would
    /// be applied twice (`Board.apply` is not idempotent: a second `incident.opened` opens a
    /// second incident), and one past the next would leave a hole. Either is a bug in whoever
    /// reads the store, so a debug build stops on it.
    private func assertNext(_ seq: Int64) {
        assert(seq == chain.nextSeq, "entry seq \(seq) folded onto a board whose next is seq \(chain.nextSeq): \(seq < chain.nextSeq ? "folded twice" : "entries skipped")")
    }
}
