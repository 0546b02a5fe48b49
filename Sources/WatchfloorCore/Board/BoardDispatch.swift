extension Board {
    public func order(_ id: String) -> Order? {
        guard let n = Order.number(of: id), n >= 1, n <= orders.count else { return nil }
        return orders[n - 1]
    }

    public func order(key: String) -> Order? { orderByKey[key].map { orders[$0] } }

    /// The id the next order will get.
    public var nextOrderID: String { Order.id(number: orders.count + 1) }

    /// The open order (queued, claimed or failed) that sends `unit`, if any.
    public func openOrder(unit: String) -> Order? {
        orders.last { $0.unit == unit && $0.state.isOpen }
    }

    /// Applies a recorded order transition. The entry carries the order's new state, so the
    /// board takes it as written, as the store's order table does.
    mutating func dispatch(_ entry: LogEntry) -> [Effect] {
        switch entry.event {
        case .dispatchQueued(let q):
            let order = Order(id: q.order, key: q.key, incident: q.incident, unit: q.unit, agency: q.agency,
                              exercise: entry.exercise, created: entry.at, note: q.note)
            orderByKey[q.key] = orders.count
            orders.append(order)
            return unitStatus(UnitStatusChange(unit: q.unit, agency: q.agency, status: .dispatched, location: nil, incident: q.incident))
        case .dispatchClaimed(let c):
            guard let i = orderIndex(c.order) else { return [] }
            orders[i].state = .claimed
            orders[i].consumer = c.consumer
            orders[i].leaseExpires = c.leaseExpires
            orders[i].nextAttempt = nil
            return []
        case .dispatchAcked(let a):
            guard let i = orderIndex(a.order) else { return [] }
            orders[i].state = .acked
            orders[i].leaseExpires = nil
            guard let status = a.status else { return [] }
            return unitStatus(UnitStatusChange(unit: a.unit, agency: orders[i].agency, status: status, location: nil, incident: a.incident))
        case .dispatchFailed(let f):
            guard let i = orderIndex(f.order) else { return [] }
            orders[i].state = f.state
            orders[i].attempts = f.attempts
            orders[i].nextAttempt = f.nextAttempt
            orders[i].leaseExpires = nil
            // A dead order frees its unit, unless the unit has since moved on to other work.
            guard f.state == .dead, let unit = units[f.unit], unit.incident == f.incident, unit.status == .dispatched else { return [] }
            return unitStatus(UnitStatusChange(unit: f.unit, agency: unit.agency, status: .available, location: nil, incident: nil))
        default:
            return []
        }
    }

    private func orderIndex(_ id: String) -> Int? {
        guard let n = Order.number(of: id), n >= 1, n <= orders.count else { return nil }
        return n - 1
    }
}
