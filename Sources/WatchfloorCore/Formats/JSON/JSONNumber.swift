import Foundation

/// Parses the digits of a JSON number (already validated) without making a String.
func parseDouble(_ text: UnsafeRawBufferPointer) -> Double? {
    // Small integers and simple decimals are most of what feeds send (coordinates, counts):
    // do them exactly by hand, and leave the rest to strtod.
    if text.count <= 18 {
        var i = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var mantissa: UInt64 = 0
        var scale = 0
        var sawDot = false
        var simple = true
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") { sawDot = true } else if isDigit(c) {
                mantissa = mantissa &* 10 &+ UInt64(c - 0x30)
                if sawDot { scale += 1 }
            } else {
                simple = false
                break
            }
            i += 1
        }
        if simple && mantissa < (1 << 53) && scale < powersOfTen.count {
            let v = Double(mantissa) / powersOfTen[scale]
            return negative ? -v : v
        }
    }
    var buffer = [CChar](repeating: 0, count: text.count + 1)
    for i in 0..<text.count { buffer[i] = CChar(bitPattern: text[i]) }
    let v = strtod(buffer, nil)
    return v.isFinite ? v : nil
}

private let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16]
