import Foundation

/// A listening TCP socket, non-blocking, accepted from in slices so a stop is noticed.
struct Listener: Sendable {
    let fd: Int32
    let port: UInt16

    init(host: String, port: UInt16) throws(FeedError) {
        let addresses = try SocketAddress.resolve(host: host, port: port, passive: true)
        let place = "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        var failure = "no address"
        for address in addresses {
            guard let fd = Posix.tcpSocket(family: address.family) else {
                failure = Posix.errorText(errno)
                continue
            }
            var on: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
            if address.withSockaddr({ bind(fd, $0, $1) }) == 0, Glibc.listen(fd, 64) == 0,
               let bound = SocketAddress.boundPort(of: fd) {
                self.fd = fd
                self.port = bound
                return
            }
            let code = errno
            Glibc.close(fd)
            failure = Posix.errorText(code) + Self.advice(code)
        }
        throw FeedError("cannot listen on \(place): \(failure)")
    }

    private static func advice(_ code: Int32) -> String {
        switch code {
        case EADDRINUSE: " — another program (another feed serve?) has that port; pick another --port, or --port 0 for any free one"
        case EACCES: " — ports below 1024 need privileges; pick --port 1024 or above"
        case EADDRNOTAVAIL: " — this machine has no such address; --host 127.0.0.1 listens on this machine only"
        default: ""
        }
    }

    enum Accepted { case subscriber(Int32), nothingYet, failed(Int32) }

    /// A new connection, non-blocking, or nothing after one wait slice.
    func accept() -> Accepted {
        switch Posix.wait(fd, for: Int16(POLLIN)) {
        case .timedOut: return .nothingYet
        case let .failed(code): return .failed(code)
        case .ready: break
        }
        let client = Glibc.accept(fd, nil, nil)
        if client >= 0 {
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
            return .subscriber(client)
        }
        // Gone before we took it, or a signal: not the listener's fault.
        if [EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED, EPROTO].contains(errno) { return .nothingYet }
        return .failed(errno)
    }

    func close() { _ = Glibc.close(fd) }
}
