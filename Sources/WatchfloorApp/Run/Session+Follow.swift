import WatchfloorCore
import WatchfloorStore

extension Session {
    /// A live console shows what others write to its store (another console's commands, an
    /// ingester's reports): it reads new entries every half second and folds them in.
    func follow(wall: Double) throws(AppError) {
        guard mode == .live, let store, wall - lastFollow >= 0.5 else { return }
        lastFollow = wall
        try catchUp(store)
    }

    /// Folds the entries after our chain's head into the board.
    func catchUp(_ store: any Store) throws(AppError) {
        try pipeline.flush()
        var failure: AppError?
        var applied = 0
        do throws(StoreError) {
            try store.forEachLine(from: intake.chain.nextSeq) { stored in
                do throws(LogLineError) {
                    let entry = try stored.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
                    intake.adopt(entry, seq: stored.seq, hash: stored.hash)
                    applied += 1
                } catch {
                    failure = AppError("the store's entry seq \(stored.seq) cannot be read: \(error) — run `watchfloor log verify --store` to check it")
                    throw error
                }
            }
        } catch {
            throw failure ?? AppError(error.message)
        }
        if applied > 0 {
            invalidateRows()
        }
    }
}
