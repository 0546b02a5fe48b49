import WatchfloorCore
import WatchfloorStore

/// Writing to a store that others write to as well. A console, an ingester, `exec` and the
/// agencies' gateways all append to one store, so whoever writes decides and seals under the
/// store's write lock, after folding in whatever the others committed since it last looked:
/// its entries then always continue the chain as it is, and are decided on the board as it is
/// (a unit another process just sent cannot be sent again).
enum SharedStore {
    /// In one transaction under the store's write lock: folds the others' new entries into `intake`, runs
    /// `fold` (which applies entries to the intake and returns what it sealed) and appends
    /// the result. Returns how many of the others' entries were folded in, and `fold`'s result.
    static func commit<T>(
        _ store: any DispatchStore, intake: inout Intake,
        _ fold: (inout Intake) -> (entries: [SealedEntry], value: T)
    ) throws(AppError) -> (adopted: Int, entries: [SealedEntry], value: T) {
        var adopted = 0
        let result: (entries: [SealedEntry], value: T)
        do {
            result = try store.transact { tx in
                adopted = try adopt(into: &intake) { try tx.forEachLine(from: $0, $1) }
                let folded = fold(&intake)
                return (folded.entries, folded)
            }
        } catch let error as AppError {
            throw error
        } catch {
            // The board already shows what could not be committed: the writer cannot go on
            // truthfully, so it stops and says where the committed log is.
            throw AppError(
                "\(error) — stopped; what was committed is in \(store.location) (watchfloor log verify --store \(store.location))",
                storeUnreachable: (error as? StoreError)?.unreachable ?? false
            )
        }
        return (adopted, result.entries, result.value)
    }

    /// Folds the entries after `intake`'s head into it, outside any transaction (a console
    /// following the others); returns how many.
    static func catchUp(_ store: any DispatchStore, intake: inout Intake) throws(AppError) -> Int {
        do {
            return try adopt(into: &intake) { (seq, body) throws in
                do throws(StoreError) { try store.forEachLine(from: seq, body) } catch { throw AppError(error.message, storeUnreachable: error.unreachable) }
            }
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError("\(error)")
        }
    }

    /// Folds each stored line that `read` yields from the intake's next seq on.
    private static func adopt(into intake: inout Intake, _ read: (Int64, (StoredLine) throws -> Void) throws -> Void) throws -> Int {
        var applied = 0
        try read(intake.chain.nextSeq) { stored in
            do throws(LogLineError) {
                let entry = try stored.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
                intake.adopt(entry, seq: stored.seq, hash: stored.hash)
                applied += 1
            } catch where error.laterVersion {
                // What a later version wrote is not on this board, but our next entry links after it.
                intake.pass(seq: stored.seq, hash: stored.hash)
            } catch {
                throw AppError("the store's entry seq \(stored.seq) cannot be read: \(error) — run `watchfloor log verify --store` to check it")
            }
        }
        return applied
    }
}
