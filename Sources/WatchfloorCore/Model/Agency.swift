/// One of the six kinds of source that report to the command centre (DESIGN §3.1).
public enum Agency: String, Sendable, CaseIterable, Codable, Hashable {
    case emergency, police, fire, weather, transport, urban

    public var chineseName: String {
        switch self {
        case .emergency: "应急"
        case .police: "公安"
        case .fire: "消防"
        case .weather: "气象"
        case .transport: "交通"
        case .urban: "城管"
        }
    }

    public var englishName: String {
        switch self {
        case .emergency: "Emergency"
        case .police: "Police"
        case .fire: "Fire"
        case .weather: "Weather"
        case .transport: "Transport"
        case .urban: "Urban"
        }
    }

    /// The prefix of the agency's unit ids (`FIRE-3701-01`) and of generated message ids.
    public var unitPrefix: String {
        switch self {
        case .emergency: "EMER"
        case .police: "POL"
        case .fire: "FIRE"
        case .weather: "WX"
        case .transport: "TRAN"
        case .urban: "URB"
        }
    }
}
