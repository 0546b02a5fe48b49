import WatchfloorCore

/// A store that keeps the dispatch queue beside the log and lets a writer decide under its
/// write lock: what the App needs of a store shared by consoles, ingesters and the agencies'
/// gateways. `SQLiteStore` and `PostgresStore` both are one, with the same semantics; the
/// conformance suite (Tests/WatchfloorStoreTests) runs the same tests against each.
public protocol DispatchStore: Store {
    /// Where the store is, for messages: its file, or its URL without the password.
    var location: String { get }

    /// Read, decide and append in one transaction under the store's write lock: `body` sees
    /// the store as every writer so far committed it and returns the entries it sealed (on
    /// `chainHead()`) with its answer; they are appended, with their order effects, before the
    /// lock is released. So two writers can never both decide on the same head. A `body` that
    /// throws appends nothing, and its error comes out as thrown; store failures come out as
    /// `StoreError`. `body` must not call the store itself, only `tx`.
    func transact<T>(_ body: (any StoreTransaction) throws -> (entries: [SealedEntry], value: T)) throws -> T

    /// The dispatch orders `filter` names, oldest first, in their states as stored (a lapsed
    /// claim still reads `claimed`; see `Order.state(at:)`).
    func orders(where filter: OrderFilter) throws(StoreError) -> [Order]

    /// Claims up to `max` claimable orders of `agency` (queued, claimed with a lapsed lease, or
    /// failed and due again), oldest first, each logged as `dispatch.claimed` in the same
    /// transaction. Training orders go only to a consumer that asks for them (`exercise`),
    /// live orders only to one that does not.
    func claim(agency: Agency, consumer: String, max: Int, leaseSeconds: Double, exercise: Bool, at: Instant) throws -> [Order]

    /// Starts watching the log for what others commit (`LogWatch`), on a connection of the
    /// watch's own; its owner closes it.
    func watchLog() throws(StoreError) -> any LogWatch
}

/// What a decision may read inside `DispatchStore.transact`: the store under its write lock.
/// Valid only inside the body it is given to.
public protocol StoreTransaction {
    /// Where the chain continues, as committed by every writer so far.
    func chainHead() throws -> LogChain

    /// Each stored line from `seq` on, in order: what others wrote since a board was folded.
    func forEachLine(from seq: Int64, _ body: (StoredLine) throws -> Void) throws

    func orders(where filter: OrderFilter) throws -> [Order]

    func order(_ id: String) throws -> Order?
}

/// Which dispatch orders to read: one agency's, in some states (as stored), training or live
/// work; nil means any.
public struct OrderFilter: Sendable, Equatable {
    public var agency: Agency?
    public var states: Set<OrderState>?
    public var exercise: Bool?

    public init(agency: Agency? = nil, states: Set<OrderState>? = nil, exercise: Bool? = nil) {
        self.agency = agency
        self.states = states
        self.exercise = exercise
    }
}

extension DispatchStore {
    /// The dispatch orders, oldest first, narrowed to an agency, to states (as stored) and to
    /// training or live work.
    public func orders(agency: Agency? = nil, states: Set<OrderState>? = nil, exercise: Bool? = nil) throws(StoreError) -> [Order] {
        try orders(where: OrderFilter(agency: agency, states: states, exercise: exercise))
    }
}

extension StoreTransaction {
    public func orders(agency: Agency? = nil, states: Set<OrderState>? = nil, exercise: Bool? = nil) throws -> [Order] {
        try orders(where: OrderFilter(agency: agency, states: states, exercise: exercise))
    }
}
