/// Why a log line could not be read back.
public struct LogLineError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The line is whole but of a kind (or a command verb) a later version wrote: a reader
    /// folding a board skips it rather than fail (DESIGN §3.3 lets kinds be added).
    public var laterVersion: Bool
    public init(_ message: String, laterVersion: Bool = false) {
        self.message = message
        self.laterVersion = laterVersion
    }
    public var description: String { message }
}

/// The envelope of one log line, read back: enough to check the chain without decoding `data`.
public struct LogLine: Sendable {
    public var seq: Int64
    public var at: String
    public var kind: String
    public var actor: String
    public var exercise: Bool
    public var prev: String
    /// Where `data` lies in the line's bytes.
    public var dataRange: Range<Int>

    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(LogLineError) -> LogLine {
        var reader = JSONReader(bytes)
        var seq: Int64?, at: String?, kind: String?, actor: String?, exercise: Bool?, prev: String?
        var data: Range<Int>?
        guard (try? reader.nextKind()) == .object else { throw LogLineError("not a JSON object") }
        do throws(JSONError) {
            try reader.readObject { (key, r) throws(JSONError) in
                if key == "seq" {
                    let v = try r.readNumber()
                    guard v == v.rounded(), v >= 1, v < 9e15 else { throw r.error("`seq` must be a positive integer") }
                    seq = Int64(v)
                } else if key == "at" { at = try r.readString() }
                else if key == "kind" { kind = try r.readString() }
                else if key == "actor" { actor = try r.readString() }
                else if key == "exercise" { exercise = try r.readBool() }
                else if key == "prev" { prev = try r.readString() }
                else if key == "data" { data = try r.skipValue() }
                else { try r.skipValue() }
            }
            try reader.expectEnd()
        } catch {
            throw LogLineError("not valid JSON: \(error)")
        }
        guard let seq else { throw LogLineError("missing `seq`") }
        guard let prev else { throw LogLineError("missing `prev`") }
        guard prev.utf8.count == 64, prev.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw LogLineError("`prev` is not 64 lowercase hex digits")
        }
        guard let at else { throw LogLineError("missing `at`") }
        guard let kind else { throw LogLineError("missing `kind`") }
        guard let actor else { throw LogLineError("missing `actor`") }
        guard let data else { throw LogLineError("missing `data`") }
        return LogLine(seq: seq, at: at, kind: kind, actor: actor, exercise: exercise ?? false, prev: prev, dataRange: data)
    }

    /// Reads the whole entry, `data` included.
    public static func entry(_ bytes: UnsafeRawBufferPointer) throws(LogLineError) -> (LogLine, LogEntry) {
        let line = try parse(bytes)
        guard let kind = LogKind(rawValue: line.kind) else { throw LogLineError("unknown kind \"\(line.kind)\"", laterVersion: true) }
        guard let at = Instant(rfc3339: line.at) else { throw LogLineError("`at` is not an RFC 3339 time") }
        let event = try LogEventDecoder.decode(kind, data: UnsafeRawBufferPointer(rebasing: bytes[line.dataRange]))
        return (line, LogEntry(at: at, actor: line.actor, exercise: line.exercise, event: event))
    }
}
