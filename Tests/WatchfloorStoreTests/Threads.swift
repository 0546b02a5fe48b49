import Foundation

/// Runs `body(0..<count)` on as many threads of their own, started together, and waits for all
/// of them; the first error any of them threw is thrown here.
func onThreads(_ count: Int, timeout: Double = 60, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let done = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    let errors = Locked<[String]>([])
    for i in 0..<count {
        done.enter()
        let thread = Thread {
            start.wait()
            do { try body(i) } catch { errors.update { $0.append("thread \(i): \(error)") } }
            done.leave()
        }
        thread.start()
    }
    for _ in 0..<count { start.signal() }
    guard done.wait(timeout: .now() + timeout) == .success else {
        throw ThreadFailure(message: "the \(count) threads did not finish in \(Int(timeout)) s")
    }
    if let first = errors.value.first { throw ThreadFailure(message: first) }
}

struct ThreadFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A value shared by test threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
