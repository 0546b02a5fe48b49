import Foundation
import Testing
@testable import WatchfloorFeeds

/// A TCP feed against an agency server inside the test, on 127.0.0.1.
@Suite("TCP feeds")
struct TCPFeedTests {
    /// Short and without jitter, so the reasons are predictable and the test quick.
    static let quickBackoff = Backoff(initial: 0.05, maximum: 0.2, jitter: 0)

    func hub(port: UInt16, capacity: Int = 1024) -> FeedHub {
        FeedHub(feeds: [("police", FeedURL(.tcp(host: "127.0.0.1", port: port)))], queueCapacity: capacity, backoff: Self.quickBackoff)
    }

    @Test("good lines, garbage bytes and a line over 1 MiB arrive in order with their offsets; a drop mid-line loses only that line's start, and the resent line arrives after the reconnection")
    func linesDropAndReconnect() async throws {
        let server = try TestServer()
        let hub = hub(port: server.port)
        hub.start()
        defer { hub.stop() }

        let first = try server.accept()
        let garbage: [UInt8] = [0xFF, 0xFE, 0x00, 0x1B, 0x5B, 0x32, 0x4A] + Array("garbage".utf8)
        let huge = [UInt8](repeating: UInt8(ascii: "{"), count: LineReader.maxLineBytes + 10)
        #expect(first.send(Array("good one\n".utf8) + garbage + [0x0A] + huge + Array("\ngood two\r\ncut off mid-li".utf8)))
        // The agency hangs up only once everything it sent was read, so the drop comes mid-line.
        _ = try await hub.waitForDepth("police") { $0.events >= 5 }
        first.close()

        let second = try server.accept()
        #expect(second.send("cut off mid-line\ngood three\n"))

        let seen = hub.seen("police") { $0.contains { $0.text == "good three" } }
        let hugeOffset = 9 + garbage.count + 1
        #expect(seen.count == 9, "\(seen)")
        guard seen.count == 9 else { return }
        #expect(seen[0] == .connected)
        #expect(seen[1] == .line("good one", offset: 0, number: 1))
        #expect(seen[2] == .line(String(decoding: garbage, as: UTF8.self), offset: 9, number: 2))
        #expect(seen[3] == .oversized(head: 200, offset: hugeOffset, number: 3))
        #expect(seen[4] == .line("good two", offset: hugeOffset + huge.count + 1, number: 4))
        #expect(seen[5] == .disconnected("connection closed by the agency — reconnecting in 0.1 s"))
        #expect(seen[6] == .connected)
        #expect(seen[7] == .line("cut off mid-line", offset: 0, number: 1))
        #expect(seen[8] == .line("good three", offset: 17, number: 2))
    }

    @Test("garbage bytes reach the hub exactly as sent: the transport judges no content")
    func bytesUntouched() throws {
        let server = try TestServer()
        let hub = hub(port: server.port)
        hub.start()
        defer { hub.stop() }
        let connection = try server.accept()
        let bytes = (0...255).map(UInt8.init).filter { $0 != 0x0A && $0 != 0x0D }
        #expect(connection.send(bytes + [0x0A]))
        let events = hub.collect { $0.contains { if case .line = $0.event { true } else { false } } }
        let line = events.compactMap { if case let .line(line) = $0.event { line } else { nil } }.first
        #expect(line?.bytes == bytes)
    }

    @Test("a refused connection is reported with its retry delay, retried with growing delays, and connects once the agency listens")
    func refusedThenUp() throws {
        let port = try TestServer.unusedPort()
        let hub = hub(port: port)
        hub.start()
        defer { hub.stop() }

        let refusals = hub.seen("police") { $0.count >= 3 }
        #expect(refusals.prefix(3) == [
            .disconnected("connection refused — retrying in 0.1 s"),
            .disconnected("connection refused — retrying in 0.1 s"),
            .disconnected("connection refused — retrying in 0.2 s"),
        ])

        let server = try TestServer(port: port)
        let connection = try server.accept()
        #expect(connection.send("up at last\n"))
        let seen = hub.seen("police") { $0.contains { $0.text == "up at last" } }
        let connected = try #require(seen.lastIndex(of: .connected), "\(seen)")
        #expect(seen[connected...].compactMap(\.text) == ["up at last"])
        #expect(seen[..<connected].allSatisfy { $0.isDisconnected })
    }

    @Test("localhost is reached whichever of ::1 and 127.0.0.1 it names first")
    func localhost() throws {
        let server = try TestServer()
        let hub = FeedHub(feeds: [("fire", try FeedURL(parsing: "tcp://localhost:\(server.port)"))], backoff: Self.quickBackoff)
        hub.start()
        defer { hub.stop() }
        let connection = try server.accept()
        #expect(connection.send("over localhost\n"))
        let seen = hub.seen("fire") { $0.contains { $0.text == "over localhost" } }
        #expect(seen.contains(.connected))
    }
}
