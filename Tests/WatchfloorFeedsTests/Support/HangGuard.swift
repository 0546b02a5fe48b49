import Foundation

/// Runs `body` on a thread of its own and says whether it returned within `seconds`. A guard
/// against a hang, not a measure of time: what it guards against (a stop that misses a thread
/// waiting in an hour's backoff, or on a day-long playback) takes far longer than any loaded
/// machine needs for the real thing. The test's task polls with a task's sleep meanwhile, so
/// it holds no thread of the shared pool.
func returnsRatherThanHangs(within seconds: Double = 60, _ body: @escaping @Sendable () -> Void) async throws -> Bool {
    let returned = Returned()
    Thread.detachNewThread {
        body()
        returned.set()
    }
    let deadline = Date().addingTimeInterval(seconds)
    while !returned.value && Date() < deadline {
        try await Task.sleep(for: .milliseconds(10))
    }
    return returned.value
}

private final class Returned: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false

    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
