import WatchfloorCore
import WatchfloorStore

/// How a console's own entries reach its store: decided and sealed under the store's write
/// lock, after what gateways, `exec` and other consoles wrote (`SharedStore`).
extension Session {
    /// Runs `fold` on the intake and commits what it sealed; with a store, inside one
    /// `BEGIN IMMEDIATE` transaction. The entries are then printed, in order, on the
    /// pipeline's thread.
    func commit<T>(_ fold: (inout Intake) -> (entries: [SealedEntry], value: T)) throws(AppError) -> T {
        guard let store else {
            let (entries, value) = fold(&intake)
            if !entries.isEmpty { try pipeline.submit(sealed: entries) }
            return value
        }
        let result = try SharedStore.commit(store, intake: &intake, fold)
        if result.adopted > 0 { invalidateRows() }
        if !result.entries.isEmpty { try pipeline.submit(sealed: result.entries) }
        return result.value
    }

    /// Folds the entries after our chain's head into the board.
    func catchUp(_ store: any DispatchStore) throws(AppError) {
        if try StoreFold.catchUp(store, into: &intake) > 0 { invalidateRows() }
    }
}
