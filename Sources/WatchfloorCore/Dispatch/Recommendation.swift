/// One unit the run card suggests for an incident, and how far it is.
public struct Recommendation: Sendable, Equatable {
    public var unit: String
    public var kind: String
    public var metres: Double
}

extension Board {
    /// The nearest available units of the kinds the incident's run card wants, as many of
    /// each as the card says, nearest first within each kind, in the card's order. Distance
    /// is from the unit's current position when a feed gave one, else from its station.
    /// `from` stands in for an incident without a position (its county's centroid, say);
    /// with neither, there is nothing to measure and the list is empty.
    public func recommendation(for incidentID: String, from point: GeoPoint? = nil) -> [Recommendation] {
        guard let incident = incident(incidentID), let origin = incident.location ?? point else { return [] }
        let card = RunCard.card(for: incident.category)
        var chosen: Set<String> = []
        var out: [Recommendation] = []
        for need in card.needs {
            let nearest = units.values
                .filter { $0.kind == need.kind && $0.status == .available && !chosen.contains($0.id) && card.agencies.contains($0.agency) }
                .map { ($0, ($0.position ?? $0.home).distance(to: origin)) }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.id < $1.0.id }
                .prefix(need.count)
            for (unit, metres) in nearest {
                chosen.insert(unit.id)
                out.append(Recommendation(unit: unit.id, kind: need.kind, metres: metres))
            }
        }
        return out
    }
}
