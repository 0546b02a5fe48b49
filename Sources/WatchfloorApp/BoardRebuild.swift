import WatchfloorCore
import WatchfloorStore

/// Rebuilds a board by folding a store's log: the recorded decisions are applied, never made
/// again, so the board is exactly the one that was saved.
enum BoardRebuild {
    /// Folds the whole log; returns the last seq folded (0 for an empty store).
    @discardableResult
    static func fold(_ store: any Store, into board: inout Board) throws(AppError) -> Int64 {
        var failure: AppError?
        var last: Int64 = 0
        do throws(StoreError) {
            try store.forEachLine(from: 1) { stored in
                do throws(AppError) {
                    try apply(stored, to: &board)
                } catch {
                    failure = error
                    throw error
                }
                last = stored.seq
            }
        } catch {
            throw failure ?? AppError(error.message)
        }
        return last
    }

    /// Folds one stored line into the board.
    static func apply(_ stored: StoredLine, to board: inout Board) throws(AppError) {
        let entry: LogEntry
        do throws(LogLineError) {
            entry = try stored.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
        } catch {
            // Kinds a later version wrote are skipped, not fatal: the board shows what it understands.
            if error.laterVersion { return }
            throw AppError("the store's entry seq \(stored.seq) cannot be read: \(error) — run `watchfloor log verify --store` to check the store")
        }
        _ = board.apply(entry)
    }
}
