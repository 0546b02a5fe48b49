import WatchfloorCore

/// The units on one incident as a row shows them: how many, and how far the one furthest along
/// has got — "a unit is on scene" is what the floor asks first; the detail lists each unit.
public struct AssignedUnits: Equatable, Sendable {
    public var count: Int
    public var lead: UnitStatus

    public init(count: Int, lead: UnitStatus) {
        self.count = count
        self.lead = lead
    }

    /// Nil when no unit is on the incident.
    public init?(_ incident: Incident, units: [String: Unit]) {
        guard !incident.units.isEmpty else { return nil }
        count = incident.units.count
        // A unit the board has not heard of yet was at least dispatched: its order is what put it here.
        lead = incident.units.map { units[$0]?.status ?? .dispatched }.max { Self.progress($0) < Self.progress($1) } ?? .dispatched
    }

    /// How far along the response a status is; the row shows the furthest.
    static func progress(_ status: UnitStatus) -> Int {
        switch status {
        case .onscene: 4
        case .enroute: 3
        case .dispatched: 2
        case .returning: 1
        case .available, .outOfService: 0
        }
    }
}
