import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the runtime loop reads between frames, so
/// that a signal ends the program the orderly way: the log flushed, the terminal restored
/// (DESIGN §5). The loop never waits longer than a frame, so it sees the flag promptly.
public final class SignalWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    public init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.note(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    public var receivedSignal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    private func note(_ number: Int32) {
        lock.lock()
        if received == nil { received = number }
        lock.unlock()
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
