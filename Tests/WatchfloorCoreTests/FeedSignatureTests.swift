import Foundation
import Testing
@testable import WatchfloorCore

/// Signed feeds: a line signed with the feed's key passes; unsigned, altered, wrongly keyed or
/// malformed lines are refused with a reason that says which.
@Suite("Feed signatures")
struct FeedSignatureTests {
    static let line = Array(#"{"specversion":"1.0","id":"JN-POL-1","source":"/sd/370102/police","type":"incident.report","time":"2026-07-15T16:00:00+08:00","data":{"category":"crime","title":"盗窃","adcode":"370102"}}"#.utf8)
    static let signer = FeedSignature(key: Array("police-secret".utf8))

    func check(_ line: [UInt8], with signature: FeedSignature = Self.signer) -> String? {
        line.withUnsafeBytes { signature.check($0)?.message }
    }

    @Test("a signed line passes, and still decodes as the same message with the extension kept")
    func signed() throws {
        let signed = Self.signer.sign(Self.line)
        #expect(String(decoding: signed, as: UTF8.self).hasSuffix(#""wfsignature":""# + String(decoding: signed.suffix(66).prefix(64), as: UTF8.self) + #""}"#))
        #expect(check(signed) == nil)
        #expect(check(signed + Array(" \r".utf8)) == nil, "trailing whitespace and CR are not part of the line")
        let message = try signed.withUnsafeBytes { (b) throws(RejectReason) in try CloudEventDecoder.decode(b) }
        #expect(message.key.id == "JN-POL-1")
    }

    @Test("the HMAC is the published one: HMAC-SHA256 of the line without the member")
    func knownAnswer() {
        // Computed independently: printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac key
        let signed = FeedSignature(key: Array("key".utf8)).sign(Array(#"{"a":1}"#.utf8))
        #expect(String(decoding: signed, as: UTF8.self) == #"{"a":1,"wfsignature":"# + "\"" + Self.hmacOfA1 + #""}"#)
    }
    static let hmacOfA1 = "88a67f24bbcdaed0e6c997404bb79a743baf44c6bab2f4c27328e3009d22e342"

    @Test("unsigned, altered, wrongly keyed and malformed lines are each refused for their own reason")
    func refused() {
        let signed = Self.signer.sign(Self.line)
        #expect(check(Self.line)?.hasPrefix("unsigned:") == true)
        var altered = signed
        let i = altered.firstIndex(of: UInt8(ascii: "1"))!
        altered[i] = UInt8(ascii: "2")
        #expect(check(altered)?.hasPrefix("bad signature:") == true, "one changed byte")
        #expect(check(signed, with: FeedSignature(key: Array("another".utf8)))?.hasPrefix("bad signature:") == true)
        var moved = Array(#"{"wfsignature":"00","specversion":"1.0"}"#.utf8)
        #expect(check(moved)?.hasPrefix("signature malformed:") == true)
        moved = Array(signed.dropLast(3)) + Array("zz\"}".utf8)
        #expect(check(moved)?.hasPrefix("signature malformed:") == true, "not hex")
        #expect(check([]) != nil)
        #expect(check(Array("}".utf8)) != nil)
    }
}

/// `feed.up`, `feed.down` and `feed.stale` are written, read back and folded onto the board.
@Suite("Feed state entries")
struct FeedStateEntryTests {
    @Test("each state round-trips through a log line, and the board keeps the last per feed")
    func roundTrip() throws {
        var chain = LogChain()
        var board = Board()
        let at = Instant(rfc3339: "2026-11-26T14:00:00+08:00")!
        let changes = [
            FeedStateChange(feed: "police", state: .up, url: "tcp://127.0.0.1:7001"),
            FeedStateChange(feed: "fire", state: .down, reason: "connection refused — retrying in 2.0 s", url: "tcp://127.0.0.1:7002"),
            FeedStateChange(feed: "police", state: .stale, reason: "no message for 61 s"),
        ]
        for (i, change) in changes.enumerated() {
            let sealed = chain.seal(LogEntry(at: at.adding(seconds: Double(i)), actor: "feed:" + change.feed, exercise: false, event: .feedState(change)))
            let text = String(decoding: sealed.line, as: UTF8.self)
            #expect(text.contains(#""kind":"feed.\#(change.state.rawValue)""#), "\(text)")
            let (_, entry) = try sealed.line.withBytes { (b) throws(LogLineError) in try LogLine.entry(b) }
            #expect(entry == sealed.entry)
            _ = board.apply(entry)
        }
        #expect(board.feedStates["police"] == LoggedFeedState(state: .stale, since: at.adding(seconds: 2), reason: "no message for 61 s"))
        #expect(board.feedStates["fire"]?.state == .down)
    }

    @Test("the board keeps the newest 200 refused lines, oldest first")
    func recentRejections() {
        var board = Board()
        let at = Instant(rfc3339: "2026-11-26T14:00:00+08:00")!
        for n in 1...250 {
            _ = board.apply(LogEntry(at: at, actor: "feed:police", exercise: false,
                                     event: .reportRejected(ReportRejection(feed: "police", offset: n, line: n, reason: "not JSON", head: "x"))))
        }
        #expect(board.recentRejections.count == 200)
        #expect(board.recentRejections.first?.rejection.line == 51)
        #expect(board.recentRejections.last?.rejection.line == 250)
        #expect(board.rejectedCount == 250)
    }
}
