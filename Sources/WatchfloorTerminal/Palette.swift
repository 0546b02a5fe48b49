import CNcursesw
import WatchfloorUI

/// Colour pairs for each `ColorRole` at a colour depth. Pair n is role n's; pair 0 is the
/// terminal's own colours. Without colour, roles fall back to attributes, and the level
/// is still readable because it is always drawn as text too.
struct Palette {
    let depth: ColorDepth

    /// (foreground, background) per role; -1 is the terminal's default. On a direct-colour
    /// terminal the 256-colour choices are sent as their RGB values.
    private func colours(_ role: ColorRole) -> (Int32, Int32)? {
        guard let (fg, bg) = indexed(role) else { return nil }
        guard depth == .direct else { return (Int32(fg), Int32(bg)) }
        return (Self.rgb(fg), Self.rgb(bg))
    }

    private func indexed(_ role: ColorRole) -> (Int16, Int16)? {
        let full = depth == .full256 || depth == .direct
        switch role {
        case .normal: return nil
        case .levelI: return (full ? 196 : Int16(COLOR_RED), -1)
        case .levelII: return (full ? 208 : Int16(COLOR_MAGENTA), -1)
        case .levelIII: return (full ? 220 : Int16(COLOR_YELLOW), -1)
        case .levelIV: return (full ? 39 : Int16(COLOR_BLUE), -1)
        case .accent: return (full ? 44 : Int16(COLOR_CYAN), -1)
        case .muted: return (full ? 244 : Int16(COLOR_WHITE), -1)
        case .outline: return (full ? 250 : Int16(COLOR_WHITE), -1)
        case .warningArea: return (full ? 230 : Int16(COLOR_BLACK), full ? 94 : Int16(COLOR_YELLOW))
        case .good: return (full ? 40 : Int16(COLOR_GREEN), -1)
        case .bad: return (full ? 203 : Int16(COLOR_RED), -1)
        case .training: return (Int16(COLOR_BLACK), full ? 214 : Int16(COLOR_YELLOW))
        case .live: return (Int16(COLOR_BLACK), full ? 41 : Int16(COLOR_GREEN))
        }
    }

    /// Registers the pairs with ncurses; call once after `start_color`.
    func install() {
        guard depth != .none else { return }
        for role in ColorRole.allCases {
            guard let (fg, bg) = colours(role) else { continue }
            init_extended_pair(Int32(role.rawValue), fg, bg)
        }
    }

    /// The RGB value of an xterm 256-colour index (-1, the default, stays -1).
    static func rgb(_ index: Int16) -> Int32 {
        let i = Int32(index)
        switch i {
        case ..<0: return -1
        case 0..<16:
            let basic: [Int32] = [0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
                                  0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF]
            return basic[Int(i)]
        case 16..<232:
            let steps: [Int32] = [0, 95, 135, 175, 215, 255]
            let n = i - 16
            return steps[Int(n / 36)] << 16 | steps[Int(n / 6 % 6)] << 8 | steps[Int(n % 6)]
        default:
            let grey = 8 + (i - 232) * 10
            return grey << 16 | grey << 8 | grey
        }
    }

    func pair(_ role: ColorRole) -> Int16 {
        depth == .none || colours(role) == nil ? 0 : Int16(role.rawValue)
    }

    /// The attributes of a style. Without colour, the roles that carry meaning get an
    /// attribute instead: warning areas and the mode banner are reversed, muted text dim.
    func attributes(_ style: Style) -> attr_t {
        var a: attr_t = 0
        if style.bold { a |= wf_attr_bold() }
        if style.reverse { a |= wf_attr_reverse() }
        if style.underline { a |= wf_attr_underline() }
        if style.dim { a |= wf_attr_dim() }
        if depth == .none {
            switch style.role {
            case .warningArea, .training, .live: a ^= wf_attr_reverse()
            case .muted: a |= wf_attr_dim()
            case .levelI, .levelII: a |= wf_attr_bold()
            default: break
            }
        }
        return a
    }
}
