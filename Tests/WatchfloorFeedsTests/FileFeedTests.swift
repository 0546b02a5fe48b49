import Foundation
import Testing
@testable import WatchfloorFeeds

/// Files read once, standard input, and files followed like `tail -F`.
@Suite("File feeds")
struct FileFeedTests {
    @Test("a file read once: every line, the last one without its newline too, then ended")
    func readOnce() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("police.jsonl")
        try writeInPlace(path, "one\ntwo\r\nthree")
        let hub = FeedHub(feeds: [("police", try FeedURL(parsing: path))])
        hub.start()
        defer { hub.stop() }
        let seen = hub.seen("police") { $0.last == .ended }
        #expect(seen == [
            .connected, .line("one", offset: 0, number: 1), .line("two", offset: 4, number: 2),
            .line("three", offset: 9, number: 3), .ended,
        ])
    }

    @Test("a missing file read once says it cannot be read and why, then ends; so does a directory")
    func unreadable() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.file("nowhere.jsonl")
        let hub = FeedHub(feeds: [("fire", FeedURL(.file(path: missing, follow: false))), ("urban", FeedURL(.file(path: dir.path, follow: false)))])
        hub.start()
        defer { hub.stop() }
        let events = hub.collect { $0.filter { if case .ended = $0.event { true } else { false } }.count == 2 }
        #expect(events.filter { $0.feed == "fire" }.map { Seen($0.event) } == [.disconnected("cannot read \(missing): No such file or directory"), .ended])
        #expect(events.filter { $0.feed == "urban" }.map { Seen($0.event) } == [.disconnected("cannot read \(dir.path): it is a directory"), .ended])
    }

    @Test("standard input (here a pipe, written in pieces with pauses) is read as it comes, to its end")
    func pipeLikeStdin() async throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        let hub = FeedHub(transports: [("weather", ReadOnceTransport(source: .descriptor(readEnd, name: "stdin")))])
        hub.start()
        defer { hub.stop() }
        for piece in ["first li", "ne\nsecond line\nthi", "rd"] {
            #expect(write(writeEnd, piece, piece.utf8.count) == piece.utf8.count)
            try await Task.sleep(for: .milliseconds(50))
        }
        close(writeEnd)
        let seen = hub.seen("weather") { $0.last == .ended }
        #expect(seen == [
            .connected, .line("first line", offset: 0, number: 1), .line("second line", offset: 11, number: 2),
            .line("third", offset: 23, number: 3), .ended,
        ])
    }

    @Test("a followed file: waited for until it appears, read as it grows (a partial line held to its newline), through a rotation and a truncation")
    func follow() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("transport.jsonl")
        let hub = FeedHub(feeds: [("transport", try FeedURL(parsing: "file:\(path)?follow"))])
        hub.start()
        defer { hub.stop() }
        var seen: [Seen] = []
        // Takes the events that come next, until `done` holds for them.
        func until(_ done: ([Seen]) -> Bool) {
            seen += hub.seen("transport", until: done)
        }

        // Not there yet: said once, however long it takes.
        until { $0.count == 1 }
        try await Task.sleep(for: .milliseconds(500))
        try writeInPlace(path, "a\nb\n")
        until { $0.contains { $0.text == "b" } }
        #expect(seen == [.disconnected("waiting for \(path) to appear"), .connected, .line("a", offset: 0, number: 1), .line("b", offset: 2, number: 2)])

        // Growing, with a line written in two goes.
        try writeInPlace(path, "c\npart")
        until { $0.contains { $0.text == "c" } }
        try await Task.sleep(for: .milliseconds(400))
        try writeInPlace(path, "ial\n")
        until { $0.contains { $0.text == "partial" } }
        #expect(seen.suffix(2) == [.line("c", offset: 4, number: 3), .line("partial", offset: 6, number: 4)])

        // Rotated: the old file gets one more line after the move, then a new file takes its place.
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        try writeInPlace(path + ".1", "old tail\n")
        try writeInPlace(path, "new one\n")
        until { $0.contains { $0.text == "new one" } }
        #expect(seen.suffix(3) == [.line("old tail", offset: 14, number: 5), .connected, .line("new one", offset: 0, number: 1)])

        // Truncated in place and written again from the start.
        try writeInPlace(path, "new two\n")
        until { $0.contains { $0.text == "new two" } }
        try writeInPlace(path, "t\n", truncate: true)
        until { $0.contains { $0.text == "t" } }
        #expect(seen.suffix(3) == [.line("new two", offset: 8, number: 2), .connected, .line("t", offset: 0, number: 1)])

        // Nothing was reported twice, and nothing ended: a followed file never does.
        #expect(seen.compactMap(\.text) == ["a", "b", "c", "partial", "old tail", "new one", "new two", "t"])
        #expect(!seen.contains(.ended))
    }
}
