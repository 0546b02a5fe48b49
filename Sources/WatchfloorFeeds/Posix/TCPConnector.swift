import Foundation

/// Opens a TCP connection without ever blocking for long: each address of the host is tried
/// in turn with a non-blocking `connect`, waited on in slices, so a stop is noticed at once
/// even while a SYN goes unanswered.
enum TCPConnector {
    enum Outcome {
        case connected(Int32)
        /// Why not, for a duty officer: "connection refused", "no answer after 10 s".
        case failed(String)
        case stopped
    }

    static func connect(host: String, port: UInt16, timeout: Double = 10, stop: StopSignal) -> Outcome {
        let addresses: [SocketAddress]
        do { addresses = try SocketAddress.resolve(host: host, port: port) } catch { return .failed(error.message) }
        var reason = "connection refused"
        for address in addresses {
            switch attempt(address, timeout: timeout, stop: stop) {
            case let .connected(fd): return .connected(fd)
            case .stopped: return .stopped
            case let .failed(why): reason = why
            }
        }
        return .failed(reason)
    }

    private static func attempt(_ address: SocketAddress, timeout: Double, stop: StopSignal) -> Outcome {
        guard let fd = Posix.tcpSocket(family: address.family) else { return .failed(Posix.reason(errno)) }
        let status = address.withSockaddr { Glibc.connect(fd, $0, $1) }
        if status == 0 { return .connected(fd) }
        guard errno == EINPROGRESS || errno == EINTR else {
            let code = errno
            close(fd)
            return .failed(Posix.reason(code))
        }
        let deadline = SystemClock().now() + timeout
        while true {
            if stop.isStopped {
                close(fd)
                return .stopped
            }
            switch Posix.wait(fd, for: Int16(POLLOUT)) {
            case .timedOut:
                if SystemClock().now() >= deadline {
                    close(fd)
                    return .failed("no answer after \(Int(timeout)) s")
                }
            case let .failed(code):
                close(fd)
                return .failed(Posix.reason(code))
            case .ready:
                var code: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
                if code == 0 { return .connected(fd) }
                close(fd)
                return .failed(Posix.reason(code))
            }
        }
    }
}
