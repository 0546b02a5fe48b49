/// What a piece of the screen means, not which colour it is: the terminal maps each role to
/// 256 colours, 8 colours or none (`NO_COLOR`), so meaning never rests on colour alone.
public enum ColorRole: UInt8, Sendable, CaseIterable {
    case normal
    case levelI, levelII, levelIII, levelIV
    /// Headers, pane titles, the focused border.
    case accent
    /// Secondary text: borders, ages, hints.
    case muted
    /// Map: the province's outline and city boundaries.
    case outline
    /// Map: a cell inside an active warning area.
    case warningArea
    case good
    case bad
    /// The status bar in TRAINING mode.
    case training
    /// The status bar in LIVE mode.
    case live
}

/// How one cell is drawn.
public struct Style: Sendable, Hashable {
    public var role: ColorRole
    public var bold: Bool
    /// Swaps foreground and background: the selection, shaded areas.
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
    public static let muted = Style(.muted)
    public static let accent = Style(.accent, bold: true)
    public static let selected = Style(reverse: true)

    public func with(reverse: Bool) -> Style {
        var s = self
        s.reverse = reverse
        return s
    }

    public func with(bold: Bool) -> Style {
        var s = self
        s.bold = bold
        return s
    }
}
