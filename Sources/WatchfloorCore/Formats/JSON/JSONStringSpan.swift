import Foundation

/// A string value as found in the text, checked but not yet made into a String: the bytes
/// between its quotes when it has no escapes (already validated as UTF-8), else its decoded
/// text. Decoders compare and parse most attributes (`specversion`, `type`, `time`, `source`)
/// as bytes and make Strings only of what they keep.
public enum JSONStringSpan {
    case raw(UnsafeRawBufferPointer)
    case decoded(String)

    public var string: String {
        switch self {
        case .raw(let bytes): String(decoding: bytes, as: UTF8.self)
        case .decoded(let s): s
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .raw(let bytes): bytes.isEmpty
        case .decoded(let s): s.isEmpty
        }
    }

    /// Calls `body` with the UTF-8 bytes.
    public func withUTF8<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch self {
        case .raw(let bytes):
            return body(bytes)
        case .decoded(var s):
            return s.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    public static func == (span: JSONStringSpan, literal: StaticString) -> Bool {
        span.withUTF8 { bytesEqual($0, literal) }
    }
}

@available(*, unavailable)
extension JSONStringSpan: Sendable {}

/// Whether `bytes` spell exactly `literal`.
@inline(__always)
func bytesEqual(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard bytes.count == n else { return false }
    guard n > 0, let base = bytes.baseAddress else { return true }
    return memcmp(base, literal.utf8Start, n) == 0
}

/// True when every byte is below 0x80. Ids, codes, times and member names nearly always
/// are, and then they need no UTF-8 decoder. Reads eight bytes at a time, never past the end.
func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    var bits: UInt64 = 0
    while i + 8 <= bytes.count {
        bits |= bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
    }
    while i < bytes.count {
        bits |= UInt64(bytes[i])
        i += 1
    }
    return bits & 0x8080_8080_8080_8080 == 0
}
