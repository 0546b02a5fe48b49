import Foundation
import GRDBSQLite

// Issue 2's replay target is 2× jq's events per second for the whole path: decode, correlate,
// hash, commit to SQLite (WAL, synchronous=FULL), log to stdout. This measures the one part no
// code of ours can make cheaper: SQLite itself storing those same log rows. It reads the rows
// a replay just wrote and inserts them again into fresh files, with the store's pragmas and
// its 4096-entry transactions, through SQLite's C API with nothing else running:
//   - `bare`: only (seq, line) — the least any store of this log must write;
//   - `schema`: the store's own log_entry table, CHECKs and chain trigger included.
// Both are floors for `watchfloor replay --store`: it does all this and the rest besides.
//   - `unsynced`: `bare` with synchronous=OFF — what even giving up durability would leave.
//
// The rows are held in memory, outside the timing: about 0.6 KB each, some 1.2 GB for the
// 1,000,000-event day's two million rows.
//
// Usage: sqlite-floor STORE.db   (prints "NAME SECONDS ROWS" for bare, schema and unsynced)

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: sqlite-floor STORE.db\n".utf8))
    exit(64)
}

/// Stops the benchmark with SQLite's own message.
func check(_ rc: Int32, _ db: OpaquePointer?, _ what: String) {
    guard rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW else { return }
    let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(rc)"
    FileHandle.standardError.write(Data("sqlite-floor: \(what): \(message)\n".utf8))
    exit(1)
}

func execute(_ db: OpaquePointer?, _ sql: String) {
    check(sqlite3_exec(db, sql, nil, nil, nil), db, sql)
}

/// One stored log row, every column as the store holds it: seq, exercise, and the text columns
/// at, kind, actor, line, hash, prev as ranges of one shared buffer (so that the insert can
/// bind them in place, as the store's own insert binds the bytes an entry already holds).
struct Row {
    var seq: Int64
    var exercise: Int64
    var texts: [Range<Int>]
}

func readRows(_ path: String) -> (rows: [Row], bytes: [UInt8], schema: [String]) {
    var db: OpaquePointer?
    check(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil), db, "open \(path)")
    defer { sqlite3_close(db) }
    var schema: [String] = []
    var statement: OpaquePointer?
    check(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE tbl_name = 'log_entry' AND sql IS NOT NULL ORDER BY type <> 'table'", -1, &statement, nil), db, "schema")
    while sqlite3_step(statement) == SQLITE_ROW { schema.append(String(cString: sqlite3_column_text(statement, 0))) }
    sqlite3_finalize(statement)
    var rows: [Row] = []
    var bytes: [UInt8] = []
    check(sqlite3_prepare_v2(db, "SELECT seq, exercise, at, kind, actor, line, hash, prev FROM log_entry ORDER BY seq", -1, &statement, nil), db, "rows")
    while sqlite3_step(statement) == SQLITE_ROW {
        let texts = (2..<8).map { (column: Int32) -> Range<Int> in
            // The text first, then its length (SQLite's advice: the length is then of that text).
            let text = sqlite3_column_text(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            let start = bytes.count
            if let text { bytes += UnsafeBufferPointer(start: text, count: count) }
            return start..<bytes.count
        }
        rows.append(Row(seq: sqlite3_column_int64(statement, 0), exercise: sqlite3_column_int64(statement, 1), texts: texts))
    }
    sqlite3_finalize(statement)
    return (rows, bytes, schema)
}

func milliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

/// Inserts every row into a fresh file beside the store; returns the seconds from open to close
/// (closing checkpoints the WAL, as the replay's close does).
func insertAll(_ rows: [Row], bytes: UnsafeBufferPointer<UInt8>, schema: [String], bare: Bool, synchronous: String, into path: String) -> Double {
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    let start = milliseconds()
    var db: OpaquePointer?
    check(sqlite3_open(path, &db), db, "open \(path)")
    execute(db, "PRAGMA page_size = 16384")
    execute(db, "PRAGMA synchronous = \(synchronous)")
    execute(db, "PRAGMA journal_mode = WAL")
    if bare {
        execute(db, "CREATE TABLE log_entry (seq INTEGER PRIMARY KEY, line BLOB NOT NULL)")
    } else {
        for sql in schema { execute(db, sql) }
    }
    let sql = bare
        ? "INSERT INTO log_entry (seq, line) VALUES (?, ?)"
        : "INSERT INTO log_entry (seq, exercise, at, kind, actor, line, hash, prev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    var statement: OpaquePointer?
    check(sqlite3_prepare_v2(db, sql, -1, &statement, nil), db, "prepare")
    let batch = 4096  // ReplayCommand.batchSize
    var index = 0
    while index < rows.count {
        execute(db, "BEGIN IMMEDIATE")
        for row in rows[index..<min(index + batch, rows.count)] {
            sqlite3_bind_int64(statement, 1, row.seq)
            // SQLITE_STATIC (nil): the shared buffer outlives every step.
            if bare {
                let line = row.texts[3]
                sqlite3_bind_blob(statement, 2, bytes.baseAddress! + line.lowerBound, Int32(line.count), nil)
            } else {
                sqlite3_bind_int64(statement, 2, row.exercise)
                for (offset, text) in row.texts.enumerated() {
                    let pointer = UnsafeRawPointer(bytes.baseAddress! + text.lowerBound).assumingMemoryBound(to: CChar.self)
                    sqlite3_bind_text(statement, Int32(3 + offset), pointer, Int32(text.count), nil)
                }
            }
            check(sqlite3_step(statement), db, "insert seq \(row.seq)")
            sqlite3_reset(statement)
        }
        execute(db, "COMMIT")
        index += batch
    }
    sqlite3_finalize(statement)
    check(sqlite3_close(db), nil, "close")
    let seconds = (milliseconds() - start) / 1000
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    return seconds
}

let (rows, bytes, schema) = readRows(arguments[1])
guard !rows.isEmpty, !schema.isEmpty else {
    FileHandle.standardError.write(Data("sqlite-floor: \(arguments[1]) holds no log rows\n".utf8))
    exit(1)
}
let scratch = arguments[1] + ".floor"
bytes.withUnsafeBufferPointer { bytes in
    for (name, bare, synchronous) in [("bare", true, "FULL"), ("schema", false, "FULL"), ("unsynced", true, "OFF")] {
        let seconds = insertAll(rows, bytes: bytes, schema: schema, bare: bare, synchronous: synchronous, into: scratch)
        print("\(name) \(String(format: "%.3f", seconds)) \(rows.count)")
    }
}
