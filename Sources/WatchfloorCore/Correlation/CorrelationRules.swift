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
            Window(metres: 8000, seconds: 24 * 3600)
        }
    }

    /// The reach for a pair: the wider-spreading subtype governs.
    public func window(_ a: Category, _ b: Category) -> Window {
        let x = window(a), y = window(b)
        return Window(metres: max(x.metres, y.metres), seconds: max(x.seconds, y.seconds))
    }

    public func compatible(_ a: Category, _ b: Category) -> Bool {
        a == b || !families(a).isDisjoint(with: families(b))
    }

    /// The longest window of any subtype: older index entries can never match.
    public var longestSeconds: Double { 24 * 3600 }

    /// The widest reach of any subtype compatible with `c`: how far the index must look.
    public func searchMetres(_ c: Category) -> Double {
        Category.allCases.filter { compatible(c, $0) }.map { window(c, $0).metres }.max() ?? window(c).metres
    }

    /// Kinds of situation a subtype can be part of; two subtypes that share one may be the
    /// same incident seen by different agencies.
    private func families(_ c: Category) -> Set<Family> {
        switch c {
        case .rainstorm, .flood, .typhoon, .stormSurge: [.water, .weather]
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
        case .landslide, .earthquake: [.structure, .weather]
        case .medical: [.rescue, .health]
        case .epidemic, .foodPoisoning: [.health]
        case .crowd, .publicOrder, .crime, .missingPerson: [.security]
        case .snowstorm, .heatwave: [.weather]
        case .other: [.other]
        }
    }

    private enum Family: Hashable { case water, weather, road, rescue, structure, fire, chemical, utility, health, security, other }
}
