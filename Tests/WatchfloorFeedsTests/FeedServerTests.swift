import Foundation
import Testing
import WatchfloorCore
@testable import WatchfloorFeeds

/// `feed serve`'s server in process: every subscriber gets the whole recording, byte for
/// byte and paced by its times, then heartbeats; one that leaves does not disturb the others.
@Suite("The feed server")
struct FeedServerTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("demo-data/scenarios/zibo-chemical-fire.jsonl").path

    /// The received bytes cut into lines (without newlines), and whether they ended in one.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    static func object(_ line: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
    }

    @Test("two subscribers at full speed each get every line in order, then heartbeats with the recording's source and ids of their own")
    func twoSubscribers() async throws {
        let recording = try Array(Data(contentsOf: URL(fileURLWithPath: Self.scenario)))
        let expected = Self.lines(recording)
        let server = try FeedServer(file: Self.scenario, speed: nil, heartbeat: 0.05)
        let port = try server.start(port: 0)
        defer { server.stop() }

        let subscribers = try (0..<2).map { _ in try TestConnection.connect(port: port) }
        // One that leaves at once: the others must not notice.
        try TestConnection.connect(port: port).close()
        var heartbeatIDs: Set<String> = []
        for subscriber in subscribers {
            let received = try await subscriber.read(seconds: 15) { Self.lines($0).count >= expected.count + 3 }
            let lines = Self.lines(received)
            try #require(lines.count >= expected.count + 3, "got \(lines.count) lines")
            #expect(Array(lines.prefix(expected.count)) == expected)
            let lastTime = try #require(Instant(rfc3339: Self.object(expected.last!)?["time"] as? String ?? ""))
            for beat in lines.dropFirst(expected.count).prefix(3) {
                let object = try #require(Self.object(beat), "\(String(decoding: beat, as: UTF8.self))")
                #expect(object["type"] as? String == "feed.heartbeat")
                #expect(object["source"] as? String == "/sd/370300/emergency")
                #expect(object["specversion"] as? String == "1.0")
                let time = try #require(Instant(rfc3339: object["time"] as? String ?? ""))
                #expect(time >= lastTime, "a heartbeat goes on from the recording's clock")
                heartbeatIDs.insert(object["id"] as? String ?? "")
            }
        }
        #expect(heartbeatIDs.count == 6 && !heartbeatIDs.contains(""))
    }

    /// Serves `recording` at `speed` to one subscriber, for as long as `body` reads from it.
    static func subscribed(to recording: String, speed: Double, _ body: (TestConnection) async throws -> Void) async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("paced.jsonl")
        try writeInPlace(path, recording)
        let server = try FeedServer(file: path, speed: speed, heartbeat: 60)
        let port = try server.start(port: 0)
        defer { server.stop() }
        let subscriber = try TestConnection.connect(port: port)
        defer { subscriber.close() }
        try await body(subscriber)
    }

    @Test("a line is held back until its time: one due an hour later at 1× is not sent while those before it are")
    func pacingHoldsBack() async throws {
        try await Self.subscribed(to: """
            {"source":"/sd/370102/police","time":"2026-07-15T15:30:00+08:00","id":"1"}
            not even json
            {"source":"/sd/370102/police","time":"2026-07-15T16:30:00+08:00","id":"2"}

            """, speed: 1) { subscriber in
            let first = try await subscriber.read(seconds: 10) { Self.lines($0).count >= 2 }
            #expect(Self.lines(first).count == 2, "the first line and the untimed one go at once")
            // However slow the machine, an hour is not up: nothing more may come meanwhile.
            let more = try await subscriber.read(seconds: 0.5) { !Self.lines($0).isEmpty }
            #expect(Self.lines(more).isEmpty, "the line due an hour later came at once")
        }
    }

    @Test("at 20×, every line comes, in order, byte for byte: one without a readable time, and a last one without its newline")
    func pacedLinesAllCome() async throws {
        try await Self.subscribed(to: """
            {"source":"/sd/370102/police","time":"2026-07-15T15:30:00+08:00","id":"1"}
            not even json
            {"source":"/sd/370102/police","time":"2026-07-15T15:30:04+08:00","id":"2"}
            {"id":"3","time":"2026-07-15T15:30:04.000+08:00"}
            """, speed: 20) { subscriber in
            let all = Self.lines(try await subscriber.read(seconds: 30) { Self.lines($0).count >= 4 }).map { String(decoding: $0, as: UTF8.self) }
            #expect(all == [
                #"{"source":"/sd/370102/police","time":"2026-07-15T15:30:00+08:00","id":"1"}"#,
                "not even json",
                #"{"source":"/sd/370102/police","time":"2026-07-15T15:30:04+08:00","id":"2"}"#,
                #"{"id":"3","time":"2026-07-15T15:30:04.000+08:00"}"#,
            ])
        }
    }

    @Test("stop ends playbacks that are waiting for a message's time, and a subscriber that reads nothing")
    func stopsPromptly() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("slow.jsonl")
        // A day between the two lines, at real time; and a large file for the one who never reads.
        try writeInPlace(path, #"{"time":"2026-07-15T15:30:00+08:00"}"# + "\n" + #"{"time":"2026-07-16T15:30:00+08:00"}"# + "\n")
        let large = dir.file("large.jsonl")
        try Data(FeedHubTests.numberedLines(200_000)).write(to: URL(fileURLWithPath: large))
        let waiting = try FeedServer(file: path, speed: 1)
        let stuck = try FeedServer(file: large, speed: nil)
        let waitingPort = try waiting.start(port: 0)
        let stuckPort = try stuck.start(port: 0)
        let first = try TestConnection.connect(port: waitingPort)
        let second = try TestConnection.connect(port: stuckPort)
        defer { first.close(); second.close() }
        #expect(Self.lines(try await first.read(seconds: 5) { Self.lines($0).count >= 1 }).count == 1)
        try await Task.sleep(for: .milliseconds(300))

        // Without the stop reaching them, the first would wait a day and the second for ever.
        try #require(try await returnsRatherThanHangs { waiting.stop(); stuck.stop() }, "stop waited for a playback")
        let rest = try await second.read(seconds: 10) { _ in false }
        #expect(rest.count < 200_000 * 100, "the connection was closed before the whole file went")
    }

    @Test("a file that cannot be read, or a port already taken, is refused with what to do")
    func refusals() throws {
        #expect { try FeedServer(file: "/nonexistent/recording.jsonl") } throws: { "\($0)".contains("cannot read /nonexistent/recording.jsonl") }
        let server = try FeedServer(file: Self.scenario)
        let port = try server.start(port: 0)
        defer { server.stop() }
        let other = try FeedServer(file: Self.scenario)
        #expect { try other.start(port: port) } throws: { "\($0)".contains("pick another --port") }
    }
}
