/// How many colours the terminal can show, decided once at start (DESIGN §6: 256, 8 or
/// none; `NO_COLOR` means none whatever the terminal can do).
public enum ColorDepth: String, Sendable {
    /// `direct` is a terminal whose colour numbers are 24-bit RGB values (TERM=xterm-direct).
    case none, eight, full256, direct

    /// `NO_COLOR` set to anything non-empty wins (no-color.org); then what ncurses reports.
    static func choose(noColor: String?, hasColors: Bool, colors: Int) -> ColorDepth {
        if let noColor, !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        if colors >= 1 << 24 { return .direct }
        return colors >= 256 ? .full256 : (colors >= 8 ? .eight : .none)
    }
}
