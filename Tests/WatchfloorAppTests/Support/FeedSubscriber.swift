import Foundation

/// A subscriber of `watchfloor feed serve`: a plain TCP connection to 127.0.0.1, read within
/// deadlines so a test never hangs on it.
final class FeedSubscriber {
    private let fd: Int32
    private(set) var received: [UInt8] = []
    /// The server closed the connection.
    private(set) var closed = false

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let code = errno
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    deinit { close(fd) }

    /// The complete lines received so far, without their newlines.
    var lines: [Data] {
        received.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Data($0) }
    }

    /// Reads until `done` holds, the server closes, or `seconds` pass; returns whether `done` held.
    /// The socket is only polled, never waited on: between looks the test sleeps with
    /// `Task.sleep`, holding no thread of the shared pool.
    @discardableResult
    func read(seconds: Double, until done: (FeedSubscriber) -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while !done(self) && !closed && Date() < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 0) > 0 else {
                try await Task.sleep(for: .milliseconds(20))
                continue
            }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 {
                closed = true
            } else {
                received += chunk[..<n]
            }
        }
        return done(self)
    }
}
