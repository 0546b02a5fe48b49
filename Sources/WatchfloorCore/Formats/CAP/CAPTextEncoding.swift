import Foundation

/// Turns a CAP document's bytes into UTF-8 whose XML declaration (if any) says UTF-8, so the
/// XML parser only ever sees UTF-8.
///
/// Why not leave encodings to the parser: libxml2 does honour `encoding="ISO-8859-1"`, but
/// Foundation's XMLParser on Linux force-unwraps the UTF-8 it gets back for comments and
/// processing instructions, so one stray byte in a "UTF-8" document traps the whole program.
/// Validating and transcoding here first means the parser cannot be handed bad text, and the
/// DTD check (CAPDocumentGuard) scans the same bytes the parser will read.
enum CAPTextEncoding {
    /// The encodings we read. GB18030 covers GBK and GB2312, which Chinese warning systems
    /// still emit; Foundation reaches it through the CoreFoundation encoding number on every
    /// platform.
    enum Family: Equatable {
        case utf8, latin1, windows1252, gb18030
        case utf16WithoutBOM
        case unsupported(String)
    }

    private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    private static let canonicalDeclaration = Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
    private static let supportedList = "UTF-8, ISO-8859-1, Windows-1252, GB18030/GBK/GB2312, or UTF-16 with a byte-order mark"

    /// Bytes as received (a file, a socket).
    static func utf8Document(_ raw: [UInt8]) throws(CAPError) -> [UInt8] {
        // A byte-order mark outranks the declaration (XML 1.0 appendix F).
        if raw.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || raw.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw CAPError(.unreadable, "the message is UTF-32, which is not supported (send \(supportedList))")
        }
        if raw.starts(with: [0xFE, 0xFF]) { return try utf16(raw, .utf16BigEndian) }
        if raw.starts(with: [0xFF, 0xFE]) { return try utf16(raw, .utf16LittleEndian) }
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(raw.dropFirst(3))
            try requireUTF8(body, declared: "UTF-8 (byte-order mark)")
            return rewritingDeclaration(body)
        }

        let label = declaredEncoding(raw)
        switch family(of: label) {
        case .utf8:
            try requireUTF8(raw, declared: label ?? "UTF-8 (no encoding declared)")
            // "US-ASCII" and friends are rewritten too, so the parser never switches decoders.
            if let label, normalisedLabel(label) != "UTF-8" { return rewritingDeclaration(raw) }
            return raw
        case .latin1:
            return rewritingDeclaration(latin1ToUTF8(raw))
        case .windows1252:
            return try foundationDecode(raw, .windowsCP1252, name: "Windows-1252")
        case .gb18030:
            return try foundationDecode(raw, gb18030, name: label ?? "GB18030")
        case .utf16WithoutBOM:
            throw CAPError(.unreadable, "the message declares encoding \(capQuote(label ?? "UTF-16")) but has no byte-order mark; send UTF-8")
        case .unsupported(let name):
            throw CAPError(.unreadable, "character encoding \(capQuote(name)) is not supported (send \(supportedList))")
        }
    }

    /// Text already decoded (CAP inside a CloudEvent is a JSON string): whatever encoding its
    /// declaration names is stale, because the text is Unicode now.
    static func utf8Document(text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return rewritingDeclaration(bytes)
    }

    // MARK: - The XML declaration

    /// The value of `encoding="..."` in a leading `<?xml ...?>`, if there is one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let end = declarationEnd(bytes) else { return nil }
        let decl = Array(bytes[0..<end])
        let key = Array("encoding".utf8)
        guard let at = firstIndex(of: key, in: decl) else { return nil }
        var i = at + key.count
        func skipSpace() { while i < decl.count, isSpace(decl[i]) { i += 1 } }
        skipSpace()
        guard i < decl.count, decl[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        skipSpace()
        guard i < decl.count, decl[i] == UInt8(ascii: "\"") || decl[i] == UInt8(ascii: "'") else { return nil }
        let quote = decl[i]
        let start = i + 1
        guard let close = decl[start...].firstIndex(of: quote) else { return nil }
        return String(decoding: decl[start..<close], as: UTF8.self)
    }

    /// Refuses a document that opens an XML declaration and does not close it where
    /// `declarationEnd` looks. Its encoding was never read here, so nothing was transcoded or
    /// rewritten, but libxml2 still acts on it: `encoding = 'UTF32'` in an unclosed declaration
    /// segfaulted inside libxml2 (found by libFuzzer). Runs on the bytes the parser will read.
    static func refuseUnclosedDeclaration(_ bytes: [UInt8]) throws(CAPError) {
        guard opensDeclaration(bytes), declarationEnd(bytes) == nil else { return }
        throw CAPError(.malformedXML, "the XML declaration at the start (<?xml ...) is not closed with ?> within its first \(declarationLimit) bytes")
    }

    private static func opensDeclaration(_ bytes: [UInt8]) -> Bool {
        bytes.count > 5 && bytes.starts(with: Array("<?xml".utf8)) && isSpace(bytes[5])
    }

    /// Declarations are short (a version, an encoding, `standalone`): only this much is searched.
    static let declarationLimit = 1024

    /// Index just past `?>` of a declaration at the very start.
    private static func declarationEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count > 6, opensDeclaration(bytes) else { return nil }
        let limit = min(bytes.count, declarationLimit)
        var i = 6
        while i + 1 < limit {
            if bytes[i] == UInt8(ascii: "?"), bytes[i + 1] == UInt8(ascii: ">") { return i + 2 }
            i += 1
        }
        return nil
    }

    /// Replaces a leading declaration with one that says UTF-8 (the bytes now are UTF-8).
    static func rewritingDeclaration(_ bytes: [UInt8]) -> [UInt8] {
        guard let end = declarationEnd(bytes) else { return bytes }
        return canonicalDeclaration + bytes[end...]
    }

    private static func normalisedLabel(_ label: String) -> String {
        label.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "_", with: "-")
    }

    static func family(of label: String?) -> Family {
        guard let label else { return .utf8 }
        switch normalisedLabel(label) {
        case "UTF-8", "UTF8", "US-ASCII", "ASCII", "ISO646-US", "ANSI-X3.4-1968":
            return .utf8
        case "ISO-8859-1", "ISO8859-1", "ISO-8859-1:1987", "LATIN1", "LATIN-1", "L1", "CP819",
             "IBM819", "ISO-IR-100", "CSISOLATIN1":
            return .latin1
        case "WINDOWS-1252", "CP1252", "X-CP1252":
            return .windows1252
        case "GB18030", "GBK", "GB2312", "GB-2312", "EUC-CN", "CP936", "MS936", "WINDOWS-936",
             "X-GBK", "CSGB2312":
            return .gb18030
        case "UTF-16", "UTF16", "UTF-16LE", "UTF-16BE", "UCS-2":
            return .utf16WithoutBOM
        default:
            return .unsupported(label)
        }
    }

    // MARK: - Decoders

    /// ISO-8859-1 maps each byte to the code point of the same value, so this is exact.
    private static func latin1ToUTF8(_ raw: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(raw.count + raw.count / 8)
        for b in raw {
            if b < 0x80 {
                out.append(b)
            } else {
                out.append(0xC0 | (b >> 6))
                out.append(0x80 | (b & 0x3F))
            }
        }
        return out
    }

    private static func utf16(_ raw: [UInt8], _ encoding: String.Encoding) throws(CAPError) -> [UInt8] {
        let body = raw.dropFirst(2)
        guard body.count % 2 == 0, let text = String(data: Data(body), encoding: encoding) else {
            throw CAPError(.unreadable, "the message starts with a UTF-16 byte-order mark but is not valid UTF-16 (truncated or corrupted)")
        }
        return rewritingDeclaration(Array(text.utf8))
    }

    private static func foundationDecode(_ raw: [UInt8], _ encoding: String.Encoding, name: String) throws(CAPError) -> [UInt8] {
        guard let text = String(data: Data(raw), encoding: encoding) else {
            throw CAPError(.unreadable, "the message declares encoding \(capQuote(name)) but its bytes are not valid \(name)")
        }
        return rewritingDeclaration(Array(text.utf8))
    }

    private static func requireUTF8(_ bytes: [UInt8], declared: String) throws(CAPError) {
        if let offset = firstInvalidUTF8Offset(bytes) {
            throw CAPError(.unreadable, "the message is not valid UTF-8 (first bad byte at offset \(offset); declared \(capQuote(declared))); if it is ISO-8859-1 or GBK, its XML declaration must say so")
        }
    }

    /// Nil when `bytes` is well-formed UTF-8, else the offset of the first bad sequence.
    /// Unicode's table 3-7 by hand: no overlongs, no surrogates, nothing above U+10FFFF.
    /// (The standard library's generic UTF-8 parser does this too, but unspecialised in debug
    /// builds it is slow enough to dominate the decoder's tests.)
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let trailing: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: trailing = 1
            case 0xE0: trailing = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
            case 0xED: trailing = 2; high = 0x9F
            case 0xF0: trailing = 3; low = 0x90
            case 0xF1...0xF3: trailing = 3
            case 0xF4: trailing = 3; high = 0x8F
            default: return i
            }
            guard n - i > trailing, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            var k = 2
            while k <= trailing {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += trailing + 1
        }
        return nil
    }

    // MARK: - Bytes

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
