import GRDB
import GRDBSQLite
import WatchfloorCore

/// The INSERT of log entries, bound through SQLite's C API. A replay writes two entries per
/// feed message, and GRDB's general binding (an array of boxed values, each line turned into
/// a String first) cost more than SQLite's own work. Here every value is bound straight from
/// the bytes the entry already holds, without a copy (SQLITE_STATIC: the bytes outlive the step).
struct SQLiteInsert: ~Copyable {
    private let connection: OpaquePointer
    private let statement: OpaquePointer
    /// The `at` column's text, formatted into one reused buffer.
    private var at: [UInt8] = []

    init(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the store is closed") }
        var statement: OpaquePointer?
        let sql = "INSERT INTO log_entry (seq, at, kind, actor, exercise, line, hash, prev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        let rc = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw Self.error(rc, connection) }
        self.connection = connection
        self.statement = statement
        at.reserveCapacity(32)
    }

    deinit { sqlite3_finalize(statement) }

    mutating func insert(_ e: SealedEntry) throws {
        at.removeAll(keepingCapacity: true)
        e.entry.at.appendRFC3339(to: &at)
        sqlite3_bind_int64(statement, 1, e.seq)
        sqlite3_bind_int64(statement, 5, e.entry.exercise ? 1 : 0)
        var kind = e.entry.kind.rawValue, actor = e.entry.actor, hash = e.hash, prev = e.prevHash
        let rc = at.withUnsafeBufferPointer { at in
            e.line.withUnsafeBufferPointer { line in
                kind.withUTF8 { kind in
                    actor.withUTF8 { actor in
                        hash.withUTF8 { hash in
                            prev.withUTF8 { prev in
                                bindText(2, at)
                                bindText(3, kind)
                                bindText(4, actor)
                                bindText(6, line)
                                bindText(7, hash)
                                bindText(8, prev)
                                let rc = sqlite3_step(statement)
                                // Unbinds nothing but makes the statement reusable; the
                                // pointers above die with these closures and are rebound next time.
                                sqlite3_reset(statement)
                                return rc
                            }
                        }
                    }
                }
            }
        }
        guard rc == SQLITE_DONE else { throw Self.error(rc, connection) }
    }

    private func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no address; SQLite reads a NULL pointer as NULL, not '',
        // so it gets a valid empty string instead (the schema refuses both anyway).
        let base = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
        sqlite3_bind_text(statement, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    private static func error(_ rc: Int32, _ connection: OpaquePointer) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)))
    }
}
