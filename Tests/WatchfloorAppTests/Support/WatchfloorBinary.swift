import Foundation
import Testing

/// Runs the real `watchfloor` executable, as a duty officer's shell would, and captures what it
/// did: exit status, stdout and stderr (each through a file, so a large log cannot fill a pipe).
/// A run that has not finished after `timeout` seconds is killed and recorded as an issue, so a
/// hang fails the test instead of blocking the suite. The timeout is a guard, not an assertion.
enum Watchfloor {
    /// The package root: this file is `Tests/WatchfloorAppTests/Support/WatchfloorBinary.swift`.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    /// Built by `swift build --build-tests` (or `make build`).
    static let binary = packageRoot.appendingPathComponent(".build/debug/watchfloor")

    static func scenario(_ name: String) -> URL {
        packageRoot.appendingPathComponent("demo-data/scenarios/\(name).jsonl")
    }

    /// A store holding a scenario (the Jinan rainstorm unless named), replayed as training: the
    /// file `file` in `dir`, or the store `location` names (a PostgreSQL database). The log the
    /// replay printed is in `replay.log`.
    @discardableResult
    static func replayedStore(_ dir: Scratch, scenario name: String = "jinan-rainstorm", file: String = "jinan.db",
                              at location: String? = nil) async throws -> String {
        let store = location ?? dir.path(file).path
        try await succeed(
            ["replay", scenario(name).path, "--headless", "--speed", "max", "--store", store],
            in: dir.url, stdout: dir.path("replay.log")
        )
        return store
    }

    struct Outcome: Sendable {
        var arguments: [String]
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
        /// stderr split into lines, without the empty string after a final newline.
        var stderrLines: [Substring] { stderrText.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderrText.hasSuffix("\n") ? 1 : 0).map { $0 } }
        var command: String { "watchfloor " + arguments.joined(separator: " ") }
    }

    /// Runs `watchfloor ARGS...` in `directory` with `WATCHFLOOR_HOME` set to the package root
    /// and the state directory inside `directory`. With `stdout` given, the standard output is
    /// written to that file (and also returned). `environment` adds to or overrides the test's own.
    static func run(
        _ arguments: [String], in directory: URL, stdin: URL? = nil, stdout stdoutURL: URL? = nil,
        environment extra: [String: String] = [:], timeout: TimeInterval = 120, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Outcome {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "\(binary.path) is missing: run `swift build --build-tests` first", sourceLocation: sourceLocation
        )
        let tag = UUID().uuidString
        let outURL = stdoutURL ?? directory.appendingPathComponent(".stdout-\(tag)")
        let errURL = directory.appendingPathComponent(".stderr-\(tag)")
        try #require(FileManager.default.createFile(atPath: outURL.path, contents: nil), "cannot create \(outURL.path)")
        try #require(FileManager.default.createFile(atPath: errURL.path, contents: nil), "cannot create \(errURL.path)")
        defer {
            if stdoutURL == nil { try? FileManager.default.removeItem(at: outURL) }
            try? FileManager.default.removeItem(at: errURL)
        }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["WATCHFLOOR_HOME"] = packageRoot.path
        environment["XDG_STATE_HOME"] = directory.appendingPathComponent("state").path
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle

        let exit = ExitWatch()
        process.terminationHandler = { _ in exit.terminated() }
        try process.run()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { exit.killIfRunning(pid) }
        await exit.wait()
        try outHandle.close()
        try errHandle.close()
        if stdin != nil { try inHandle.close() }

        let outcome = Outcome(
            arguments: arguments, status: process.terminationStatus,
            stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL), timedOut: exit.timedOut
        )
        if outcome.timedOut {
            Issue.record("`\(outcome.command)` did not finish within \(Int(timeout)) s and was killed", sourceLocation: sourceLocation)
        }
        return outcome
    }

    /// `run`, expecting exit status 0 (with stderr in the failure message when it is not).
    @discardableResult
    static func succeed(
        _ arguments: [String], in directory: URL, stdin: URL? = nil, stdout: URL? = nil,
        environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Outcome {
        let outcome = try await run(arguments, in: directory, stdin: stdin, stdout: stdout, environment: environment, sourceLocation: sourceLocation)
        #expect(outcome.status == 0, "`\(outcome.command)` exited \(outcome.status): \(outcome.stderrText)", sourceLocation: sourceLocation)
        return outcome
    }
}

/// Waits for a child's termination, and kills it if it outlives its timeout. Set `terminated`
/// as the process's termination handler before it runs; `wait()` holds no thread meanwhile.
final class ExitWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var killed = false
    private var waiter: CheckedContinuation<Void, Never>?

    var timedOut: Bool { lock.withLock { killed } }

    func terminated() {
        let w: CheckedContinuation<Void, Never>? = lock.withLock {
            done = true
            defer { waiter = nil }
            return waiter
        }
        w?.resume()
    }

    func killIfRunning(_ pid: Int32) {
        lock.withLock {
            guard !done else { return }
            killed = true
            kill(pid, SIGKILL)
        }
    }

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let already: Bool = lock.withLock {
                if done { return true }
                waiter = c
                return false
            }
            if already { c.resume() }
        }
    }
}

/// A fresh working directory per test, removed when the test is done with it.
final class Scratch: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("watchfloor-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
