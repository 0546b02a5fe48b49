/// How far apart in space and time two reports of one subtype may be and still describe the
/// same incident, and which subtypes can describe the same incident at all. A flood spreads
/// wider and lasts longer than a crash; a traffic accident is never a fire.
public struct CorrelationRules: Sendable {
    /// The reach of one subtype.
    public struct Window: Sendable, Equatable {
        public var metres: Double
        public var seconds: Double
    }

    public init() {}

    public func window(_ c: Category) -> Window {
        switch c {
        case .trafficAccident: Window(metres: 300, seconds: 30 * 60)
        case .medical, .drowning, .missingPerson: Window(metres: 300, seconds: 60 * 60)
        case .manhole, .waterMain: Window(metres: 150, seconds: 12 * 3600)
        case .waterlogging, .trappedPeople, .roadDamage: Window(metres: 400, seconds: 3 * 3600)
        case .fire, .gasLeak, .buildingCollapse, .publicOrder, .crime, .crowd, .foodPoisoning, .other:
            Window(metres: 500, seconds: 2 * 3600)
        case .hazardousChemicals, .pollution, .powerOutage, .landslide, .forestFire:
            Window(metres: 2000, seconds: 6 * 3600)
        case .flood, .epidemic, .heatwave, .earthquake, .snowstorm:
            Window(metres: 5000, seconds: 12 * 3600)
        case .rainstorm, .typhoon, .stormSurge:
            Window(metres: 3000, seconds: 3 * 3600)
        }
    }

    /// The reach for a pair: the narrower subtype governs, so that a point incident (a
    /// flooded underpass) is never swallowed by a wide one (the rainstorm over the city);
    /// two reports of a wide subtype still join across its whole reach.
    public func window(_ a: Category, _ b: Category) -> Window {
        let x = window(a), y = window(b)
        return Window(metres: min(x.metres, y.metres), seconds: min(x.seconds, y.seconds))
    }

    public func compatible(_ a: Category, _ b: Category) -> Bool {
        a == b || !families(a).isDisjoint(with: families(b))
    }

    /// The longest window of any subtype: older index entries can never match.
    public var longestSeconds: Double { Self.longest }

    private static let longest = Category.allCases.map { CorrelationRules().window($0).seconds }.max() ?? 0

    /// Kinds of situation a subtype can be part of; two subtypes that share one may be the
    /// same incident seen by different agencies.
    private func families(_ c: Category) -> Family {
        switch c {
        // The weather itself is one incident per area; what it causes on the ground are others.
        case .rainstorm, .snowstorm, .heatwave: [.weather]
        // Feeds file what a typhoon does at one place (a ship adrift, a flooded promenade)
        // under the typhoon itself.
        case .typhoon, .stormSurge: [.weather, .water]
        case .flood: [.water]
        case .waterlogging: [.water, .road]
        case .trappedPeople: [.water, .rescue, .road, .structure, .fire]
        case .drowning: [.water, .rescue]
        case .trafficAccident: [.road, .rescue]
        case .roadDamage: [.road, .utility]
        case .manhole: [.road, .utility]
        case .waterMain: [.utility, .road, .water]
        case .powerOutage: [.utility]
        case .fire, .forestFire: [.fire]
        case .hazardousChemicals, .gasLeak, .pollution: [.fire, .chemical]
        case .buildingCollapse: [.structure, .rescue]
        case .landslide: [.structure, .road]
        case .earthquake: [.structure]
        // The injured of a crash, a fire or a collapse are part of it.
        case .medical: [.rescue, .health, .fire, .chemical, .structure, .road]
        case .epidemic, .foodPoisoning: [.health]
        case .crowd, .publicOrder, .crime, .missingPerson: [.security]
        case .other: [.other]
        }
    }

    /// A bit set: matching runs for every candidate of every report, so no allocation here.
    private struct Family: OptionSet {
        let rawValue: UInt16
        static let water = Family(rawValue: 1 << 0)
        static let weather = Family(rawValue: 1 << 1)
        static let road = Family(rawValue: 1 << 2)
        static let rescue = Family(rawValue: 1 << 3)
        static let structure = Family(rawValue: 1 << 4)
        static let fire = Family(rawValue: 1 << 5)
        static let chemical = Family(rawValue: 1 << 6)
        static let utility = Family(rawValue: 1 << 7)
        static let health = Family(rawValue: 1 << 8)
        static let security = Family(rawValue: 1 << 9)
        static let other = Family(rawValue: 1 << 10)
    }
}
