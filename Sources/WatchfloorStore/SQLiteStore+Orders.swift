import GRDB
import WatchfloorCore

extension SQLiteStore {
    /// The dispatch orders, oldest first, narrowed to an agency, to states (as stored: a
    /// lapsed claim still reads `claimed`; see `Order.state(at:)`) and to training or live work.
    public func orders(agency: Agency? = nil, states: Set<OrderState>? = nil, exercise: Bool? = nil) throws(StoreError) -> [Order] {
        do {
            return try queue.read { db in try OrderTable.fetch(db, agency: agency, states: states, exercise: exercise) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot read the dispatch orders of \(path): \(error)")
        }
    }
}
