/// A key the officer pressed, decoded by the terminal layer, so the UI never sees ncurses'
/// key codes.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// The terminal changed size.
    case resize
    /// Ctrl plus a letter (`ctrl("l")`), for keys ncurses does not name.
    case control(Character)

    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .resize: "Resize"
        case .control(let c): "Ctrl-\(c.uppercased())"
        }
    }
}
