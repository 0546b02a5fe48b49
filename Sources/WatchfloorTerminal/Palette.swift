import CNcursesw
import WatchfloorUI

/// Colour pairs for each `ColorRole` at a colour depth. Pair n is role n's; pair 0 is the
/// terminal's own colours. Without colour, roles fall back to attributes, and the level
/// is still readable because it is always drawn as text too.
struct Palette {
    let depth: ColorDepth

    /// (foreground, background) per role; -1 is the terminal's default.
    private func colours(_ role: ColorRole) -> (Int16, Int16)? {
        let full = depth == .full256
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
            init_pair(Int16(role.rawValue), fg, bg)
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
