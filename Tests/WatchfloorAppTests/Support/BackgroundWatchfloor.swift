import Foundation
import Testing

/// A `watchfloor` process running in the background while a test drives it — `feed serve`,
/// `ingest` — started at once (not on the test's task pool, which blocking tests may fill),
/// its stderr in a file, its stdout in a file or nowhere, killed if a test leaves it running.
final class BackgroundWatchfloor: @unchecked Sendable {
    let process = Process()
    let stderrURL: URL

    init(_ arguments: [String], in dir: Scratch, stdout: URL? = nil) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Watchfloor.binary.path), "run `swift build --build-tests` first")
        stderrURL = dir.path("serve-\(UUID().uuidString).stderr")
        try #require(FileManager.default.createFile(atPath: stderrURL.path, contents: nil), "cannot create \(stderrURL.path)")
        process.executableURL = Watchfloor.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir.url
        var environment = ProcessInfo.processInfo.environment
        environment["WATCHFLOOR_HOME"] = Watchfloor.packageRoot.path
        process.environment = environment
        if let stdout {
            try #require(FileManager.default.createFile(atPath: stdout.path, contents: nil), "cannot create \(stdout.path)")
            process.standardOutput = try FileHandle(forWritingTo: stdout)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// The port from `serving FILE on 127.0.0.1:PORT`, once it is printed (looked for with
    /// `Task.sleep` between looks, holding no thread of the shared pool).
    func waitForPort(seconds: Double = 30) async throws -> UInt16? {
        let deadline = Date().addingTimeInterval(seconds)
        func port() -> UInt16? {
            stderr.split(separator: "\n").first { $0.hasPrefix("serving ") }
                .flatMap { $0.split(separator: ":").last.flatMap { UInt16($0) } }
        }
        while Date() < deadline && process.isRunning {
            if let port = port() { return port }
            try await Task.sleep(for: .milliseconds(20))
        }
        // One more look: a test that slept on a busy machine may wake after its deadline.
        return port()
    }

    /// Sends SIGTERM and returns the exit status, or nil (and kills it) if it does not exit.
    /// Waits with `Task.sleep`, holding no thread of the shared pool.
    func terminate(seconds: Double = 30) async throws -> Int32? {
        Foundation.kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        guard !process.isRunning else {
            kill()
            return nil
        }
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
