import Foundation

/// A file followed like `tail -F`: read from its start, then polled for more. When the path
/// comes to name another file (a log rotated), the old one is read to its end and the new one
/// from its start; when the file shrinks below what was read (truncated), it is read again
/// from its start. Either way `connected` says that numbering starts again. A last line
/// without its newline is held until the newline comes.
struct FollowTransport: FeedTransport {
    let path: String
    var pollInterval = 0.15
    var maxLineBytes = LineReader.maxLineBytes

    /// The file being read: which one (device and inode) and how far.
    private struct OpenFile {
        var fd: Int32
        var device: UInt
        var inode: UInt
        var offset = 0
    }

    private enum Drained { case atEnd, stopped, failed(Int32) }

    func run(_ outlet: FeedOutlet) {
        var file: OpenFile?
        defer { if let file { close(file.fd) } }
        var framer = LineFramer(maxLineBytes: maxLineBytes)
        var buffer = [UInt8](repeating: 0, count: feedReadBytes)
        // Said once while it stays true, not at every poll.
        var lastTrouble: String?

        func trouble(_ reason: String) -> Bool {
            defer { lastTrouble = reason }
            return reason == lastTrouble || outlet.emit(.disconnected(reason))
        }

        while !outlet.isStopped {
            guard var current = file else {
                switch open() {
                case let .success(opened):
                    file = opened
                    framer = LineFramer(maxLineBytes: maxLineBytes)
                    lastTrouble = nil
                    guard outlet.emit(.connected) else { return }
                case let .failure(reason):
                    guard trouble(reason.message), outlet.pause(pollInterval) else { return }
                }
                continue
            }
            switch drain(&current, &framer, &buffer, outlet) {
            case .stopped:
                file = current
                return
            case let .failed(code):
                close(current.fd)
                file = nil
                guard trouble("cannot read \(path): \(Posix.errorText(code))"), outlet.pause(pollInterval) else { return }
                continue
            case .atEnd:
                file = current
            }
            if rotated(current) {
                // A writer may have added to the old file just before it moved: take that too,
                // and its last line, which will never get a newline now.
                guard case .atEnd = drain(&current, &framer, &buffer, outlet) else { file = current; continue }
                if let last = framer.finish(), !outlet.emit(.line(last)) { return }
                close(current.fd)
                file = nil
                continue
            }
            if truncated(current) {
                lseek(current.fd, 0, SEEK_SET)
                current.offset = 0
                file = current
                framer = LineFramer(maxLineBytes: maxLineBytes)
                guard outlet.emit(.connected) else { return }
                continue
            }
            guard outlet.pause(pollInterval) else { return }
        }
    }

    private func open() -> Result<OpenFile, FeedError> {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            return .failure(FeedError(code == ENOENT ? "waiting for \(path) to appear" : "cannot read \(path): \(Posix.errorText(code))"))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
            close(fd)
            return .failure(FeedError("cannot follow \(path): it is a directory"))
        }
        return .success(OpenFile(fd: fd, device: UInt(info.st_dev), inode: UInt(info.st_ino)))
    }

    /// Reads to the current end of the file, handing over every line it completes.
    private func drain(_ file: inout OpenFile, _ framer: inout LineFramer, _ buffer: inout [UInt8], _ outlet: FeedOutlet) -> Drained {
        while !outlet.isStopped {
            let n = buffer.withUnsafeMutableBytes { Posix.read(file.fd, into: $0) }
            if n < 0 { return .failed(Int32(-n)) }
            if n == 0 { return .atEnd }
            file.offset += n
            let going = buffer.withUnsafeBytes { bytes in
                framer.append(UnsafeRawBufferPointer(rebasing: bytes[..<n])) { outlet.emit(.line($0)) }
            }
            if !going { return .stopped }
        }
        return .stopped
    }

    /// The path now names another file. While it names none (moved away, not yet
    /// replaced), the old file is kept: its writer may still be adding to it.
    private func rotated(_ file: OpenFile) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return UInt(info.st_dev) != file.device || UInt(info.st_ino) != file.inode
    }

    private func truncated(_ file: OpenFile) -> Bool {
        var info = stat()
        return fstat(file.fd, &info) == 0 && Int(info.st_size) < file.offset
    }
}
