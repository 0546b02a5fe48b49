import Foundation
import Testing
@testable import WatchfloorCore

/// Inputs that `make fuzz` (Fuzz/, libFuzzer) found to break something, each kept as the exact
/// bytes libFuzzer saved, so the mistake cannot come back unnoticed.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    /// The Jinan rainstorm's board, which the fuzzer feeds lines onto as a live feed would.
    static func jinanIntake() throws -> Intake {
        var intake = makeIntake()
        _ = ingestAll(try TestData.lines("demo-data/scenarios/jinan-rainstorm.jsonl"), into: &intake, feed: "jinan")
        return intake
    }

    /// Every line sealed for `line` must read back as the entry it was made from: a store is
    /// reopened by reading its log back into a board.
    func expectLogReadsBack(_ line: [UInt8], onto intake: inout Intake, now: String) throws -> [SealedEntry] {
        let sealed = line.withUnsafeBytes { intake.ingest($0, at: FeedPosition(feed: "fuzz", offset: 0, line: 1), now: Instant(rfc3339: now)) }
        for entry in sealed {
            let readBack = try entry.line.withUnsafeBytes { bytes throws(LogLineError) in try LogLine.entry(bytes).1 }
            #expect(readBack == entry.entry, "\(String(decoding: entry.line, as: UTF8.self))")
        }
        return sealed
    }

    /// fuzz-cloudevents, crash-1398c81b05038d6f14ebd25213a6c12f9e054ffc: an update whose id ends
    /// in `#` (CloudEvents allows any id). Its `incident.updated` entry names the report as
    /// `source#id`, which was split at the last `#`, leaving no id: the line did not read back,
    /// and a store holding it could no longer be opened.
    @Test("an update whose id ends in # is logged so that it reads back")
    func updateWithIdEndingInHash() throws {
        let line = #"{"specversion":"1.0","id":"LX-URB-201-705260007#","source":\#r"/sd/370102/urban","type":"incident.update","time":"2026-07-15T18:20:00+08:00","data":{"ref":"LX-URB-20260715-0005","level":"IV","d":"历山路下穿积水已排除，恢复通衜。"}}"#.bytes
        #expect(line.count == 245)
        var intake = try Self.jinanIntake()
        let sealed = try expectLogReadsBack(line, onto: &intake, now: "2026-07-15T18:20:00+08:00")
        #expect(sealed.map(\.entry.event.kind) == [.reportAccepted, .incidentUpdated])
    }

    /// The same mistake, two more ways: a `#` inside an id (the key split in the wrong place)
    /// and an id starting with a combining mark (which makes one Character of `#` and itself).
    @Test("report keys with # or a combining mark in the id read back whole", arguments: ["a#b", "#", "\u{301}x"])
    func keysWithHashInTheId(_ id: String) {
        let key = ReportKey(source: "/sd/370102/police", id: id)
        #expect(ReportKey(parsing: key.description) == key)
    }

    /// fuzz-cap, crash-2b8dd86326297be85825e36d67ed34cee7403fc3: an XML declaration naming
    /// `UTF32` that is never closed. The decoder looks for `encoding` only in a closed
    /// declaration, so it passed the bytes on unread; libxml2 read the encoding and segfaulted
    /// switching to it. As an `alert` line this took the whole program down.
    static let unclosedUTF32Declaration = #"<?xml version = '1.0' encoding = 'UTF32' senr>alert>"#

    @Test("an unclosed XML declaration naming UTF32 is refused, as bytes and as text")
    func unclosedDeclarationIsRefused() throws {
        let bytes = Self.unclosedUTF32Declaration.bytes
        #expect(bytes.count == 52)
        for error in [
            capError { () throws(CAPError) in try CAPDecoder.decode(Data(bytes)) },
            capError { () throws(CAPError) in try CAPDecoder.decode(xml: Self.unclosedUTF32Declaration) },
        ] {
            let refusal = try #require(error)
            #expect(refusal.kind == .malformedXML)
            #expect(refusal.description == "CAP alert: the XML declaration at the start (<?xml ...) is not closed with ?> within its first 1024 bytes")
        }
    }

    @Test("an alert line carrying the unclosed declaration is rejected with the reason")
    func alertLineWithUnclosedDeclarationIsRejected() throws {
        var data = JSONWriter()
        data.string(Self.unclosedUTF32Declaration)
        let line = (#"{"specversion":"1.0","id":"wx-1","source":"/sd/370100/weather","type":"alert","time":"2026-07-15T18:00:00+08:00","datacontenttype":"application/cap+xml","data":"#
            .bytes + data.bytes + "}".bytes)
        var intake = makeIntake()
        let sealed = try expectLogReadsBack(line, onto: &intake, now: "2026-07-15T18:00:00+08:00")
        guard case .reportRejected(let rejection)? = sealed.last?.entry.event else {
            Issue.record("not rejected: \(sealed.map(\.entry.event.kind))")
            return
        }
        #expect(rejection.reason.contains("XML declaration at the start (<?xml ...) is not closed"))
    }
}
