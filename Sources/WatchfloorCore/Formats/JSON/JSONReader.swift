/// A forward-only reader over the bytes of one JSON text. It validates as it goes and decodes
/// only what the caller asks for, so a feed line costs one pass and no intermediate tree
/// (the fold must outrun `jq`, issue 2). Values the caller does not want are skipped, but
/// still checked, so a malformed line is always rejected.
public struct JSONReader: ~Copyable {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline var index: Int
    /// Nesting guard: hostile input must not exhaust the stack.
    @usableFromInline var depth = 0
    static let maxDepth = 64

    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.index = 0
    }

    public var offset: Int { index }

    @inlinable @inline(__always)
    mutating func peekNonSpace() -> UInt8? {
        while index < bytes.count {
            let b = bytes[index]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 } else { return b }
        }
        return nil
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONError) {
        guard peekNonSpace() == byte else { throw error("expected \(what)") }
        index += 1
    }

    func error(_ message: String) -> JSONError {
        JSONError(message: message, offset: index)
    }

    /// The type of the next value, without consuming it.
    public mutating func nextKind() throws(JSONError) -> JSONKind {
        guard let b = peekNonSpace() else { throw error("unexpected end of JSON") }
        switch b {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw error("unexpected character '\(printable(b))'")
        }
    }

    /// Checks nothing but whitespace is left.
    public mutating func expectEnd() throws(JSONError) {
        if peekNonSpace() != nil { throw error("unexpected text after the JSON value") }
    }

    // MARK: objects and arrays

    /// Calls `body` for every member of an object with the member's key; `body` must consume
    /// the member's value (read it or `skipValue()`).
    public mutating func readObject(
        _ body: (_ key: JSONKey, _ reader: inout JSONReader) throws(JSONError) -> Void
    ) throws(JSONError) {
        try expect(UInt8(ascii: "{"), "'{'")
        depth += 1
        if depth > Self.maxDepth { throw error("JSON nested too deeply") }
        if peekNonSpace() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            guard peekNonSpace() == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try readKey()
            try expect(UInt8(ascii: ":"), "':'")
            let before = index
            try body(key, &self)
            if index == before { try skipValue() }
            guard let b = peekNonSpace() else { throw error("unexpected end of JSON in an object") }
            index += 1
            if b == UInt8(ascii: "}") { break }
            if b != UInt8(ascii: ",") { throw JSONError(message: "expected ',' or '}'", offset: index - 1) }
        }
        depth -= 1
    }

    /// Calls `body` for every element of an array; `body` must consume the element.
    public mutating func readArray(_ body: (_ reader: inout JSONReader) throws(JSONError) -> Void) throws(JSONError) {
        try expect(UInt8(ascii: "["), "'['")
        depth += 1
        if depth > Self.maxDepth { throw error("JSON nested too deeply") }
        if peekNonSpace() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            let before = index
            try body(&self)
            if index == before { try skipValue() }
            guard let b = peekNonSpace() else { throw error("unexpected end of JSON in an array") }
            index += 1
            if b == UInt8(ascii: "]") { break }
            if b != UInt8(ascii: ",") { throw JSONError(message: "expected ',' or ']'", offset: index - 1) }
        }
        depth -= 1
    }

    /// Skips one value of any kind, validating it. Returns the byte range it covered.
    @discardableResult
    public mutating func skipValue() throws(JSONError) -> Range<Int> {
        let kind = try nextKind()
        let start = index
        switch kind {
        case .object:
            var members = try enterObject()
            while try nextMember(&members) != nil { try skipValue() }
        case .array:
            var elements = try enterArray()
            while try nextElement(&elements) { try skipValue() }
        case .string: try skipString()
        case .number: _ = try readNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        }
        return start..<index
    }

    // MARK: scalars

    public mutating func readBool() throws(JSONError) -> Bool {
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        throw error("expected true or false")
    }

    public mutating func readNull() throws(JSONError) {
        guard matchLiteral("null") else { throw error("expected null") }
    }

    /// True (and consumed) when the next value is `null`.
    public mutating func readNullIfPresent() -> Bool {
        guard peekNonSpace() == UInt8(ascii: "n") else { return false }
        return matchLiteral("null")
    }

    mutating func matchLiteral(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard index + n <= bytes.count else { return false }
        let p = literal.utf8Start
        for i in 0..<n where bytes[index + i] != p[i] { return false }
        index += n
        return true
    }

    public mutating func readNumber() throws(JSONError) -> Double {
        _ = peekNonSpace()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        if index == intStart { throw error("expected a number") }
        if bytes[intStart] == UInt8(ascii: "0"), index - intStart > 1 { throw error("a number may not start with 0") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let f = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            if index == f { throw error("expected digits after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let e = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            if index == e { throw error("expected digits in the exponent") }
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        guard let value = parseDouble(text) else { throw JSONError(message: "bad number", offset: start) }
        return value
    }

    /// Reads a string value, decoding escapes; invalid UTF-8 is an error, not repaired.
    public mutating func readString() throws(JSONError) -> String {
        guard peekNonSpace() == UInt8(ascii: "\"") else { throw error("expected a string") }
        let (range, hasEscapes) = try scanString()
        let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
        if !hasEscapes {
            // ASCII is valid UTF-8 as it stands: no decoder needed.
            if isASCII(raw) { return String(decoding: raw, as: UTF8.self) }
            guard let s = String(validating: raw, as: UTF8.self) else {
                throw JSONError(message: "invalid UTF-8 in a string", offset: range.lowerBound)
            }
            return s
        }
        return try unescape(raw, at: range.lowerBound)
    }

    /// Reads a string value like `readString`, refusing the same texts with the same errors,
    /// but leaves an unescaped one as bytes.
    public mutating func readStringSpan() throws(JSONError) -> JSONStringSpan {
        guard peekNonSpace() == UInt8(ascii: "\"") else { throw error("expected a string") }
        let (range, hasEscapes) = try scanString()
        let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
        if hasEscapes { return .decoded(try unescape(raw, at: range.lowerBound)) }
        guard isValidUTF8(raw) else { throw JSONError(message: "invalid UTF-8 in a string", offset: range.lowerBound) }
        return .raw(raw)
    }

    mutating func skipString() throws(JSONError) {
        let (range, _) = try scanString()
        if !isValidUTF8(UnsafeRawBufferPointer(rebasing: bytes[range])) {
            throw JSONError(message: "invalid UTF-8 in a string", offset: range.lowerBound)
        }
    }

    /// Member names are compared as bytes; most have no escapes, so no String is made.
    mutating func readKey() throws(JSONError) -> JSONKey {
        let (range, hasEscapes) = try scanString()
        if hasEscapes {
            let s = try unescape(UnsafeRawBufferPointer(rebasing: bytes[range]), at: range.lowerBound)
            return JSONKey(decoded: s)
        }
        return JSONKey(raw: UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    /// Finds the end of the string at `index` (which is a quote); returns the content range.
    mutating func scanString() throws(JSONError) -> (Range<Int>, Bool) {
        index += 1
        let start = index
        var escapes = false
        while index < bytes.count {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            if index + 8 <= bytes.count, !mayNeedEscape(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let range = start..<index
                index += 1
                return (range, escapes)
            }
            if b == UInt8(ascii: "\\") {
                escapes = true
                index += 2
                continue
            }
            if b < 0x20 { throw error("control character in a string") }
            index += 1
        }
        throw JSONError(message: "unterminated string", offset: start - 1)
    }

    func unescape(_ raw: UnsafeRawBufferPointer, at base: Int) throws(JSONError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < raw.count else { throw JSONError(message: "bad escape", offset: base + i) }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(raw, i) else { throw JSONError(message: "bad \\u escape", offset: base + i) }
                i += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
                          let low = hex4(raw, i + 2), (0xDC00..<0xE000).contains(low)
                    else { throw JSONError(message: "unpaired surrogate in \\u escape", offset: base + i) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw JSONError(message: "unpaired surrogate in \\u escape", offset: base + i)
                }
                guard let u = Unicode.Scalar(scalar) else { throw JSONError(message: "bad \\u escape", offset: base + i) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw JSONError(message: "bad escape '\\\(printable(e))'", offset: base + i - 2)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw JSONError(message: "invalid UTF-8 in a string", offset: base)
        }
        return s
    }
}

@available(*, unavailable)
extension JSONReader: Sendable {}

/// What kind of value comes next.
public enum JSONKind: Sendable { case object, array, string, number, bool, null }

/// A syntax error, with the byte offset in the text where it was found.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var description: String { "\(message) at byte \(offset)" }
}

@inlinable func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

func printable(_ b: UInt8) -> String {
    (0x21...0x7E).contains(b) ? String(UnicodeScalar(b)) : String(format: "\\x%02X", b)
}

func hex4(_ raw: UnsafeRawBufferPointer, _ i: Int) -> UInt32? {
    guard i + 4 <= raw.count else { return nil }
    var v: UInt32 = 0
    for k in 0..<4 {
        let c = raw[i + k]
        let d: UInt32
        switch c {
        case 0x30...0x39: d = UInt32(c - 0x30)
        case 0x41...0x46: d = UInt32(c - 0x41 + 10)
        case 0x61...0x66: d = UInt32(c - 0x61 + 10)
        default: return nil
        }
        v = v << 4 | d
    }
    return v
}

func isValidUTF8(_ raw: UnsafeRawBufferPointer) -> Bool {
    // Pure ASCII is the common case and needs no decoder.
    if isASCII(raw) { return true }
    return String(validating: raw, as: UTF8.self) != nil
}
