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

    /// Runs the script and waits for it with `waitpid`, its stdout in a file. Not `Process`
    /// with a pipe: the server the script starts would inherit the pipe and hold it open, so the
    /// read would never end; nor the test runner's blocked signals, which the server must hear.
    @discardableResult
    private static func script(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("test-postgres-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let argv = ["/bin/bash", Watchfloor.packageRoot.appendingPathComponent("scripts/test-postgres.sh").path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
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
