import Foundation
import WatchfloorCore
import WatchfloorStore

/// Seals entries into the chain, commits them to the store and then prints them, on a thread
/// of its own, so that the fold of the next batch runs while the last one is being hashed and
/// made durable (the machine has two cores; the fold is one). Entries reach stdout only after
/// their commit, in order.
/// A queue of at most `depth` batches bounds memory; the fold waits when it is full.
final class CommitPipeline: @unchecked Sendable {
    private let store: (any Store)?
    private let output: LogOutput
    private let condition = NSCondition()
    private var queue: [Batch] = []
    /// Where the chain continues; only the pipeline's thread touches it after `init`.
    private var chain: LogChain
    private var finished = false
    private var failure: AppError?
    private var busy = false
    /// Set by the thread as it ends; `close` waits for it.
    private var stopped = false
    private let depth = 4
    private var thread: Thread?

    init(store: (any Store)?, chain: LogChain, output: LogOutput) {
        self.store = store
        self.chain = chain
        self.output = output
        // The thread holds the pipeline until it ends, so the pipeline never dies under it.
        let thread = Thread { self.drain() }
        thread.name = "watchfloor-commit"
        self.thread = thread
        thread.start()
    }

    /// Entries the pipeline seals itself (a headless replay), or entries already sealed by
    /// the caller (the board's console seals on its own thread, because an operator's command
    /// and another console's entries must link into the chain it shows).
    private enum Batch {
        case unsealed([LogEntry])
        case sealed([SealedEntry])
    }

    /// Hands over a batch, in the order the board applied it; throws the first commit failure
    /// seen so far.
    func submit(_ batch: [LogEntry]) throws(AppError) {
        try enqueue(.unsealed(batch))
    }

    /// Hands over entries the caller sealed; the pipeline's own chain is then not used.
    func submit(sealed batch: [SealedEntry]) throws(AppError) {
        try enqueue(.sealed(batch))
    }

    private func enqueue(_ batch: Batch) throws(AppError) {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
    }

    /// Waits until everything handed over is committed and printed.
    func flush() throws(AppError) {
        condition.lock()
        defer { condition.unlock() }
        while (!queue.isEmpty || busy) && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Flushes, then stops the thread and waits for it to end.
    func close() throws(AppError) {
        defer {
            condition.lock()
            finished = true
            condition.broadcast()
            while !stopped { condition.wait() }
            condition.unlock()
            thread = nil
        }
        try flush()
    }

    /// Set by the thread when stdout's reader has gone away.
    private var outputClosed = false

    var readerGone: Bool {
        condition.lock()
        defer { condition.unlock() }
        return outputClosed
    }

    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty && !finished { condition.wait() }
            if queue.isEmpty && finished {
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let next = queue.removeFirst()
            busy = true
            condition.unlock()
            var batch: [SealedEntry] = []
            switch next {
            case .sealed(let sealed):
                batch = sealed
            case .unsealed(let entries):
                batch.reserveCapacity(entries.count)
                for e in entries { batch.append(chain.seal(e)) }
            }
            var problem: AppError?
            if let store {
                do { try store.append(batch) } catch { problem = AppError(error.message) }
            }
            if problem == nil {
                for e in batch { output.write(line: e.line) }
                output.flush()
                if let reason = output.failure {
                    let kept = store == nil ? "" : "; the store has every entry (watchfloor log cat)"
                    problem = AppError("cannot write the log to stdout: \(reason)\(kept)")
                }
            }
            condition.lock()
            busy = false
            outputClosed = output.closed
            if let problem, failure == nil {
                failure = problem
                // Nothing after a failed batch may be committed out of order.
                queue.removeAll()
            }
            condition.broadcast()
            condition.unlock()
        }
    }
}
