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
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = Watchfloor.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir.url
        var environment = ProcessInfo.processInfo.environment
        environment["WATCHFLOOR_HOME"] = Watchfloor.packageRoot.path
        process.environment = environment
        if let stdout {
            FileManager.default.createFile(atPath: stdout.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: stdout)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// The port from `serving FILE on 127.0.0.1:PORT`, once it is printed.
    func waitForPort(seconds: Double = 30) -> UInt16? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline && process.isRunning {
            if let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix("serving ") }),
               let port = line.split(separator: ":").last.flatMap({ UInt16($0) }) {
                return port
            }
            usleep(20_000)
        }
        return nil
    }

    /// Sends SIGTERM and returns the exit status, or nil (and kills it) if it does not exit.
    func terminate(seconds: Double = 30) -> Int32? {
        Foundation.kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
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
