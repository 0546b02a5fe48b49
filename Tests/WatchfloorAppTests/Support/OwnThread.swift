import Foundation

/// Runs `body` on a thread of its own and returns its result to the awaiting test.
///
/// For a step that must come soon after a condition: "once 200 reports are in, kill the
/// leader" must happen while the stream still runs. An async test polling with `Task.sleep`
/// resumes on the shared task pool, where tests that block (tmux, processes) can hold it for
/// tens of seconds; meanwhile a 24-second recording may end. A thread is not held back that
/// way, and the test, while it awaits, holds no pool thread either.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            Thread.current.threadDictionary[ownThreadMark] = true
            // Signals as on the pool's threads, all blocked: a SIGCHLD or SIGPIPE meant for
            // Foundation's or the runtime's own watchers must not land on this thread.
            var all = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_BLOCK, &all, nil)
            continuation.resume(with: Result { try body() })
        }.start()
    }
}

/// Marks the threads `onOwnThread` starts, so that `poll` can tell it is on one.
private let ownThreadMark = "watchfloor-tests.own-thread"

/// Polls `condition` every `interval` seconds on the calling thread until it holds or
/// `seconds` pass; returns whether it held.
///
/// It sleeps with `usleep`, blocking its thread: that is right only on a thread of its own,
/// and so it may run only inside `onOwnThread` (it stops the test otherwise). A test on the
/// shared task pool waits with `Task.sleep` instead (`TmuxScreen.waitFor`, `BackgroundWatchfloor`).
func poll(seconds: Double, every interval: Double = 0.1, _ condition: () throws -> Bool) rethrows -> Bool {
    precondition(Thread.current.threadDictionary[ownThreadMark] as? Bool == true,
                 "poll blocks its thread: call it only inside onOwnThread, or wait with Task.sleep")
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(UInt32(interval * 1_000_000))
    }
    return try condition()
}
