import Crypto

/// HMAC-SHA256 signatures on feed lines, for feeds that must prove who sent them.
///
/// A sender serialises its CloudEvent as it likes, then appends the signature as the object's
/// last member, in this exact form: `…,"wfsignature":"<64 lowercase hex digits>"}`. What is
/// signed is the line without that member — every byte before `,"wfsignature"`, then the
/// closing `}` — so every attribute and every byte of `data` is covered and no canonical JSON
/// is needed. (`wfsignature` is a CloudEvents extension attribute: lowercase letters only.)
public struct FeedSignature: Sendable {
    public static let attribute = "wfsignature"
    private static let prefix = Array(#","wfsignature":""#.utf8)
    /// The prefix, 64 hex digits, `"}`.
    private static let suffixLength = prefix.count + 64 + 2

    /// The secret's bytes; a `SymmetricKey` is made per use because it is not `Sendable`.
    private let secret: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// `key` is the shared secret's bytes, as read from the key file.
    public init(key: [UInt8]) {
        secret = key
    }

    /// Nil when the line carries a good signature; else why not, for `report.rejected`.
    public func check(_ line: UnsafeRawBufferPointer) -> RejectReason? {
        var end = line.count
        while end > 0, [0x20, 0x09, 0x0D].contains(line[end - 1]) { end -= 1 }
        guard end >= Self.suffixLength + 1, line[end - 1] == UInt8(ascii: "}"), line[end - 2] == UInt8(ascii: "\""),
              let signature = Self.hexBytes(UnsafeRawBufferPointer(rebasing: line[(end - 66)..<(end - 2)])),
              line[(end - Self.suffixLength)..<(end - 66)].elementsEqual(Self.prefix)
        else {
            return Self.mentionsSignature(line)
                ? RejectReason("signature malformed: `wfsignature` must be the line's last member, 64 hex digits")
                : RejectReason("unsigned: this feed requires an HMAC-SHA256 signature in `wfsignature`")
        }
        var signed = Array(line[0..<(end - Self.suffixLength)])
        signed.append(UInt8(ascii: "}"))
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signed, using: key) else {
            return RejectReason("bad signature: `wfsignature` does not match the line (a wrong key, or the line was changed on the way)")
        }
        return nil
    }

    /// The line with its signature appended: what a signing sender writes (`feed serve
    /// --sign-key`, and tests). `line` is one JSON object without its newline.
    public func sign(_ line: [UInt8]) -> [UInt8] {
        var body = line
        while let last = body.last, [0x20, 0x09, 0x0D, 0x0A].contains(last) { body.removeLast() }
        guard body.last == UInt8(ascii: "}") else { return line }
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: key)
        body.removeLast()
        body += Self.prefix
        body += Array(mac.map { String(format: "%02x", $0) }.joined().utf8)
        body += Array(#""}"#.utf8)
        return body
    }

    private static func hexBytes(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2)
        var i = 0
        while i < text.count {
            guard let high = nibble(text[i]), let low = nibble(text[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
            i += 2
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func mentionsSignature(_ line: UnsafeRawBufferPointer) -> Bool {
        let needle = Array("\"\(attribute)\"".utf8)
        guard line.count >= needle.count else { return false }
        return (0...(line.count - needle.count)).contains { line[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
