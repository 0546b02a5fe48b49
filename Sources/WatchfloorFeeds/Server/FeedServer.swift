import Foundation
import WatchfloorCore

/// `watchfloor feed serve`: plays a recorded feed (CloudEvents JSON Lines) to any number of
/// TCP subscribers, for training and tests. Each subscriber gets the whole file from its
/// start on a thread of its own, paced by the messages' times, then heartbeats; a slow one
/// is written to at its own pace and one that leaves ends only its own playback.
public final class FeedServer: @unchecked Sendable {
    public let file: String
    public let host: String
    private let playback: Playback
    /// Told of subscribers coming and going, one line each.
    private let notice: @Sendable (String) -> Void

    private let stopSignal = StopSignal()
    // Guarded by `lock`.
    private let lock = NSLock()
    private var listener: Listener?
    private var acceptThread: FeedThread?
    private var connections: [Int: Int32] = [:]
    private var playbacks: [Int: FeedThread] = [:]
    private var finished: [Int] = []
    private var subscribersSoFar = 0

    /// `speed` is a multiple of real time, nil for as fast as each subscriber takes it;
    /// `heartbeat` the seconds between heartbeats once the recording is over. The file must
    /// be readable now: its first line from an agency gives the heartbeats their `source`.
    /// With `signer`, every whole line and heartbeat goes out signed (`wfsignature`), as a
    /// gateway of a signed feed sends it.
    public init(
        file: String, host: String = "127.0.0.1", speed: Double? = 1, heartbeat: Double = 10,
        signer: FeedSignature? = nil, notice: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(FeedError) {
        self.file = file
        self.host = host
        self.notice = notice
        let firstLine = try Self.firstAgencyLine(of: file)
        let heartbeats = firstLine.withUnsafeBytes {
            HeartbeatMaker(firstLine: $0, idPrefix: "feed-serve-\(UUID().uuidString.prefix(8).lowercased())")
        }
        playback = Playback(file: file, speed: speed, heartbeat: max(0.01, heartbeat), heartbeats: heartbeats, signer: signer)
    }

    deinit {
        stop()
    }

    /// Listens on `port` (0: any free one) and starts taking subscribers; returns the port.
    @discardableResult
    public func start(port: UInt16) throws(FeedError) -> UInt16 {
        let listener = try Listener(host: host, port: port)
        lock.lock()
        defer { lock.unlock() }
        guard self.listener == nil, !stopSignal.isStopped else {
            listener.close()
            throw FeedError("this feed server was already started")
        }
        self.listener = listener
        guard let thread = FeedThread.start({ [self] in acceptSubscribers(listener) }) else {
            listener.close()
            throw FeedError("cannot start a thread to take subscribers: \(Posix.errorText(errno))")
        }
        acceptThread = thread
        return listener.port
    }

    /// The port it listens on, once started.
    public var port: UInt16? {
        lock.withLock { listener?.port }
    }

    /// Stops listening, ends every playback and closes its connection, and waits for the
    /// threads, within about a tenth of a second. Later calls do nothing.
    public func stop() {
        stopSignal.stop()
        // Wakes a playback blocked on a subscriber that has stopped reading.
        lock.withLock { for fd in connections.values { shutdown(fd, Int32(SHUT_RDWR)) } }
        let accepting = lock.withLock { () -> FeedThread? in
            defer { acceptThread = nil }
            return acceptThread
        }
        accepting?.join()
        let playing = lock.withLock { () -> [FeedThread] in
            defer { playbacks = [:] }
            return Array(playbacks.values)
        }
        for thread in playing { thread.join() }
    }

    private func acceptSubscribers(_ listener: Listener) {
        defer { listener.close() }
        var lastFailure: Int32?
        while !stopSignal.isStopped {
            reapFinished()
            switch listener.accept() {
            case .nothingYet:
                continue
            case let .failed(code):
                // Out of descriptors, say: say so once, wait a little, and go on serving the others.
                if code != lastFailure { notice("cannot take a new subscriber: \(Posix.errorText(code))") }
                lastFailure = code
                _ = stopSignal.sleep(0.5)
            case let .subscriber(fd):
                lastFailure = nil
                startPlayback(fd)
            }
        }
    }

    private func startPlayback(_ fd: Int32) {
        let peer = SocketAddress.peer(of: fd)
        lock.lock()
        defer { lock.unlock() }
        subscribersSoFar += 1
        let number = subscribersSoFar
        // Started under the lock, so the thread cannot finish before it is on the books.
        guard let thread = FeedThread.start({ [self] in play(to: fd, number: number, peer: peer) }) else {
            notice("cannot serve \(peer): no thread to give it (\(Posix.errorText(errno)))")
            close(fd)
            return
        }
        connections[number] = fd
        playbacks[number] = thread
        notice("subscriber \(number) (\(peer)) connected")
    }

    private func play(to fd: Int32, number: Int, peer: String) {
        let (lines, end) = playback.run(to: fd, subscriber: number, stop: stopSignal)
        switch end {
        case .stopped: break
        case let .subscriberGone(code): notice("subscriber \(number) (\(peer)) left after \(lines) lines: \(Posix.reason(code))")
        case let .unreadable(reason): notice("subscriber \(number) (\(peer)) cut off after \(lines) lines: \(reason)")
        }
        lock.withLock {
            close(fd)
            connections[number] = nil
            finished.append(number)
        }
    }

    /// Joins the threads of playbacks that ended, so a long-running server does not collect them.
    private func reapFinished() {
        let done = lock.withLock { () -> [FeedThread] in
            defer { finished = [] }
            return finished.compactMap { playbacks.removeValue(forKey: $0) }
        }
        for thread in done { thread.join() }
    }

    /// The first line an agency sent: a training scenario's expectations come first, from
    /// its training office, and a heartbeat in their name would be refused as no agency's.
    private static func firstAgencyLine(of file: String) throws(FeedError) -> [UInt8] {
        let reader = try LineReader(path: file, readSize: 64 << 10)
        var first: [UInt8] = []
        do {
            try reader.forEachLine { line in
                first = Array(line.bytes)
                let type = RecordedAttribute.rawString("type", in: line.bytes).map { String(decoding: $0, as: UTF8.self) }
                return type == "training.expectations"
            }
        } catch {
            throw (error as? FeedError) ?? FeedError("cannot read \(file): \(error)")
        }
        return first
    }
}
