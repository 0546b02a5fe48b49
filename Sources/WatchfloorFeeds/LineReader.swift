import Foundation

/// Reads newline-delimited lines from a file descriptor in large chunks, handing each line to
/// the caller without copying it. Lines longer than `maxLineBytes` are reported as such and
/// skipped, so one hostile line cannot exhaust memory.
public struct LineReader: ~Copyable {
    public static let maxLineBytes = 1 << 20
    /// A log line: a feed message of up to 1 MiB with the entry around it.
    public static let maxLogLineBytes = 2 << 20

    private let fd: Int32
    private let closeWhenDone: Bool
    public let name: String
    /// How much one read asks for; tests make it tiny to split lines at every byte.
    private let readSize: Int
    /// Lines longer than this are reported as oversized and skipped.
    public let maxLineBytes: Int

    /// Opens a file, or standard input for `-`. Feeds keep the 1 MiB limit; logs, whose
    /// lines wrap a feed message, pass a larger one.
    public init(path: String, readSize: Int = 4 << 20, maxLineBytes: Int = LineReader.maxLineBytes) throws(FeedError) {
        self.readSize = max(1, readSize)
        self.maxLineBytes = maxLineBytes
        if path == "-" {
            fd = 0
            closeWhenDone = false
            name = "stdin"
            return
        }
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            throw FeedError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw FeedError("cannot read \(path): it is a directory")
        }
        fd = opened
        closeWhenDone = true
        name = path
    }

    deinit {
        if closeWhenDone { close(fd) }
    }

    /// One line: its bytes (without the newline, and without a `\r` before it), its byte
    /// offset and 1-based number, and whether a newline ended it.
    public struct Line {
        public var bytes: UnsafeRawBufferPointer
        public var offset: Int
        public var number: Int
        public var terminated: Bool
        /// Set when the line was longer than `maxLineBytes`; `bytes` then holds its start.
        public var oversized: Bool
    }

    /// Calls `body` for every line until the end of input or until `body` returns false.
    public func forEachLine(_ body: (Line) throws -> Bool) throws {
        var buffer = [UInt8](repeating: 0, count: min(readSize, 4 << 20) + maxLineBytes + 1)
        var filled = 0
        var consumedBefore = 0
        var number = 0
        var skippingOversized = false
        try buffer.withUnsafeMutableBytes { (buf: UnsafeMutableRawBufferPointer) throws -> Void in
            var eof = false
            while !eof {
                let n = read(fd, buf.baseAddress! + filled, min(readSize, buf.count - filled))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FeedError("cannot read \(name): \(String(cString: strerror(errno)))")
                }
                if n == 0 { eof = true }
                filled += n
                var start = 0
                var i = 0
                let view = UnsafeRawBufferPointer(buf)
                while let nl = memchrIndex(view, from: i, to: filled) {
                    if skippingOversized {
                        skippingOversized = false
                        start = nl + 1
                        i = start
                        continue
                    }
                    number += 1
                    var end = nl
                    if end > start && view[end - 1] == 0x0D { end -= 1 }
                    // A long line that happened to arrive whole is still too long.
                    let oversized = end - start > maxLineBytes
                    if oversized { end = start + 200 }
                    let line = Line(bytes: UnsafeRawBufferPointer(rebasing: view[start..<end]), offset: consumedBefore + start,
                                    number: number, terminated: !oversized, oversized: oversized)
                    if try !body(line) { return }
                    start = nl + 1
                    i = start
                }
                let pending = filled - start
                if skippingOversized {
                    consumedBefore += filled
                    filled = 0
                    continue
                }
                if pending > maxLineBytes {
                    // Report the start of the line now and skip the rest of it.
                    number += 1
                    let line = Line(bytes: UnsafeRawBufferPointer(rebasing: view[start..<(start + 200)]),
                                    offset: consumedBefore + start, number: number, terminated: false, oversized: true)
                    if try !body(line) { return }
                    skippingOversized = true
                    consumedBefore += filled
                    filled = 0
                    continue
                }
                if eof {
                    if pending > 0 {
                        number += 1
                        var end = filled
                        if view[end - 1] == 0x0D { end -= 1 }
                        let line = Line(bytes: UnsafeRawBufferPointer(rebasing: view[start..<end]), offset: consumedBefore + start,
                                        number: number, terminated: false, oversized: false)
                        _ = try body(line)
                    }
                    return
                }
                // Move the partial line to the front and read more after it.
                if start > 0 {
                    memmove(buf.baseAddress!, buf.baseAddress! + start, pending)
                    consumedBefore += start
                    filled = pending
                }
            }
        }
    }
}

private func memchrIndex(_ buf: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
    guard from < to, let base = buf.baseAddress else { return nil }
    guard let p = memchr(base + from, 0x0A, to - from) else { return nil }
    return base.distance(to: UnsafeRawPointer(p))
}

/// A feed that cannot be read, said so that the duty officer knows what to fix.
public struct FeedError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
