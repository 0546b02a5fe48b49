import Testing
import WatchfloorCore
@testable import WatchfloorStore

/// Entries, reads and checks that the store tests share.

func entry(_ n: Int, _ event: LogEvent) -> LogEntry {
    LogEntry(
        at: Instant(milliseconds: 1_784_100_000_000 + Int64(n) * 1_000), actor: n % 2 == 0 ? "system" : "operator:duty-01",
        exercise: n % 3 == 0, event: event
    )
}

/// `count` entries of different kinds, numbered from `start` so that two batches differ.
func sampleEntries(_ count: Int, startingAt start: Int = 0) -> [LogEntry] {
    (start..<(start + count)).map { n in
        switch n % 3 {
        case 0: entry(n, .incidentClosed(incident: "SD-\(n)", reason: "已处置完毕 #\(n)"))
        case 1: entry(n, .warningExpired(warning: "37010041600000_2026071515\(n)"))
        default: entry(n, .reportRejected(ReportRejection(feed: "jinan", offset: n * 100, line: n + 1, reason: "not valid JSON", head: "{\"id\":")))
        }
    }
}

func storedLines(_ store: any Store, from seq: Int64 = 1) throws -> [StoredLine] {
    var lines: [StoredLine] = []
    try store.forEachLine(from: seq) { lines.append($0) }
    return lines
}

/// The kind of each stored entry, in order.
func kinds(_ store: any Store) throws -> [String] {
    try storedLines(store).map { line in try line.line.withBytes { (b) throws(LogLineError) in try LogLine.parse(b).kind } }
}

/// The store holds exactly `entries`, and its head is theirs.
func expectUnchanged(_ store: any Store, holding entries: [SealedEntry], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let lines = try storedLines(store)
    #expect(lines.map(\.line) == entries.map(\.line), sourceLocation: sourceLocation)
    let head = try store.chainHead()
    #expect(head.nextSeq == Int64(entries.count) + 1, sourceLocation: sourceLocation)
    #expect(head.head == (entries.last?.hash ?? LogChain.genesis), sourceLocation: sourceLocation)
}

/// The stored log is whole: seq 1, 2, 3... with no gap, each line hashing to its stored hash
/// and recording the hash of the line before as its `prev`.
func expectWholeChain(_ store: any Store, count: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let lines = try storedLines(store)
    #expect(lines.map(\.seq) == Array(1...Int64(count)), sourceLocation: sourceLocation)
    var previous = LogChain.genesis
    for line in lines {
        #expect(LogChain.hash(line.line) == line.hash, "seq \(line.seq) hashes to its stored hash", sourceLocation: sourceLocation)
        let prev = try line.line.withBytes { (b) throws(LogLineError) -> String in try LogLine.parse(b).prev }
        #expect(prev == previous, "seq \(line.seq) follows the line before", sourceLocation: sourceLocation)
        previous = line.hash
    }
}
