import Foundation
import Testing
import WatchfloorCore
@testable import WatchfloorFeeds

/// The framer cuts a stream as it arrives; fed the same bytes in any chunks, it must frame
/// exactly as `LineReader` frames the whole file.
@Suite("Line framing of a stream")
struct LineFramerTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("demo-data/scenarios/qingdao-typhoon.jsonl").path

    /// What LineReader makes of a file, as FeedLines.
    func readWhole(_ path: String) throws -> [FeedLine] {
        var lines: [FeedLine] = []
        try LineReader(path: path).forEachLine { line in
            lines.append(FeedLine(bytes: Array(line.bytes), offset: line.offset, number: line.number, oversized: line.oversized))
            return true
        }
        return lines
    }

    /// What the framer makes of `bytes` cut into chunks of the sizes `next` gives.
    func frame(_ bytes: [UInt8], chunks next: () -> Int) -> [FeedLine] {
        var framer = LineFramer()
        var lines: [FeedLine] = []
        var i = 0
        bytes.withUnsafeBytes { all in
            while i < all.count {
                let end = min(all.count, i + max(1, next()))
                _ = framer.append(UnsafeRawBufferPointer(rebasing: all[i..<end])) { lines.append($0); return true }
                i = end
            }
        }
        if let last = framer.finish() { lines.append(last) }
        return lines
    }

    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("framer-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a scenario fed byte by byte, in odd chunks, in random chunks and whole frames as LineReader frames it")
    func sameAsLineReader() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Self.scenario)))
        let expected = try readWhole(Self.scenario)
        #expect(expected.count > 200)
        #expect(frame(bytes) { 1 } == expected)
        #expect(frame(bytes) { 7 } == expected)
        #expect(frame(bytes) { bytes.count } == expected)
        var random = SeededRandom(seed: 5)
        #expect(frame(bytes) { 1 + random.below(9000) } == expected)
    }

    @Test("CRLF endings, empty lines, a last line without newline; a CR split from its LF by a chunk boundary")
    func edges() throws {
        let bytes = Array("a\r\n\nbc\r\nlast\r".utf8)
        for size in 1...bytes.count {
            let lines = frame(bytes) { size }
            #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["a", "", "bc", "last"], "chunks of \(size)")
            #expect(lines.map(\.offset) == [0, 3, 4, 8])
            #expect(lines.map(\.number) == [1, 2, 3, 4])
        }
    }

    @Test("a line over 1 MiB is reported by its first 200 bytes and skipped, whether it arrives whole or in pieces")
    func oversized() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: LineReader.maxLineBytes + 5000)
        let bytes = Array("first\n".utf8) + long + Array("\nafter\n".utf8)
        let expected = try readWhole(try temporaryFile(bytes))
        for size in [1 << 10, 1 << 16, bytes.count] {
            let lines = frame(bytes) { size }
            #expect(lines == expected, "chunks of \(size)")
            #expect(lines.count == 3)
            #expect(lines[1].oversized && lines[1].bytes.count == 200 && lines[1].offset == 6)
            #expect(String(decoding: lines[2].bytes, as: UTF8.self) == "after" && lines[2].number == 3)
        }
    }

    @Test("a line of exactly the limit is whole; a line one byte over is oversized")
    func limit() {
        var framer = LineFramer(maxLineBytes: 300)
        var lines: [FeedLine] = []
        let bytes = [UInt8](repeating: 65, count: 300) + [0x0A] + [UInt8](repeating: 66, count: 301) + [0x0A]
        bytes.withUnsafeBytes { _ = framer.append($0) { lines.append($0); return true } }
        #expect(lines.map(\.bytes.count) == [300, 200])
        #expect(lines.map(\.oversized) == [false, true])
        #expect(lines.map(\.offset) == [0, 301])
    }
}

@Suite("Reconnection backoff")
struct BackoffTests {
    @Test("without jitter: doubling from the initial delay up to the maximum, never past it")
    func exponential() {
        var random = SeededRandom(seed: 1)
        let backoff = Backoff(initial: 0.5, maximum: 30, jitter: 0)
        #expect((0..<9).map { backoff.delay(attempt: $0, random: &random) } == [0.5, 1, 2, 4, 8, 16, 30, 30, 30])
        #expect(backoff.delay(attempt: 10_000, random: &random) == 30)
    }

    @Test("with jitter: each delay within ±20 % of its step, and not all the same")
    func jitter() {
        var random = SeededRandom(seed: 2)
        let backoff = Backoff()
        let delays = (0..<200).map { _ in backoff.delay(attempt: 3, random: &random) }
        #expect(delays.allSatisfy { $0 >= 3.2 && $0 <= 4.8 })
        #expect(Set(delays).count > 100)
        #expect(delays.contains { $0 < 3.6 } && delays.contains { $0 > 4.4 })
    }
}
