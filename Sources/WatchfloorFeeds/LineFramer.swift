import Foundation

/// Cuts a byte stream that arrives in pieces — from a socket, a growing file — into lines,
/// by `LineReader`'s rules: a `\r` before the newline is dropped; a line longer than
/// `maxLineBytes` is reported by its first 200 bytes and skipped to its newline, so the
/// framer never holds more than about one maximal line.
struct LineFramer {
    static let oversizedHeadBytes = 200

    let maxLineBytes: Int
    /// The start of a line whose newline has not arrived yet.
    private var pending: [UInt8] = []
    /// Where in the stream the next line starts.
    private var lineStart = 0
    /// Bytes appended so far.
    private var consumed = 0
    /// Lines reported so far.
    private var number = 0
    /// Inside an oversized line whose head was reported: dropping bytes up to its newline.
    private var skipping = false

    init(maxLineBytes: Int = LineReader.maxLineBytes) {
        self.maxLineBytes = maxLineBytes
    }

    /// Bytes held for a line that has not ended yet.
    var heldBytes: Int { pending.count }

    /// Adds the next bytes of the stream and hands `body` every line they complete, in
    /// order. Returns false as soon as `body` does (the feed is stopping).
    mutating func append(_ chunk: UnsafeRawBufferPointer, _ body: (FeedLine) -> Bool) -> Bool {
        defer { consumed += chunk.count }
        var i = 0
        while i < chunk.count {
            let newline = Self.newline(in: chunk, from: i)
            if skipping {
                guard let newline else { return true }
                skipping = false
                i = newline + 1
                lineStart = consumed + i
                continue
            }
            guard let newline else {
                pending.append(contentsOf: chunk[i...])
                guard pending.count > maxLineBytes else { return true }
                // Too long already: report its head now and drop the rest as it comes.
                number += 1
                let line = FeedLine(bytes: Array(pending.prefix(Self.oversizedHeadBytes)), offset: lineStart, number: number, oversized: true)
                pending = []
                skipping = true
                return body(line)
            }
            number += 1
            if !body(completeLine(ending: chunk[i..<newline])) { return false }
            i = newline + 1
            lineStart = consumed + i
        }
        return true
    }

    /// The stream has ended: its last line, if it had no newline.
    mutating func finish() -> FeedLine? {
        defer { pending.removeAll() }
        guard !skipping, !pending.isEmpty else { return nil }
        number += 1
        if pending.last == 0x0D { pending.removeLast() }
        return FeedLine(bytes: pending, offset: lineStart, number: number)
    }

    /// `pending` followed by `tail`, the part of the line in the current chunk.
    private mutating func completeLine(ending tail: Slice<UnsafeRawBufferPointer>) -> FeedLine {
        let carriageReturn = (tail.last ?? pending.last) == 0x0D
        let length = pending.count + tail.count - (carriageReturn ? 1 : 0)
        var bytes: [UInt8]
        if length > maxLineBytes {
            bytes = Array(pending.prefix(Self.oversizedHeadBytes))
            bytes += tail.prefix(Self.oversizedHeadBytes - bytes.count)
        } else if pending.isEmpty {
            bytes = Array(tail.dropLast(carriageReturn ? 1 : 0))
        } else {
            bytes = pending
            bytes += tail
            if carriageReturn { bytes.removeLast() }
        }
        pending.removeAll(keepingCapacity: pending.capacity <= 1 << 16)
        return FeedLine(bytes: bytes, offset: lineStart, number: number, oversized: length > maxLineBytes)
    }

    private static func newline(in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress,
              let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}
