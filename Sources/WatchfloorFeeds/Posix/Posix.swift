import Foundation

/// The few system calls the transports and the server share, each with its EINTR loop and
/// its errno turned into words. Sockets here are non-blocking and waited on with `poll` in
/// short slices, so that a stop is noticed within one slice wherever a thread waits.
enum Posix {
    /// How long one wait lasts before a thread looks at its stop signal again.
    static let sliceMilliseconds: Int32 = 100

    /// "No such file or directory", as `strerror` says it.
    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// `errorText`, lower-cased at the start to sit inside a sentence.
    static func reason(_ code: Int32) -> String {
        let text = errorText(code)
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// A new TCP socket, non-blocking and closed on exec; nil with errno set.
    static func tcpSocket(family: Int32) -> Int32? {
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        return fd
    }

    enum Readiness { case ready, timedOut, failed(Int32) }

    /// Waits up to `milliseconds` for `events` on `fd`. An error or a hang-up counts as ready:
    /// the read or write that follows reports it.
    static func wait(_ fd: Int32, for events: Int16, milliseconds: Int32 = sliceMilliseconds) -> Readiness {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        let n = poll(&entry, 1, milliseconds)
        if n > 0 { return .ready }
        if n == 0 || errno == EINTR { return .timedOut }
        return .failed(errno)
    }

    /// Writes all of `bytes` to a socket, waiting in slices while its buffer is full (a slow
    /// reader is written to at its own pace). Never raises SIGPIPE. Returns the errno of a
    /// failure (the peer went away), ECANCELED when stopped first, or nil when all was sent.
    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, stop: StopSignal) -> Int32? {
        var sent = 0
        while sent < bytes.count {
            let n = send(fd, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            if n > 0 {
                sent += n
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if stop.isStopped { return ECANCELED }
                if case let .failed(code) = wait(fd, for: Int16(POLLOUT)) { return code }
                continue
            }
            return n < 0 ? errno : EPIPE
        }
        return nil
    }

    /// Reads what is there, at most `buffer.count` bytes: the count, 0 at the end, or -errno.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress!, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { return -Int(errno) }
        }
    }
}
