/// Text from feeds made harmless before it is drawn (DESIGN §5): escape sequences (CSI, OSC
/// and the rest) are removed whole, other control characters become `�`, line breaks and
/// tabs become spaces, and bidi overrides and isolates are dropped so no text can reorder or
/// hide what is drawn after it.
public enum InertText {
    public static func clean(_ text: String) -> String {
        // Most text needs nothing: check before building a copy.
        if !text.unicodeScalars.contains(where: needsCare) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let s = pending {
            pending = scalars.next()
            switch s.value {
            case 0x1B:
                pending = skipEscape(after: pending, &scalars)
            case 0x9B, 0x9D, 0x90:
                // C1 CSI, OSC and DCS: the same sequences in their one-byte form.
                pending = skipSequenceBody(pending, osc: s.value != 0x9B, &scalars)
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0:
                out.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                break
            default:
                out.append(s)
            }
        }
        return String(out)
    }

    static func needsCare(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Skips what follows an ESC: `[` starts a CSI, `]` `P` `_` `^` a string ended by BEL or
    /// ESC `\`; any other character is a two-character sequence.
    private static func skipEscape(after next: Unicode.Scalar?, _ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let next else { return nil }
        switch next {
        case "[": return skipSequenceBody(it.next(), osc: false, &it)
        case "]", "P", "_", "^": return skipSequenceBody(it.next(), osc: true, &it)
        default: return it.next()
        }
    }

    /// A CSI ends at its final byte (`@`…`~`); an OSC-like string at BEL or ESC `\`.
    private static func skipSequenceBody(_ first: Unicode.Scalar?, osc: Bool, _ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        var s = first
        while let c = s {
            if osc {
                if c.value == 0x07 || c.value == 0x9C { return it.next() }
                if c.value == 0x1B {
                    let after = it.next()
                    return after == "\\" ? it.next() : after
                }
            } else if (0x40...0x7E).contains(c.value) {
                return it.next()
            }
            s = it.next()
        }
        return nil
    }
}
