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
                adopted = try StoreFold.catchUp(tx, into: &intake)
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

}
