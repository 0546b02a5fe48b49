import Foundation
import WatchfloorCore

/// One subscriber's copy of a recording: the file from its start, each line sent when its
/// `time` is due at the server's speed (a line without a readable time at once), then a
/// `feed.heartbeat` every `heartbeat` seconds so the feed stays up. The file is streamed
/// through a small buffer and written at the subscriber's own pace, line by line, byte for
/// byte — a line too long for the buffer goes out in pieces, paced by its head.
struct Playback: Sendable {
    let file: String
    let speed: Double?
    let heartbeat: Double
    let heartbeats: HeartbeatMaker
    /// Signs each whole line on its way out; a line too long for the buffer goes unsigned
    /// (the board refuses it for its length anyway).
    let signer: FeedSignature?

    static let bufferBytes = 64 << 10

    /// Why a playback ended early.
    enum End: Error { case stopped, unreadable(String), subscriberGone(Int32) }

    /// Plays to `fd` until the subscriber goes or the server stops; returns the lines sent
    /// and why it ended.
    func run(to fd: Int32, subscriber: Int, stop: StopSignal) -> (lines: Int, end: End) {
        var sender = Sender(fd: fd, stop: stop)
        do throws(End) {
            let last = try playRecording(&sender, stop: stop)
            let ended = SystemClock().now()
            var sequence = 0
            while stop.sleep(heartbeat) {
                sequence += 1
                let time = heartbeats.time(after: last, wallSeconds: SystemClock().now() - ended, speed: speed)
                try sender.send(signed(heartbeats.line(subscriber: subscriber, sequence: sequence, time: time)))
            }
            return (sender.lines, .stopped)
        } catch {
            return (sender.lines, error)
        }
    }

    /// Sends the file; returns the last `time` it held.
    private func playRecording(_ sender: inout Sender, stop: StopSignal) throws(End) -> Instant? {
        let fd: Int32
        do { fd = try FileOpening.open(file) } catch { throw .unreadable(error.message) }
        defer { close(fd) }
        var pacer = ReplayPacer(speed: speed, clock: InterruptibleClock(stop: stop))
        var lastTime: Instant?
        var buffer = [UInt8](repeating: 0, count: Self.bufferBytes)
        var start = 0, filled = 0
        var atEnd = false
        var midLine = false

        func readMore() throws(End) {
            // Keep what is not sent yet at the front, and fill the rest.
            if start > 0 {
                buffer.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + start, filled - start) }
                filled -= start
                start = 0
            }
            let n = buffer.withUnsafeMutableBytes { b in Posix.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: b[filled...])) }
            if n < 0 { throw .unreadable("cannot read \(file): \(Posix.errorText(Int32(-n)))") }
            if n == 0 { atEnd = true }
            filled += n
        }

        while true {
            if stop.isStopped { throw .stopped }
            if start == filled {
                if atEnd { break }
                try readMore()
                continue
            }
            var newline = Self.newline(in: buffer, start..<filled)
            if !midLine {
                // At a line's start: have its head in hand — the whole line or a full buffer — to read its time.
                while newline == nil && !atEnd && filled - start < buffer.count {
                    try readMore()
                    newline = Self.newline(in: buffer, start..<filled)
                }
                let time = buffer.withUnsafeBytes { RecordedAttribute.time(in: UnsafeRawBufferPointer(rebasing: $0[start..<(newline ?? filled)])) }
                if let time {
                    pacer.wait(for: time)
                    lastTime = max(time, lastTime ?? time)
                    if stop.isStopped { throw .stopped }
                }
            }
            let end = newline.map { $0 + 1 } ?? filled
            if signer != nil, !midLine, let newline {
                try sender.send(signed(Array(buffer[start..<newline])))
            } else if let failure = buffer.withUnsafeBytes({ sender.attempt(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }) {
                throw failure
            }
            start = end
            midLine = newline == nil
        }
        // A last line without its newline still gets one: the heartbeats come after it.
        try sender.finishLine()
        return lastTime
    }

    /// `line` (with or without its newline) as it goes out: signed when the feed is, and
    /// always ending in a newline.
    private func signed(_ line: [UInt8]) -> [UInt8] {
        guard let signer else { return line }
        var body = line
        while let last = body.last, last == 0x0A || last == 0x0D { body.removeLast() }
        return signer.sign(body) + [0x0A]
    }

    private static func newline(in buffer: [UInt8], _ range: Range<Int>) -> Int? {
        buffer.withUnsafeBytes { b in
            guard !range.isEmpty, let found = memchr(b.baseAddress! + range.lowerBound, 0x0A, range.count) else { return nil }
            return b.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }
}

/// Writes to one subscriber and counts the lines it has been sent.
private struct Sender {
    let fd: Int32
    let stop: StopSignal
    var lines = 0
    private var last: UInt8 = 0x0A

    init(fd: Int32, stop: StopSignal) {
        self.fd = fd
        self.stop = stop
    }

    /// Sends all of `bytes`; nil when done, else why not.
    mutating func attempt(_ bytes: UnsafeRawBufferPointer) -> Playback.End? {
        guard !bytes.isEmpty else { return nil }
        if let code = Posix.sendAll(fd, bytes, stop: stop) {
            return code == ECANCELED ? .stopped : .subscriberGone(code)
        }
        last = bytes[bytes.count - 1]
        if last == 0x0A { lines += 1 }
        return nil
    }

    mutating func send(_ bytes: [UInt8]) throws(Playback.End) {
        if let failure = bytes.withUnsafeBytes({ attempt($0) }) { throw failure }
    }

    mutating func finishLine() throws(Playback.End) {
        if last != 0x0A { try send([0x0A]) }
    }
}
