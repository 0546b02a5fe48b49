import Foundation

/// A file read once from start to end, or standard input: every line, the last one even
/// without its newline, then `ended`.
struct ReadOnceTransport: FeedTransport {
    enum Source: Sendable {
        case path(String)
        /// An open descriptor (standard input), read but never closed.
        case descriptor(Int32, name: String)
    }

    let source: Source
    var maxLineBytes = LineReader.maxLineBytes

    func run(_ outlet: FeedOutlet) {
        let fd: Int32
        let name: String
        switch source {
        case let .path(path):
            name = path
            do { fd = try FileOpening.open(path) } catch {
                if outlet.emit(.disconnected(error.message)) { _ = outlet.emit(.ended) }
                return
            }
        case let .descriptor(descriptor, label):
            (fd, name) = (descriptor, label)
        }
        defer { if case .path = source { close(fd) } }
        guard outlet.emit(.connected) else { return }

        var framer = LineFramer(maxLineBytes: maxLineBytes)
        var buffer = [UInt8](repeating: 0, count: feedReadBytes)
        while !outlet.isStopped {
            // A pipe or a terminal may keep us waiting; a stop must not.
            var n: Int
            switch Posix.wait(fd, for: Int16(POLLIN)) {
            case .timedOut: continue
            case let .failed(code): n = -Int(code)
            case .ready: n = buffer.withUnsafeMutableBytes { Posix.read(fd, into: $0) }
            }
            if n == -Int(EAGAIN) { continue }
            if n < 0 {
                if outlet.emit(.disconnected("cannot read \(name): \(Posix.errorText(Int32(-n)))")) { _ = outlet.emit(.ended) }
                return
            }
            if n == 0 {
                if let last = framer.finish(), !outlet.emit(.line(last)) { return }
                _ = outlet.emit(.ended)
                return
            }
            let going = buffer.withUnsafeBytes { bytes in
                framer.append(UnsafeRawBufferPointer(rebasing: bytes[..<n])) { outlet.emit(.line($0)) }
            }
            if !going { return }
        }
    }
}

/// Opening a feed file, with the reasons a duty officer can act on.
enum FileOpening {
    static func open(_ path: String) throws(FeedError) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FeedError("cannot read \(path): \(Posix.errorText(errno))") }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FeedError("cannot read \(path): it is a directory")
        }
        return fd
    }
}
