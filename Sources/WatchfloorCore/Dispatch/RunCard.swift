/// What an incident of one subtype gets sent (a run card): the unit kinds to recommend, how
/// many of each, and the agencies whose units an officer may dispatch to it at all. Kinds are
/// those of `demo-data/units.json`.
public struct RunCard: Sendable, Equatable {
    public struct Need: Sendable, Equatable {
        public var kind: String
        public var count: Int
    }

    public var needs: [Need]
    public var agencies: Set<Agency>

    init(_ needs: [(String, Int)], _ agencies: Set<Agency>) {
        self.needs = needs.map { Need(kind: $0.0, count: $0.1) }
        self.agencies = agencies
    }

    /// The card for a subtype; subtypes without a card of their own take their class's.
    public static func card(for category: Category) -> RunCard {
        switch category {
        case .fire:
            RunCard([("engine", 2), ("ladder", 1), ("ambulance", 1)], [.fire, .emergency, .police])
        case .forestFire:
            RunCard([("engine", 2), ("rescue_team", 1)], [.fire, .emergency, .police])
        case .trafficAccident:
            RunCard([("traffic_police", 1), ("ambulance", 1), ("tow", 1)], [.police, .emergency, .transport, .fire])
        case .hazardousChemicals:
            RunCard([("hazmat", 1), ("engine", 1), ("ambulance", 1), ("traffic_police", 1)], [.fire, .emergency, .police, .transport])
        case .gasLeak:
            RunCard([("hazmat", 1), ("engine", 1), ("repair", 1)], [.fire, .emergency, .police, .urban])
        case .buildingCollapse, .earthquake, .landslide:
            RunCard([("rescue", 1), ("rescue_team", 1), ("ambulance", 1)], [.fire, .emergency, .police, .transport])
        case .trappedPeople, .drowning:
            RunCard([("rescue", 1), ("ambulance", 1)], [.fire, .emergency, .police])
        case .flood, .waterlogging, .rainstorm:
            RunCard([("pump", 1), ("drainage", 1), ("rescue", 1)], [.emergency, .urban, .fire, .police, .transport, .weather])
        case .typhoon, .stormSurge:
            RunCard([("rescue_team", 1), ("rescue", 1), ("drainage", 1)], [.emergency, .fire, .urban, .police, .transport, .weather])
        case .snowstorm:
            RunCard([("road_repair", 1), ("traffic_police", 1)], [.transport, .police, .urban, .emergency, .weather])
        case .manhole:
            RunCard([("repair", 1), ("urban_patrol", 1)], [.urban, .police])
        case .roadDamage:
            RunCard([("road_repair", 1), ("traffic_police", 1)], [.transport, .police, .urban])
        case .waterMain, .powerOutage:
            RunCard([("repair", 1), ("traffic_police", 1)], [.urban, .police, .transport])
        case .pollution:
            RunCard([("hazmat", 1), ("rescue_team", 1)], [.fire, .emergency, .urban])
        case .medical, .epidemic, .foodPoisoning:
            RunCard([("ambulance", 1)], [.emergency, .police])
        case .crowd, .publicOrder:
            RunCard([("patrol", 1), ("special_police", 1)], [.police, .emergency, .urban])
        case .crime:
            RunCard([("patrol", 1), ("special_police", 1)], [.police, .emergency])
        case .missingPerson:
            RunCard([("patrol", 1)], [.police, .emergency, .fire])
        case .heatwave, .other:
            classDefault(category.categoryClass)
        }
    }

    /// Sensible defaults by class, for subtypes the table does not name.
    public static func classDefault(_ c: CategoryClass) -> RunCard {
        switch c {
        case .natural: RunCard([("rescue_team", 1), ("rescue", 1)], [.emergency, .fire, .police, .urban, .transport, .weather])
        case .accident: RunCard([("engine", 1), ("ambulance", 1), ("patrol", 1)], [.fire, .emergency, .police, .transport, .urban])
        case .publicHealth: RunCard([("ambulance", 1)], [.emergency, .police])
        case .socialSecurity: RunCard([("patrol", 1)], [.police, .emergency])
        }
    }
}
