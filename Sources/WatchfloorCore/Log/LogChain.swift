import Crypto
import Foundation

/// Gives entries their `seq` and `prev` and hashes their lines: the SHA-256 chain of DESIGN §3.3.
public struct LogChain: Sendable {
    public static let genesis = String(repeating: "0", count: 64)

    /// The `seq` the next entry gets.
    public private(set) var nextSeq: Int64
    /// The hash of the last line, which the next line records as `prev`.
    public private(set) var head: String

    public init(nextSeq: Int64 = 1, head: String = LogChain.genesis) {
        self.nextSeq = nextSeq
        self.head = head
    }

    public mutating func seal(_ entry: LogEntry) -> SealedEntry {
        let line = LogLineEncoder.line(seq: nextSeq, entry: entry, prev: head)
        let hash: String = Self.hash(line)
        let sealed = SealedEntry(seq: nextSeq, entry: entry, line: line, hash: hash, prevHash: head)
        nextSeq += 1
        head = hash
        return sealed
    }

    public static func hash(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The same for a line in memory, hashed in place.
    public static func hash(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hex(hasher.finalize())
    }

    /// Lowercase hex, written straight into the String's storage: the digest's own iterator
    /// would copy it into an array first, and this runs twice per feed message.
    static func hex(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { d in
            String(unsafeUninitializedCapacity: d.count * 2) { out in
                for (i, b) in d.enumerated() {
                    out[2 * i] = hexDigit(b >> 4)
                    out[2 * i + 1] = hexDigit(b & 0x0F)
                }
                return d.count * 2
            }
        }
    }

    @inline(__always)
    private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? 0x30 + v : 0x61 - 10 + v
    }
}
