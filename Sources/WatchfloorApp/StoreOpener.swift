import Foundation
import WatchfloorStore

/// Opens the store a command was given: `postgres://…` (or `postgresql://…`) is the shared
/// PostgreSQL board; anything else is the path of an embedded SQLite file. Every subcommand
/// takes either, through here.
enum StoreOpener {
    static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// `location` as messages show it: a PostgreSQL URL without its password.
    static func shown(_ location: String) -> String {
        guard isPostgres(location), let url = try? PostgresURL(parsing: location) else { return location }
        return url.description
    }

    /// Opens the store at `location`, creating a SQLite file that is not there yet (a
    /// PostgreSQL database must exist; its tables are made on first use).
    static func open(_ location: String, exitCode: Int32 = 1) throws(AppError) -> any DispatchStore {
        do {
            if isPostgres(location) { return try PostgresStore(url: try postgresURL(location)) }
            return try SQLiteStore(path: location)
        } catch {
            throw AppError(error.message, exitCode: exitCode)
        }
    }

    /// The URL with its password from `PGPASSWORD` when it names none, as PostgreSQL's own
    /// tools do: a password on the command line is visible to every user's `ps`.
    static func postgresURL(_ location: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> PostgresURL {
        var url = try PostgresURL(parsing: location)
        if url.password == nil, let password = environment["PGPASSWORD"], !password.isEmpty { url.password = password }
        return url
    }

    /// Opens a store that must already hold a board: a SQLite path that names no file is
    /// refused with `hint` rather than created empty. (A PostgreSQL URL always names a
    /// database the server either has or says it has not.)
    static func existing(_ location: String, hint: String, exitCode: Int32 = 1) throws(AppError) -> any DispatchStore {
        if !isPostgres(location), !FileManager.default.fileExists(atPath: location) {
            throw AppError("no store at \(location) — \(hint)", exitCode: exitCode)
        }
        return try open(location, exitCode: exitCode)
    }

    /// The lock that makes one ingester the writer of `site`'s feeds into the store at
    /// `location`: an advisory lock on the PostgreSQL server, or a file lock beside the SQLite file.
    static func siteLock(_ location: String, site: String) -> any SiteLock {
        if isPostgres(location), let url = try? PostgresURL(parsing: location) {
            return PostgresSiteLock(url: url, site: site)
        }
        return FileSiteLock(databasePath: location, site: site)
    }
}
