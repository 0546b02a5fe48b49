import WatchfloorCore
import WatchfloorStore

/// How a console's own entries reach its store. Other processes write to the same store — a
/// gateway acking an order, `exec`, another console — so a console decides and seals under the
/// store's write lock, after folding in whatever they committed since it last looked. Its
/// entries then always continue the chain as it is, and a command is decided on the board as it
/// is: a unit another process just sent cannot be sent again.
extension Session {
    /// Runs `fold` (which applies entries to the intake and returns what it sealed) and commits
    /// the result; with a store, inside one `BEGIN IMMEDIATE` transaction. The entries are then
    /// printed, in order, on the pipeline's thread.
    func commit<T>(_ fold: () -> (entries: [SealedEntry], value: T)) throws(AppError) -> T {
        guard let store else {
            let (entries, value) = fold()
            if !entries.isEmpty { try pipeline.submit(sealed: entries) }
            return value
        }
        var adopted = 0
        let result: (entries: [SealedEntry], value: T)
        do {
            result = try store.transact { tx in
                adopted = try self.adopt(from: intake.chain.nextSeq) { try tx.forEachLine(from: $0, $1) }
                let folded = fold()
                return (folded.entries, folded)
            }
        } catch let error as AppError {
            throw error
        } catch {
            // The board already shows what could not be committed: the console cannot go on
            // truthfully, so it stops and says where the committed log is.
            throw AppError("\(error) — the console stopped; what was committed is in \(store.path) (watchfloor log verify --store)")
        }
        if adopted > 0 { invalidateRows() }
        if !result.entries.isEmpty { try pipeline.submit(sealed: result.entries) }
        return result.value
    }

    /// A live or training console shows what others write to its store (another console's
    /// commands, a gateway's acks, an ingester's reports): it reads new entries every half
    /// second and folds them in.
    func follow(wall: Double) throws(AppError) {
        guard let store, wall - lastFollow >= 0.5 else { return }
        lastFollow = wall
        try catchUp(store)
    }

    /// Folds the entries after our chain's head into the board.
    func catchUp(_ store: SQLiteStore) throws(AppError) {
        let applied: Int
        do {
            applied = try adopt(from: intake.chain.nextSeq) { (seq, body) throws in
                do throws(StoreError) { try store.forEachLine(from: seq, body) } catch { throw AppError(error.message) }
            }
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError("\(error)")
        }
        if applied > 0 { invalidateRows() }
    }

    /// Folds each stored line that `read` yields from `seq` on; returns how many.
    private func adopt(from seq: Int64, _ read: (Int64, (StoredLine) throws -> Void) throws -> Void) throws -> Int {
        var applied = 0
        try read(seq) { stored in
            do throws(LogLineError) {
                let entry = try stored.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
                intake.adopt(entry, seq: stored.seq, hash: stored.hash)
                applied += 1
            } catch {
                throw AppError("the store's entry seq \(stored.seq) cannot be read: \(error) — run `watchfloor log verify --store` to check it")
            }
        }
        return applied
    }
}
