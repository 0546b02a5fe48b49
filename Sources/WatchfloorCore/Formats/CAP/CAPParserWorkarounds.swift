/// Rewrites that keep Foundation's XMLParser on Linux (swift-corelibs-foundation over
/// libxml2) from crashing on well-formed input. Each changes no meaning.
enum CAPParserWorkarounds {
    /// A processing instruction with no data, `<?foo?>`, reaches XMLParser's callback as a NULL
    /// data pointer that Swift declares non-optional; reading it segfaults the whole program
    /// (found by libFuzzer). `<?foo ?>` means the same in XML and arrives as an empty string.
    /// The scan does not know about comments and CDATA, so such text there gains a space too:
    /// a harmless cost for not having to lex XML ourselves.
    static func paddingEmptyProcessingInstructions(_ bytes: [UInt8]) -> [UInt8] {
        let at = bytes.withUnsafeBufferPointer { emptyInstructionEnds($0) }
        guard !at.isEmpty else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + at.count)
        var from = 0
        for index in at {
            out.append(contentsOf: bytes[from..<index])
            out.append(UInt8(ascii: " "))
            from = index
        }
        out.append(contentsOf: bytes[from...])
        return out
    }

    /// Offsets of the `?` in each `<?name?>`; "name" is anything up to white space, `?`, `<`
    /// or `>` (a superset of XML names, so nothing libxml2 would call a target is missed).
    private static func emptyInstructionEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "?") else {
                i += 1
                continue
            }
            var j = i + 2
            while j < bytes.count, !endsName(bytes[j]) { j += 1 }
            if j > i + 2, j + 1 < bytes.count, bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: ">") {
                found.append(j)
            }
            i = max(j, i + 2)
        }
        return found
    }

    private static func endsName(_ b: UInt8) -> Bool {
        CAPTextEncoding.isSpace(b) || b == UInt8(ascii: "?") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
    }
}
