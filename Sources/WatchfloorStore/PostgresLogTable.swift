import PostgresNIO
import WatchfloorCore

/// Reads and writes `log_entry`, for the store and for its transactions alike.
enum PostgresLogTable {
    /// Lines are read this many at a time, so that reading a long log from its start never
    /// holds it all in memory (the driver collects a query's rows before it answers).
    static let page = 2_000

    static func head(_ session: PostgresSession, _ access: PostgresFailure.Access) throws(StoreError) -> LogChain {
        let rows = try session.query("SELECT seq, hash FROM log_entry ORDER BY seq DESC LIMIT 1", access)
        guard let row = rows.first else { return LogChain() }
        let (seq, hash) = try decode(row, as: (Int64, String).self, session.url)
        return LogChain(nextSeq: seq + 1, head: hash)
    }

    /// Up to `page` lines from `seq` on. The committed log is always a gapless prefix (an entry
    /// can only follow a committed one), so reading it page by page, even in separate
    /// transactions, never skips a line.
    static func lines(from seq: Int64, _ session: PostgresSession, _ access: PostgresFailure.Access) throws(StoreError) -> [StoredLine] {
        let rows = try session.query("SELECT seq, line, hash FROM log_entry WHERE seq >= \(seq) ORDER BY seq LIMIT \(page)", access)
        var lines: [StoredLine] = []
        lines.reserveCapacity(rows.count)
        for row in rows {
            let (seq, line, hash) = try decode(row, as: (Int64, ByteBuffer, String).self, session.url)
            lines.append(StoredLine(seq: seq, line: Array(line.readableBytesView), hash: hash))
        }
        return lines
    }

    /// Calls `body` with each line from `seq` on, a page at a time from `fetch`.
    static func forEachLine(from seq: Int64, fetch: (Int64) throws -> [StoredLine], _ body: (StoredLine) throws -> Void) throws {
        var next = seq
        while true {
            let lines = try fetch(next)
            for line in lines { try body(line) }
            guard lines.count == page, let last = lines.last else { return }
            next = last.seq + 1
        }
    }

    /// Inserts `entries` in one statement; the schema refuses any that do not continue the chain.
    /// Then tells listeners on `watchfloor_log` the new last seq: PostgreSQL delivers it at
    /// COMMIT, and not at all if the transaction rolls back.
    static func append(_ entries: [SealedEntry], _ session: PostgresSession) throws(StoreError) {
        guard let last = entries.last else { return }
        var seqs: [Int64] = [], ats: [Int64] = [], kinds: [String] = [], actors: [String] = []
        var exercises: [Bool] = [], lines: [ByteBuffer] = [], hashes: [String] = [], prevs: [String] = []
        for e in entries {
            seqs.append(e.seq)
            ats.append(e.entry.at.milliseconds)
            kinds.append(e.entry.kind.rawValue)
            actors.append(e.entry.actor)
            exercises.append(e.entry.exercise)
            lines.append(ByteBuffer(bytes: e.line))
            hashes.append(e.hash)
            prevs.append(e.prevHash)
        }
        try session.query("""
            INSERT INTO log_entry (seq, at, kind, actor, exercise, line, hash, prev)
            SELECT seq, to_timestamp(at_ms / 1000.0), kind, actor, exercise, line, hash, prev
            FROM unnest(\(seqs)::int8[], \(ats)::int8[], \(kinds)::text[], \(actors)::text[],
                        \(exercises)::bool[], \(lines)::bytea[], \(hashes)::text[], \(prevs)::text[])
                 AS e (seq, at_ms, kind, actor, exercise, line, hash, prev)
            ORDER BY seq
            """, .write)
        try session.query("SELECT pg_notify('watchfloor_log', \(String(last.seq)))", .write)
    }

    static func decode<each Column: PostgresDecodable>(
        _ row: PostgresRow, as type: (repeat each Column).Type, _ url: PostgresURL
    ) throws(StoreError) -> (repeat each Column) {
        do { return try row.decode(type) } catch {
            throw StoreError("cannot read the store \(url): a row does not read as expected (\(error)) — run `watchfloor log verify --store` to check it")
        }
    }
}
