import Foundation
import Testing
@testable import WatchfloorFeeds

/// The hub's promises: bounded queues that push back on a fast feed without losing anything,
/// fair turns across feeds, and a prompt stop wherever the threads are waiting.
@Suite("The feed hub")
struct FeedHubTests {
    /// `count` numbered lines, each `width` bytes long with its newline.
    static func numberedLines(_ count: Int, width: Int = 100) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count * width)
        for i in 1...count {
            let number = Array("line \(i) ".utf8)
            out += number + [UInt8](repeating: UInt8(ascii: "."), count: width - number.count - 1) + [0x0A]
        }
        return out
    }

    static func number(of line: FeedLine) -> Int? {
        let words = String(decoding: line.bytes.prefix(20), as: UTF8.self).split(separator: " ")
        return words.count > 1 ? Int(words[1]) : nil
    }

    @Test("a TCP agency sending far faster than anyone takes: the queue stays at its capacity, the agency is held back, and once drained nothing is lost or reordered")
    func backpressure() async throws {
        let server = try TestServer()
        let capacity = 64
        let hub = FeedHub(feeds: [("flood", FeedURL(.tcp(host: "127.0.0.1", port: server.port)))], queueCapacity: capacity)
        hub.start()
        defer { hub.stop() }
        let connection = try server.accept()
        // 20 MB: more than the kernel's socket buffers on both sides can hold.
        let count = 200_000
        let payload = Self.numberedLines(count)
        let sent = Sent()
        Thread.detachNewThread {
            sent.done(connection.send(payload))
        }
        defer { connection.close() }

        try await hub.waitForDepth("flood") { $0.events == capacity }
        for _ in 0..<20 {
            let depth = try #require(hub.depth(of: "flood"))
            #expect(depth.events <= capacity && depth.mostEvents <= capacity, "\(depth)")
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!sent.finished, "the agency was never held back: the hub read everything it sent into memory")

        var numbers: [Int] = []
        numbers.reserveCapacity(count)
        var lines = 0
        let deadline = Date().addingTimeInterval(60)
        while lines < count && Date() < deadline {
            for event in hub.take(max: 1000, timeout: 0.1) {
                guard case let .line(line) = event.event else { continue }
                lines += 1
                numbers.append(Self.number(of: line) ?? -1)
                #expect(line.number == lines && line.offset == (lines - 1) * 100)
            }
        }
        #expect(numbers == Array(1...count))
        #expect(try #require(hub.depth(of: "flood")).mostEvents <= capacity)
        let sendDeadline = Date().addingTimeInterval(10)
        while !sent.finished && Date() < sendDeadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(sent.succeeded)
    }

    @Test("a feed of large lines is bounded in bytes too, and loses nothing once drained")
    func byteBound() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("large.jsonl")
        let count = 2000
        try Data(Self.numberedLines(count, width: 10_000)).write(to: URL(fileURLWithPath: path))
        let hub = FeedHub(feeds: [("large", FeedURL(.file(path: path, follow: false)))], queueCapacity: 100_000, queueBytes: 1 << 20)
        hub.start()
        defer { hub.stop() }
        // Full by bytes: about a hundred lines, far below the event capacity.
        let full = try await hub.waitForDepth("large") { $0.events >= 90 }
        try await Task.sleep(for: .milliseconds(100))
        let depth = try #require(hub.depth(of: "large"))
        #expect(depth.bytes <= 1 << 20 && depth.mostEvents <= 110, "\(depth), first full at \(String(describing: full))")
        let seen = hub.seen("large", seconds: 60) { $0.last == .ended }
        let numbers = seen.compactMap { if case let .line(text, _, _) = $0 { Int(text.split(separator: " ")[1]) } else { nil } }
        #expect(numbers == Array(1...count))
    }

    @Test("one feed flooding, another slow: each line of the slow feed comes out in the very next take")
    func fairness() async throws {
        let dir = try TemporaryDirectory()
        let floodPath = dir.file("flood.jsonl")
        try Data(Self.numberedLines(50_000)).write(to: URL(fileURLWithPath: floodPath))
        let server = try TestServer()
        let hub = FeedHub(feeds: [("flood", FeedURL(.file(path: floodPath, follow: false))),
                                  ("slow", FeedURL(.tcp(host: "127.0.0.1", port: server.port)))], queueCapacity: 32)
        hub.start()
        defer { hub.stop() }
        let connection = try server.accept()
        try await hub.waitForDepth("slow") { $0.events == 1 }
        try await hub.waitForDepth("flood") { $0.events == 32 }

        var slowLines: [String] = []
        for k in 1...5 {
            #expect(connection.send("slow \(k)\n"))
            try await hub.waitForDepth("slow") { $0.events >= 1 + (k == 1 ? 1 : 0) }
            let taken = hub.take(max: 4, timeout: 1)
            let slow = taken.filter { $0.feed == "slow" }.map { Seen($0.event) }
            #expect(slow.last == .line("slow \(k)", offset: (k - 1) * 7, number: k), "take \(k): \(taken.map { "\($0.feed): \(Seen($0.event))" })")
            #expect(taken.contains { $0.feed == "flood" })
            slowLines += slow.compactMap(\.text)
            // The flood is still there: the slow feed did not wait for it to run dry.
            #expect(try #require(hub.depth(of: "flood")).events > 0)
        }
        #expect(slowLines == (1...5).map { "slow \($0)" })
    }

    @Test("stop returns promptly with feeds blocked in connect, in backoff, in a read, and in handing over to a full queue")
    func stopPromptly() async throws {
        // An agency whose accept queue is full: new connections get no answer at all.
        let silent = try TestServer(backlog: 0)
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<4 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            var address = TestServer.loopback(port: silent.port)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            fillers.append(fd)
        }
        try await Task.sleep(for: .milliseconds(200))
        let quiet = try TestServer()
        let refused = try TestServer.unusedPort()
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let dir = try TemporaryDirectory()
        let floodPath = dir.file("flood.jsonl")
        try Data(Self.numberedLines(10_000)).write(to: URL(fileURLWithPath: floodPath))

        // An hour's backoff and connect timeout: a thread that missed the stop would hold it for
        // that long, so the guard below can be generous however loaded the machine is.
        let longBackoff = Backoff(initial: 3600, maximum: 3600)
        let hub = FeedHub(transports: [
            ("connecting", TCPTransport(host: "127.0.0.1", port: silent.port, backoff: longBackoff, connectTimeout: 3600)),
            ("backing off", TCPTransport(host: "127.0.0.1", port: refused, backoff: longBackoff)),
            ("reading", TCPTransport(host: "127.0.0.1", port: quiet.port, backoff: longBackoff)),
            ("stdin", ReadOnceTransport(source: .descriptor(ends[0], name: "stdin"))),
            ("flood", ReadOnceTransport(source: .path(floodPath))),
        ], queueCapacity: 8)
        hub.start()
        let reading = try quiet.accept()
        defer { reading.close() }
        try await hub.waitForDepth("backing off") { $0.events == 1 }
        try await hub.waitForDepth("reading") { $0.events == 1 }
        try await hub.waitForDepth("stdin") { $0.events == 1 }
        try await hub.waitForDepth("flood") { $0.events == 8 }
        #expect(hub.depth(of: "connecting")?.events == 0, "the silent agency answered after all")

        // A stop that hangs ends the test here, rather than hang it again below.
        try #require(try await returnsRatherThanHangs { hub.stop() }, "stop waited for a feed's connect, backoff, read or hand-over")
        #expect(hub.take(max: 10, timeout: 0).isEmpty)
        hub.stop()
    }
}

/// Whether a sender thread has finished, and how.
final class Sent: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Bool?

    func done(_ ok: Bool) { lock.withLock { result = ok } }
    var finished: Bool { lock.withLock { result != nil } }
    var succeeded: Bool { lock.withLock { result == true } }
}
