import Foundation
import Testing

/// A PostgreSQL server of one test's own, started with scripts/test-postgres.sh, for a test
/// that restarts it: the shared server other tests use in parallel is never disturbed. Stopped
/// (and its directory removed) when the test lets it go.
final class OwnPostgresServer: @unchecked Sendable {
    /// `postgres://…/watchfloor`: the server's own database, for `--store`.
    let url: String
    let directory: String

    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let exports = try Self.script(["start"])
        func exported(_ name: String) -> String? {
            exports.split(separator: "\n").first { $0.hasPrefix("export \(name)=") }
                .map { String($0.dropFirst("export \(name)=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
        }
        url = try #require(exported("WATCHFLOOR_TEST_POSTGRES"), "test-postgres.sh start printed: \(exports)", sourceLocation: sourceLocation)
        directory = try #require(exported("WATCHFLOOR_TEST_POSTGRES_DIR"), sourceLocation: sourceLocation)
    }

    /// `pg_ctl restart -m fast`: every client is disconnected; the server is back, on the same
    /// port, when this returns.
    func restart() throws {
        try Self.script(["restart", directory])
    }

    deinit {
        _ = try? Self.script(["stop", directory])
    }

    /// Runs the script to its end and returns its stdout (`Spawn`: the server it starts must
    /// neither hold the test's descriptors nor inherit its blocked signals).
    @discardableResult
    private static func script(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("test-postgres-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let argv = ["/bin/bash", Watchfloor.packageRoot.appendingPathComponent("scripts/test-postgres.sh").path] + arguments
        let status = try Spawn.run(argv, stdout: output)
        // WEXITSTATUS: the exit code is in the second byte of the status.
        let exitCode = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitCode == 0 else { throw ScriptFailed(arguments: arguments, status: status & 0x7F == 0 ? exitCode : 128 + (status & 0x7F)) }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    struct ScriptFailed: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var description: String { "scripts/test-postgres.sh \(arguments.joined(separator: " ")) exited \(status)" }
    }
}
