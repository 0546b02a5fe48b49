import Foundation
import Testing
@testable import WatchfloorFeeds

/// An event as a test compares it: lines as text where they are text.
enum Seen: Equatable, CustomStringConvertible {
    case connected
    case line(String, offset: Int, number: Int)
    case oversized(head: Int, offset: Int, number: Int)
    case disconnected(String)
    case ended

    init(_ event: FeedEvent) {
        switch event {
        case .connected: self = .connected
        case .ended: self = .ended
        case let .disconnected(reason): self = .disconnected(reason)
        case let .line(line) where line.oversized: self = .oversized(head: line.bytes.count, offset: line.offset, number: line.number)
        case let .line(line): self = .line(String(decoding: line.bytes, as: UTF8.self), offset: line.offset, number: line.number)
        }
    }

    var text: String? {
        if case let .line(text, _, _) = self { return text }
        return nil
    }

    var isDisconnected: Bool {
        if case .disconnected = self { return true }
        return false
    }

    var description: String {
        switch self {
        case .connected: "connected"
        case .ended: "ended"
        case let .disconnected(reason): "disconnected(\(reason))"
        case let .line(text, offset, number): "line \(number) @\(offset): \(text.prefix(60))"
        case let .oversized(head, offset, number): "oversized line \(number) @\(offset), head \(head)"
        }
    }
}

extension FeedHub {
    /// Takes events until `done` holds for those taken so far, or records a failure after
    /// `seconds` (a guard against hangs, not a timing assertion).
    func collect(seconds: Double = 15, max: Int = 64, sourceLocation: SourceLocation = #_sourceLocation,
                 until done: ([Event]) -> Bool) -> [Event] {
        let deadline = Date().addingTimeInterval(seconds)
        var events: [Event] = []
        while !done(events) {
            guard Date() < deadline else {
                Issue.record("gave up after \(seconds) s; last events: \(events.suffix(8).map { "\($0.feed): \(Seen($0.event))" })",
                             sourceLocation: sourceLocation)
                break
            }
            events += take(max: max, timeout: 0.1)
        }
        return events
    }

    /// Seen events of one feed, taken until `done` holds for them.
    func seen(_ feed: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
              until done: ([Seen]) -> Bool) -> [Seen] {
        collect(seconds: seconds, sourceLocation: sourceLocation) { events in
            done(events.filter { $0.feed == feed }.map { Seen($0.event) })
        }.filter { $0.feed == feed }.map { Seen($0.event) }
    }

    /// Waits (without taking anything) until the feed's queue satisfies `condition`; it polls
    /// with a task's sleep, which leaves the thread to other tests. `seconds` is a guard against
    /// a hang, not a timing assertion.
    @discardableResult
    func waitForDepth(_ feed: String, seconds: Double = 60, sourceLocation: SourceLocation = #_sourceLocation,
                      _ condition: (Depth) -> Bool) async throws -> Depth? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let depth = depth(of: feed), condition(depth) { return depth }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("the queue of \(feed) never got there: \(String(describing: depth(of: feed)))", sourceLocation: sourceLocation)
        return nil
    }
}

/// A fresh directory per test, removed with it.
final class TemporaryDirectory: @unchecked Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// Writes to a file in place, as a logging agency does: appending, or truncating first —
/// never through a temporary file and a rename, which would be a rotation.
func writeInPlace(_ path: String, _ text: String, truncate: Bool = false) throws {
    let fd = open(path, O_WRONLY | O_CREAT | (truncate ? O_TRUNC : O_APPEND), 0o644)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else { throw POSIXError(.EIO) }
}
