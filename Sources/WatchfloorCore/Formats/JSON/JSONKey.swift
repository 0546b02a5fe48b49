/// A member name as read from JSON, compared without allocating a String in the common case.
public struct JSONKey {
    let raw: UnsafeRawBufferPointer?
    let decoded: String?

    init(raw: UnsafeRawBufferPointer) {
        self.raw = raw
        self.decoded = nil
    }

    init(decoded: String) {
        self.raw = nil
        self.decoded = decoded
    }

    public static func == (key: JSONKey, literal: StaticString) -> Bool {
        if let raw = key.raw { return bytesEqual(raw, literal) }
        return key.decoded! == String(describing: literal)
    }

    /// Length in UTF-8 bytes: decoders switch on it first, so that a key is compared with
    /// one or two names instead of all of them.
    public var length: Int {
        if let raw { return raw.count }
        return decoded!.utf8.count
    }

    public var string: String {
        if let raw { return String(decoding: raw, as: UTF8.self) }
        return decoded!
    }
}
