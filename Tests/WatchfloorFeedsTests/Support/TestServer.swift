import Foundation
import Testing

/// An agency's feed server inside a test: listens on 127.0.0.1 only (an ephemeral port unless
/// told one), accepts within a deadline, sends what the test says and hangs up when told.
final class TestServer: @unchecked Sendable {
    let fd: Int32
    let port: UInt16

    init(port wanted: UInt16 = 0, backlog: Int32 = 16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: wanted)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        self.fd = fd
        port = Self.port(of: fd)
    }

    deinit { Glibc.close(fd) }

    /// The next subscriber, or a failure after `seconds`.
    func accept(seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> TestConnection {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(seconds * 1000)) > 0 else {
            Issue.record("nobody connected to the test server within \(seconds) s", sourceLocation: sourceLocation)
            throw POSIXError(.ETIMEDOUT)
        }
        let client = Glibc.accept(fd, nil, nil)
        guard client >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return TestConnection(fd: client)
    }

    /// A port nothing listens on (it was free a moment ago): connecting to it is refused.
    static func unusedPort() throws -> UInt16 {
        let server = try TestServer()
        return server.port
    }

    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    static func port(of fd: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// One connection of the test server (or a test's subscriber): blocking sends and reads.
final class TestConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32

    init(fd: Int32) { self.fd = fd }

    /// Connects to 127.0.0.1:`port`.
    static func connect(port: UInt16) throws -> TestConnection {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = TestServer.loopback(port: port)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let code = errno
            Glibc.close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        return TestConnection(fd: fd)
    }

    deinit { close() }

    /// Sends everything; false when the other side is gone (or the connection was closed).
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        let fd = lock.withLock { self.fd }
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads until `done` holds for everything read so far, the peer closes, or `seconds` pass.
    /// Between looks at the socket it sleeps as a task, holding no thread of the shared pool.
    func read(seconds: Double, until done: ([UInt8]) -> Bool) async throws -> [UInt8] {
        let fd = lock.withLock { self.fd }
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while !done(received) && Date() < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 0) > 0 else {
                try await Task.sleep(for: .milliseconds(10))
                continue
            }
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            received += chunk[..<n]
        }
        return received
    }

    /// Hangs up; a send blocked on another thread returns false.
    func close() {
        lock.withLock {
            guard fd >= 0 else { return }
            shutdown(fd, Int32(SHUT_RDWR))
            Glibc.close(fd)
            fd = -1
        }
    }
}
