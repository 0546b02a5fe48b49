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

    /// One pass over the text the parser will read, for two things it must never see.
    ///
    /// NUL: XML text never contains it; one means binary data or UTF-16/32 without a
    /// byte-order mark, and the C parser underneath would stop reading names at it.
    ///
    /// `<!DOCTYPE` and `<!ENTITY`: a DTD is how XML pulls in files and URLs (XXE) and multiplies
    /// entities until memory runs out ("billion laughs"). CAP never needs one, so either refuses
    /// the whole message before parsing. Scanning the whole text (not just the prolog) keeps the
    /// check simple enough to trust; the price is refusing the odd alert that quotes a DOCTYPE
    /// inside CDATA.
    static func refuseNULAndDTD(_ bytes: [UInt8]) throws(CAPError) {
        let finding = bytes.withUnsafeBufferPointer { scan($0) }
        switch finding {
        case nil:
            return
        case .nul(let at):
            throw CAPError(.unreadable, "the message contains a NUL byte at offset \(at); it is binary data, not a CAP document")
        case .doctype:
            throw CAPError(.forbiddenDTD, "a DOCTYPE/DTD is not allowed (entities are refused); the message was not parsed and nothing it names was fetched")
        case .entity:
            throw CAPError(.forbiddenDTD, "an <!ENTITY> declaration is not allowed (DTDs and entities are refused); the message was not parsed")
        }
    }

    private enum Finding {
        case nul(Int), doctype, entity
    }

    private static let doctype = Array("DOCTYPE".utf8)
    private static let entity = Array("ENTITY".utf8)

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0 { return .nul(i) }
            if b == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "!") {
                if matchesUppercased(bytes, at: i + 2, doctype) { return .doctype }
                if matchesUppercased(bytes, at: i + 2, entity) { return .entity }
            }
            i += 1
        }
        return nil
    }

    private static func matchesUppercased(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ word: [UInt8]) -> Bool {
        guard start + word.count <= bytes.count else { return false }
        for (k, w) in word.enumerated() {
            var b = bytes[start + k]
            if b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") { b -= 0x20 }
            if b != w { return false }
        }
        return true
    }
}
