import Foundation

/// Writes log lines to standard output in large blocks. When the reader goes away (a closed
/// pipe) it says so once, instead of the process dying of SIGPIPE mid-write.
public final class LogOutput {
    private var buffer: [UInt8] = []
    private let fd: Int32
    /// The reader went away (a closed pipe): stop quietly, as `head` expects.
    public private(set) var closed = false
    /// Writing failed otherwise (disk full, I/O error): the log is incomplete, which must be said.
    public private(set) var failure: String?

    public init(fd: Int32 = 1) {
        self.fd = fd
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(1 << 20)
    }

    public func write(line: [UInt8]) {
        guard !closed else { return }
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { flush() }
    }

    public func flush() {
        guard !closed, !buffer.isEmpty else { return }
        var written = 0
        buffer.withUnsafeBytes { b in
            while written < b.count {
                let n = Foundation.write(fd, b.baseAddress! + written, b.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno != EPIPE { failure = String(cString: strerror(errno)) }
                    closed = true
                    return
                }
                written += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

@available(*, unavailable)
extension LogOutput: Sendable {}
