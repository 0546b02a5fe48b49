/// Checks made on the raw and the normalised bytes before any XML parser sees them.
enum CAPDocumentGuard {
    /// CAP messages are kilobytes; even ones carrying an embedded image (`derefUri`) stay well
    /// under this. Anything bigger is a mistake or an attack, not a warning.
    static let maximumBytes = 8 * 1024 * 1024
    /// Shorter than any CAP alert can be. Also keeps clear of Foundation's XMLParser, which on
    /// Linux silently reports success for documents under four bytes.
    static let minimumBytes = 32

    static func checkSize(_ count: Int) throws(CAPError) {
        if count == 0 {
            throw CAPError(.unreadable, "the message is empty")
        }
        if count < minimumBytes {
            throw CAPError(.unreadable, "the message is only \(count) bytes, too short to be a CAP alert")
        }
        if count > maximumBytes {
            throw CAPError(.unreadable, "the message is \(count) bytes; CAP alerts over \(maximumBytes / 1024 / 1024) MB are refused")
        }
    }

    /// XML text never contains NUL; one means binary data or UTF-16/32 without a byte-order
    /// mark. The C parser would also stop reading names at it.
    static func refuseNUL(_ bytes: [UInt8]) throws(CAPError) {
        if let at = bytes.firstIndex(of: 0) {
            throw CAPError(.unreadable, "the message contains a NUL byte at offset \(at); it is binary data, not a CAP document")
        }
    }

    /// A DTD is how XML pulls in files and URLs (XXE) and multiplies entities until memory
    /// runs out ("billion laughs"). CAP never needs one, so any `<!DOCTYPE` or `<!ENTITY`
    /// refuses the whole message before parsing. Scanning the whole text (not just the prolog)
    /// keeps this check simple enough to trust; the price is refusing the odd alert that quotes
    /// a DOCTYPE inside CDATA.
    static func refuseDTD(_ bytes: [UInt8]) throws(CAPError) {
        let doctype = Array("DOCTYPE".utf8), entity = Array("ENTITY".utf8)
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "!") {
                if matchesUppercased(bytes, at: i + 2, doctype) {
                    throw CAPError(.forbiddenDTD, "a DOCTYPE/DTD is not allowed (entities are refused); the message was not parsed and nothing it names was fetched")
                }
                if matchesUppercased(bytes, at: i + 2, entity) {
                    throw CAPError(.forbiddenDTD, "an <!ENTITY> declaration is not allowed (DTDs and entities are refused); the message was not parsed")
                }
            }
            i += 1
        }
    }

    private static func matchesUppercased(_ bytes: [UInt8], at start: Int, _ word: [UInt8]) -> Bool {
        guard start + word.count <= bytes.count else { return false }
        for (k, w) in word.enumerated() {
            var b = bytes[start + k]
            if b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") { b -= 0x20 }
            if b != w { return false }
        }
        return true
    }
}
