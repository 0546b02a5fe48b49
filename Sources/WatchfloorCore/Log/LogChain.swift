import Crypto

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
        let hash = Self.hash(line)
        let sealed = SealedEntry(seq: nextSeq, entry: entry, line: line, hash: hash, prevHash: head)
        nextSeq += 1
        head = hash
        return sealed
    }

    public static func hash(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import Foundation
