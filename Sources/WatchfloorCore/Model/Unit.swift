/// What a response unit is doing (DESIGN §3.1 `unit.status`).
public enum UnitStatus: String, Sendable, CaseIterable, Codable, Hashable {
    case available, dispatched, enroute, onscene, returning
    case outOfService = "out_of_service"

    public var chineseName: String {
        switch self {
        case .available: "待命"
        case .dispatched: "已派"
        case .enroute: "途中"
        case .onscene: "到场"
        case .returning: "返回"
        case .outOfService: "停用"
        }
    }
}

/// A response unit that the board can dispatch: a fire engine, a patrol car, a tow truck.
public struct Unit: Sendable, Equatable, Codable {
    public var id: String
    public var agency: Agency
    /// What the unit is (`engine`, `ambulance`, `tow`, ...), for run cards.
    public var kind: String
    public var name: String
    public var adcode: String
    public var station: String
    public var home: GeoPoint
    public var status: UnitStatus = .available
    public var position: GeoPoint?
    public var incident: String?

    public init(id: String, agency: Agency, kind: String, name: String, adcode: String, station: String, home: GeoPoint) {
        self.id = id
        self.agency = agency
        self.kind = kind
        self.name = name
        self.adcode = adcode
        self.station = station
        self.home = home
    }
}
