import Foundation

/// A thread of its own that can be joined. Each feed is read on one and each subscriber of
/// `feed serve` written to on one: a thread that blocks is the simplest backpressure there is.
final class FeedThread: @unchecked Sendable {
    private let thread: pthread_t
    private let lock = NSLock()
    private var joined = false

    private final class Start {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts `body` on a new thread; nil when the system has no thread to give.
    static func start(_ body: @escaping @Sendable () -> Void) -> FeedThread? {
        let start = Unmanaged.passRetained(Start(body))
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { raw in
            let start = Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue()
            start.body()
            return nil
        }, start.toOpaque())
        guard created == 0 else {
            start.release()
            return nil
        }
        return FeedThread(thread)
    }

    private init(_ thread: pthread_t) {
        self.thread = thread
    }

    /// Waits for the thread to finish; later calls return at once.
    func join() {
        let first: Bool = lock.withLock {
            defer { joined = true }
            return !joined
        }
        guard first else { return }
        // A thread that stops its own hub (its last reference went away on it) cannot wait
        // for itself; it is on its way out anyway.
        if pthread_equal(thread, pthread_self()) != 0 {
            pthread_detach(thread)
        } else {
            pthread_join(thread, nil)
        }
    }
}
