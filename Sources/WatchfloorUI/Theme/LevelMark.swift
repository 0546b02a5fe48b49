import WatchfloorCore

/// How a level is shown: always a text mark as well as a colour, so a monochrome terminal,
/// `NO_COLOR` or a colour-blind officer loses nothing (DESIGN §6).
public enum LevelMark {
    public static func role(_ level: Level) -> ColorRole {
        switch level {
        case .I: .levelI
        case .II: .levelII
        case .III: .levelIII
        case .IV: .levelIV
        }
    }

    public static func style(_ level: Level) -> Style {
        Style(role(level), bold: level <= .II)
    }

    /// The level's numeral padded to three columns: `I  `, `II `, `III`, `IV `.
    public static func numeral(_ level: Level) -> String {
        DisplayWidth.fit(level.rawValue, to: 3)
    }

    /// One narrow character per level for the map, distinct without colour: the gravest
    /// levels are the loudest marks.
    public static func glyph(_ level: Level) -> Character {
        switch level {
        case .I: "!"
        case .II: "#"
        case .III: "*"
        case .IV: "+"
        }
    }
}
