/// Member-by-member reading of an object (and element-by-element of an array), for the hot decoders: a plain loop over keys costs
/// no closure context and lets the caller dispatch on the key's bytes. It accepts and refuses
/// exactly what `readObject` does, with the same messages and offsets.
///
///     var members = try reader.enterObject()
///     while let key = try reader.nextMember(&members) { ...read or skip the value... }
///
/// The caller must consume each member's value before asking for the next member.
extension JSONReader {
    /// Where an object (or array) being read stands: before its first member or after one.
    public struct Members {
        var first = true
    }

    /// Consumes `{`.
    public mutating func enterObject() throws(JSONError) -> Members {
        try expect(UInt8(ascii: "{"), "'{'")
        depth += 1
        if depth > Self.maxDepth { throw error("JSON nested too deeply") }
        return Members()
    }

    /// The next member's key with its `:` consumed, or nil once the closing `}` is consumed.
    public mutating func nextMember(_ members: inout Members) throws(JSONError) -> JSONKey? {
        if members.first {
            members.first = false
            if peekNonSpace() == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return nil
            }
        } else {
            guard let b = peekNonSpace() else { throw error("unexpected end of JSON in an object") }
            index += 1
            if b == UInt8(ascii: "}") {
                depth -= 1
                return nil
            }
            if b != UInt8(ascii: ",") { throw JSONError(message: "expected ',' or '}'", offset: index - 1) }
        }
        guard peekNonSpace() == UInt8(ascii: "\"") else { throw error("expected a member name") }
        let key = try readKey()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }
}

extension JSONReader {
    /// Consumes `[`; `nextElement` then says whether an element follows.
    mutating func enterArray() throws(JSONError) -> Members {
        try expect(UInt8(ascii: "["), "'['")
        depth += 1
        if depth > Self.maxDepth { throw error("JSON nested too deeply") }
        return Members()
    }

    /// True when an element follows (the caller must consume it); false once `]` is consumed.
    mutating func nextElement(_ elements: inout Members) throws(JSONError) -> Bool {
        if elements.first {
            elements.first = false
            if peekNonSpace() == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return false
            }
            return true
        }
        guard let b = peekNonSpace() else { throw error("unexpected end of JSON in an array") }
        index += 1
        if b == UInt8(ascii: "]") {
            depth -= 1
            return false
        }
        if b != UInt8(ascii: ",") { throw JSONError(message: "expected ',' or ']'", offset: index - 1) }
        return true
    }

    /// A reader over the same text from this one's position and nesting, for a tentative read
    /// that the caller keeps (by taking its `offset`) or drops.
    func fork() -> JSONReader {
        var r = JSONReader(bytes)
        r.index = index
        r.depth = depth
        return r
    }

    /// Moves on to where a fork stopped.
    mutating func resume(at offset: Int) {
        index = offset
    }
}
