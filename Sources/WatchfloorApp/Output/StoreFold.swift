import WatchfloorCore
import WatchfloorStore

/// The one way a board is brought up to date from a store: by seq, from the entry after the
/// last one the intake holds. Every reader of a store goes through it — a console opening,
/// following and reloading, `exec`, `board`, `replay` and `ingest` — so the chain head an
/// intake continues is always the head of exactly what it folded, and no entry is folded
/// twice, however the store pages its reads and whatever others commit meanwhile.
enum StoreFold {
    /// A fresh intake holding the store's whole log. What others commit while it reads is
    /// folded too, once, and the intake's head is the last entry it folded.
    /// Without a store (a replay to stdout only), an empty board.
    static func open(_ store: (any Store)?, reference: Reference, exercise: Bool) throws(AppError) -> Intake {
        var intake = Intake(board: reference.emptyBoard(), correlator: reference.correlator(), exercise: exercise)
        if let store { _ = try catchUp(store, into: &intake) }
        return intake
    }

    /// Folds the store's entries after the intake's head into it; returns how many changed the
    /// board (an entry of a later version's kind only moves the head).
    static func catchUp(_ store: any Store, into intake: inout Intake) throws(AppError) -> Int {
        do {
            return try fold(into: &intake) { seq, body in try store.forEachLine(from: seq, body) }
        } catch let error as AppError {
            throw error
        } catch let error as StoreError {
            throw AppError(error.message, storeUnreachable: error.unreachable)
        } catch {
            throw AppError("\(error)")
        }
    }

    /// The same inside a transaction, under the store's write lock: nothing can come between
    /// this fold and what the caller then seals.
    static func catchUp(_ transaction: any StoreTransaction, into intake: inout Intake) throws -> Int {
        try fold(into: &intake) { seq, body in try transaction.forEachLine(from: seq, body) }
    }

    /// Adopts each stored line that `read` yields from the intake's next seq on; returns how
    /// many it applied.
    private static func fold(into intake: inout Intake, _ read: (Int64, (StoredLine) throws -> Void) throws -> Void) throws -> Int {
        var folded = 0
        var unreadable: AppError?
        do {
            try read(intake.chain.nextSeq) { stored in
                do throws(LogLineError) {
                    let entry = try stored.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
                    intake.adopt(entry, seq: stored.seq, hash: stored.hash)
                    folded += 1
                } catch where error.laterVersion {
                    // What a later version wrote is not on this board, but our next entry links after it.
                    intake.pass(seq: stored.seq, hash: stored.hash)
                } catch {
                    let refusal = AppError("the store's entry seq \(stored.seq) cannot be read: \(error) — run `watchfloor log verify --store` to check it")
                    unreadable = refusal
                    throw refusal
                }
            }
        } catch {
            // A store may wrap what the body threw in an error of its own: the unreadable entry is the news.
            throw unreadable ?? error
        }
        return folded
    }
}
