import Foundation
import Testing
import WatchfloorFeeds

@Suite("Line framing")
struct LineReaderTests {
    struct Seen: Equatable {
        var bytes: [UInt8]
        var offset: Int
        var number: Int
        var terminated: Bool
        var oversized: Bool
    }

    func read(_ path: String, readSize: Int) throws -> [Seen] {
        let reader = try LineReader(path: path, readSize: readSize)
        var seen: [Seen] = []
        try reader.forEachLine { line in
            seen.append(Seen(bytes: Array(line.bytes), offset: line.offset, number: line.number,
                             terminated: line.terminated, oversized: line.oversized))
            return true
        }
        return seen
    }

    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("demo-data/scenarios/jinan-rainstorm.jsonl").path

    @Test("a scenario read whole, byte by byte and in odd chunks gives the same lines and offsets", arguments: [1, 2, 7, 4093])
    func chunking(readSize: Int) throws {
        let whole = try read(Self.scenario, readSize: 1 << 22)
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.scenario))
        #expect(whole.count == data.split(separator: 0x0A).count)
        #expect(try read(Self.scenario, readSize: readSize) == whole)
        // Offsets point at the start of each line in the file.
        for line in whole.prefix(20) {
            #expect(Array(data[line.offset..<(line.offset + line.bytes.count)]) == line.bytes)
        }
    }

    @Test("CRLF endings, a last line without newline and empty lines are framed as such")
    func edges() throws {
        let path = try temporaryFile(Array("a\r\n\nbc\nlast".utf8))
        let seen = try read(path, readSize: 3)
        #expect(seen.map { String(decoding: $0.bytes, as: UTF8.self) } == ["a", "", "bc", "last"])
        #expect(seen.map(\.offset) == [0, 3, 4, 7])
        #expect(seen.map(\.terminated) == [true, true, true, false])
    }

    @Test("a line over 1 MiB is reported by its start and skipped; the next line still arrives")
    func oversized() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: LineReader.maxLineBytes + 5000)
        let path = try temporaryFile(Array("first\n".utf8) + long + Array("\nafter\n".utf8))
        for size in [1 << 16, 1 << 22] {
            let seen = try read(path, readSize: size)
            #expect(seen.count == 3)
            #expect(seen[1].oversized && seen[1].bytes.count == 200 && seen[1].offset == 6)
            #expect(String(decoding: seen[2].bytes, as: UTF8.self) == "after")
            #expect(seen[2].number == 3)
        }
    }

    @Test("a missing file is an error that names it")
    func missing() {
        #expect {
            _ = try LineReader(path: "/nonexistent/feed.jsonl")
        } throws: { error in
            "\(error)".contains("/nonexistent/feed.jsonl")
        }
    }
}
