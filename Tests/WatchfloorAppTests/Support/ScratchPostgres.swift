import Foundation
import Testing

/// A fresh, empty PostgreSQL database on the test server for one test, dropped when the test
/// is done with it (hold it in the test, like `Scratch`). The server is the one `make test`
/// starts (scripts/test-postgres.sh) and names in WATCHFLOOR_TEST_POSTGRES; without it the
/// test fails, never skips. Made and dropped with `psql`, as an administrator would, so these
/// end-to-end tests reach PostgreSQL only through the `watchfloor` binary and the server.
final class ScratchPostgres: @unchecked Sendable {
    /// `postgres://…/t_<uuid>`: what `--store` is given.
    let url: String
    private let server: String
    private let name: String

    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let server = try #require(
            ProcessInfo.processInfo.environment["WATCHFLOOR_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 },
            "WATCHFLOOR_TEST_POSTGRES is not set: `make test` starts a PostgreSQL server and sets it (by hand: eval \"$(scripts/test-postgres.sh start)\")",
            sourceLocation: sourceLocation
        )
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try Self.psql(server, "CREATE DATABASE \(name)")
        self.server = server
        self.name = name
        // The server URL ends in /watchfloor: the same server, another database.
        url = server.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(name)", options: .regularExpression)
    }

    /// Runs `sql` on the database and returns what psql printed (unaligned, tuples only).
    @discardableResult
    func query(_ sql: String) throws -> String {
        try Self.psql(url, sql)
    }

    deinit {
        // FORCE ends the connections of consoles and ingesters a test left running.
        _ = try? Self.psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    @discardableResult
    private static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PsqlFailed(sql: sql, message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct PsqlFailed: Error, CustomStringConvertible {
        var sql: String
        var message: String
        var description: String { "psql could not run `\(sql)`: \(message)" }
    }
}
