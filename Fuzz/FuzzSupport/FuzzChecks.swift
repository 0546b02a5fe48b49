import WatchfloorCore

/// What must hold for every input, beyond not crashing. A failed check stops the process with
/// `fatalError` (whose message, unlike a precondition's, survives -O), which libFuzzer records
/// as a crash with the input that caused it.
public enum FuzzChecks {
    /// Feeds `line` to `intake` and checks what it records: every sealed line must read back
    /// as the entry it was made from, or a board rebuilt from the log after a restart would not
    /// be the board the operators saw (or could not be rebuilt at all).
    public static func ingest(_ line: UnsafeRawBufferPointer, into intake: inout Intake, now: Instant? = nil) {
        for sealed in intake.ingest(line, at: FuzzBoards.position, now: now) {
            let readBack = sealed.line.withUnsafeBytes { bytes in Result { () throws(LogLineError) in try LogLine.entry(bytes) } }
            switch readBack {
            case .success(let (_, entry)) where same(entry, sealed.entry):
                continue
            case .success(let (_, entry)):
                fatalError("log line \(String(decoding: sealed.line, as: UTF8.self)) reads back as \(entry), not \(sealed.entry)")
            case .failure(let error):
                fatalError("log line \(String(decoding: sealed.line, as: UTF8.self)) does not read back: \(error)")
            }
        }
    }

    /// Equal, except that an accepted message's raw bytes read back without the whitespace
    /// around the object (the line, and so its hash, keeps it; the board never reads them).
    static func same(_ a: LogEntry, _ b: LogEntry) -> Bool {
        guard case let .reportAccepted(feedA, offsetA, messageA, _) = a.event,
              case let .reportAccepted(feedB, offsetB, messageB, _) = b.event else { return a == b }
        return a.at == b.at && a.actor == b.actor && a.exercise == b.exercise
            && feedA == feedB && offsetA == offsetB && messageA == messageB
    }

    /// A rejection must say why: an empty reason on the feed pane helps no one.
    public static func readable(_ reason: String) {
        if reason.isEmpty { fatalError("a rejection without a reason") }
    }
}
