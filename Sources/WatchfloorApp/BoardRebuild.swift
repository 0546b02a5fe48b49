import WatchfloorCore
import WatchfloorStore

/// Rebuilds a board by folding a store's log: the recorded decisions are applied, never made
/// again, so the board is exactly the one that was saved.
enum BoardRebuild {
    static func fold(_ store: any Store, into board: inout Board) throws(AppError) {
        var failure: AppError?
        do throws(StoreError) {
            try store.forEachLine(from: 1) { stored in
                let entry: LogEntry
                do throws(LogLineError) {
                    entry = try stored.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
                } catch {
                    // Kinds a later version wrote are skipped, not fatal: the board shows what it understands.
                    if error.message.hasPrefix("entries of kind") { return }
                    failure = AppError("the store's entry seq \(stored.seq) cannot be read: \(error) — run `watchfloor log verify --store` to check the store")
                    throw failure!
                }
                _ = board.apply(entry)
            }
        } catch {
            throw failure ?? AppError(error.message)
        }
    }
}
