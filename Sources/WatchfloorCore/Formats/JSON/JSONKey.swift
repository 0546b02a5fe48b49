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
        let n = literal.utf8CodeUnitCount
        if let raw = key.raw {
            guard raw.count == n else { return false }
            let p = literal.utf8Start
            for i in 0..<n where raw[i] != p[i] { return false }
            return true
        }
        return key.decoded! == String(describing: literal)
    }

    public var string: String {
        if let raw { return String(decoding: raw, as: UTF8.self) }
        return decoded!
    }
}
