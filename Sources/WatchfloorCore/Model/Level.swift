/// The national four-level grading of an incident's severity: I is the gravest.
public enum Level: String, Sendable, CaseIterable, Codable, Hashable, Comparable {
    case I, II, III, IV

    /// I < II < ...: sorting ascending puts the gravest first.
    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }

    public var rank: Int {
        switch self {
        case .I: 1
        case .II: 2
        case .III: 3
        case .IV: 4
        }
    }

    public var chineseName: String {
        switch self {
        case .I: "特别重大"
        case .II: "重大"
        case .III: "较大"
        case .IV: "一般"
        }
    }

    public var englishName: String {
        switch self {
        case .I: "Extremely serious"
        case .II: "Serious"
        case .III: "Relatively serious"
        case .IV: "Ordinary"
        }
    }

    /// The warning colour the level is drawn in; never shown without the level text as well.
    public var colourName: String {
        switch self {
        case .I: "red"
        case .II: "orange"
        case .III: "yellow"
        case .IV: "blue"
        }
    }

    /// CAP `severity` to the national colour scale (DESIGN §3.2).
    public init?(capSeverity: String) {
        switch capSeverity {
        case "Extreme": self = .I
        case "Severe": self = .II
        case "Moderate": self = .III
        case "Minor": self = .IV
        default: return nil
        }
    }
}
