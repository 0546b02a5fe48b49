import Foundation
import WatchfloorCore

/// The `feed.heartbeat` CloudEvents a finished playback sends so the feed stays up: the
/// recording's own `source`, an id unique to this server, subscriber and beat, and a time
/// that carries on the recording's clock (its last time, plus the wall time since at the
/// playback's speed), so a board that checks message times sees them in order.
struct HeartbeatMaker: Sendable {
    /// Already JSON-escaped, as it stood in the recording.
    let rawSource: [UInt8]
    /// Unique to this server run, so beats of one run never repeat another's ids.
    let idPrefix: String

    /// For a recording whose first line names no source.
    static let fallbackSource = Array("/watchfloor/feed-serve".utf8)

    init(firstLine: UnsafeRawBufferPointer?, idPrefix: String) {
        rawSource = firstLine.flatMap { RecordedAttribute.rawString("source", in: $0) }.map(Array.init) ?? Self.fallbackSource
        self.idPrefix = idPrefix
    }

    func time(after last: Instant?, wallSeconds: Double, speed: Double?) -> Instant {
        guard let last else { return Instant(secondsSince1970: Date().timeIntervalSince1970) }
        return last.adding(seconds: wallSeconds * (speed ?? 1))
    }

    func line(subscriber: Int, sequence: Int, time: Instant) -> [UInt8] {
        var out = Array(#"{"specversion":"1.0","id":""#.utf8)
        out += Array("\(idPrefix)-\(subscriber)-\(sequence)".utf8)
        out += Array(#"","source":""#.utf8)
        out += rawSource
        out += Array(#"","type":"feed.heartbeat","time":""#.utf8)
        time.appendRFC3339(to: &out)
        out += Array(#"","data":{}}"#.utf8)
        out.append(0x0A)
        return out
    }
}
