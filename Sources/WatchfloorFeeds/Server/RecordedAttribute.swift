import WatchfloorCore

/// A string attribute of a recorded CloudEvent found without parsing the line: the raw text
/// between the quotes after the first `"name":`. Cheap enough for every line of a replay;
/// a line where it is missing or unreadable just has none.
enum RecordedAttribute {
    /// Only the head of a line is searched: the envelope's attributes come before `data`.
    static let searchedBytes = 4096

    /// The raw (still JSON-escaped) bytes of the string value of `name`.
    static func rawString(_ name: String, in line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        let key = Array("\"\(name)\"".utf8)
        let head = UnsafeRawBufferPointer(rebasing: line.prefix(searchedBytes))
        guard let keyStart = find(key, in: head) else { return nil }
        var i = keyStart + key.count
        func skipSpaces() { while i < head.count, head[i] == 0x20 || head[i] == 0x09 { i += 1 } }
        skipSpaces()
        guard i < head.count, head[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        skipSpaces()
        guard i < head.count, head[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        i = start
        while i < head.count {
            switch head[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return UnsafeRawBufferPointer(rebasing: head[start..<i])
            default: i += 1
            }
        }
        return nil
    }

    /// The `time` attribute, when it is RFC 3339.
    static func time(in line: UnsafeRawBufferPointer) -> Instant? {
        guard let raw = rawString("time", in: line), raw.count <= 64 else { return nil }
        return Instant(rfc3339: String(decoding: raw, as: UTF8.self))
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int? {
        guard needle.count <= haystack.count, let first = needle.first else { return nil }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first && needle.indices.allSatisfy({ haystack[i + $0] == needle[$0] }) { return i }
            i += 1
        }
        return nil
    }
}
