import Foundation

/// A TCP feed: newline-delimited lines from `host:port`, reconnected with backoff whenever
/// the connection is refused, fails or is closed. A line cut off by a disconnect is dropped:
/// the agency sends it again, and the board's duplicate check sees to the rest (DESIGN §5).
struct TCPTransport: FeedTransport {
    let host: String
    let port: UInt16
    var backoff = Backoff()
    var connectTimeout = 10.0
    var maxLineBytes = LineReader.maxLineBytes

    func run(_ outlet: FeedOutlet) {
        var random = SystemRandomNumberGenerator()
        var attempt = 0
        var buffer = [UInt8](repeating: 0, count: feedReadBytes)
        while !outlet.isStopped {
            let reason: String
            let verb: String
            switch TCPConnector.connect(host: host, port: port, timeout: connectTimeout, stop: outlet.stop) {
            case .stopped:
                return
            case let .failed(why):
                (reason, verb) = (why, "retrying")
            case let .connected(fd):
                Self.keepAlive(fd)
                guard outlet.emit(.connected) else {
                    close(fd)
                    return
                }
                let session = read(fd, &buffer, outlet)
                close(fd)
                guard let why = session.end else { return }
                // A connection that brought something is a fresh start; one that closed at once
                // is an agency in trouble, and calling it back at once would only add to it.
                if session.delivered { attempt = 0 }
                (reason, verb) = (why, "reconnecting")
            }
            let delay = backoff.delay(attempt: attempt, random: &random)
            attempt += 1
            guard outlet.emit(.disconnected("\(reason) — \(verb) in \(String(format: "%.1f", delay)) s")),
                  outlet.pause(delay) else { return }
        }
    }

    /// Reads lines until the connection ends; `end` is why, nil when stopped.
    private func read(_ fd: Int32, _ buffer: inout [UInt8], _ outlet: FeedOutlet) -> (end: String?, delivered: Bool) {
        var framer = LineFramer(maxLineBytes: maxLineBytes)
        var delivered = false
        while !outlet.isStopped {
            var n: Int
            switch Posix.wait(fd, for: Int16(POLLIN)) {
            case .timedOut: continue
            case let .failed(code): n = -Int(code)
            case .ready: n = buffer.withUnsafeMutableBytes { Posix.read(fd, into: $0) }
            }
            if n == -Int(EAGAIN) { continue }
            if n == 0 { return ("connection closed by the agency", delivered) }
            if n < 0 { return ("connection lost: \(Posix.reason(Int32(-n)))", delivered) }
            let going = buffer.withUnsafeBytes { bytes in
                framer.append(UnsafeRawBufferPointer(rebasing: bytes[..<n])) { line in
                    delivered = true
                    return outlet.emit(.line(line))
                }
            }
            if !going { return (nil, delivered) }
        }
        return (nil, delivered)
    }

    /// A peer that vanished without a word (a cable cut, a NAT that forgot us) is noticed
    /// within about a minute, instead of a feed that looks merely quiet for ever.
    private static func keepAlive(_ fd: Int32) {
        var on: Int32 = 1, idle: Int32 = 30, interval: Int32 = 10, count: Int32 = 3
        let size = socklen_t(MemoryLayout<Int32>.size)
        setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, size)
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_KEEPIDLE, &idle, size)
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_KEEPINTVL, &interval, size)
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_KEEPCNT, &count, size)
    }
}
