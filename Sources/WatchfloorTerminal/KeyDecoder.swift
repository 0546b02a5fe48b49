import CNcursesw
import WatchfloorUI

/// ncurses' `get_wch` results as `Key`s.
enum KeyDecoder {
    /// A function key code (`KEY_CODE_YES`).
    static func decode(code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case wf_key_resize(): .resize
        default: nil
        }
    }

    /// An ordinary character, including the control characters terminals send for keys.
    static func decode(character value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }
}
