import GRDB
import WatchfloorCore

extension SQLiteStore {
    public func orders(where filter: OrderFilter) throws(StoreError) -> [Order] {
        do {
            return try queue.read { db in try OrderTable.fetch(db, filter) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot read the dispatch orders of \(path): \(error)")
        }
    }
}
