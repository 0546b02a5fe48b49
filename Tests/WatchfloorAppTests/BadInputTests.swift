import Foundation
import Testing

/// DESIGN §5: a bad feed line is rejected and logged as `report.rejected` with the feed, its byte
/// offset, the reason and its first 200 bytes; the program keeps running.
@Suite("Bad feed input")
struct BadInputTests {
    /// A feed line and what must become of it.
    struct Line {
        var bytes: [UInt8]
        /// nil: accepted (or, for the empty line, ignored); otherwise words one of which the reason contains.
        var rejectedFor: [String]?
        /// The id of an accepted report.
        var acceptedID: String?
    }

    static func report(_ id: String, second: Int, lat: Double, lon: Double, description: String = "") -> [UInt8] {
        Array(#"{"specversion":"1.0","id":"\#(id)","source":"/sd/370100/police","type":"incident.report","time":"2026-07-15T16:\#(String(format: "%02d", second / 60)):\#(String(format: "%02d", second % 60))+08:00","data":{"category":"fire","title":"测试火情 \#(id)","description":"\#(description)","lat":\#(lat),"lon":\#(lon),"adcode":"370102"}}"#.utf8)
    }

    /// Words one of which a rejection for length must use.
    static let tooLong = ["long", "MiB", "too large", "exceeds", "limit", "size"]

    /// Good lines, the kinds of bad line, an empty line, and a good line after them all.
    static func feed(longLineBytes: Int) -> [Line] {
        var invalidUTF8 = Array(#"{"specversion":"1.0","id":"T-"#.utf8)
        invalidUTF8 += [UInt8](repeating: 0xFF, count: 40) + [0xC3, 0x28, 0xFE]
        invalidUTF8 += Array(#"","source":"/sd/370100/police","type":"incident.report","time":"2026-07-15T16:00:05+08:00","data":{"category":"fire","title":"bad bytes","lat":36.7,"lon":117.1,"description":"\#(String(repeating: "y", count: 200))"}}"#.utf8)
        let longPrefix = report("T-long", second: 8, lat: 36.70, lon: 117.10)
        // A well-formed CloudEvent, far longer than any feed line should be.
        var long = Array(longPrefix.dropLast(2))
        long += Array(#","note":""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: longLineBytes - long.count - 12) + Array(#""}}"#.utf8)
        return [
            Line(bytes: report("T-1", second: 1, lat: 36.651, lon: 117.01), acceptedID: "T-1"),
            Line(bytes: Array(#"{"specversion":"1.0","id":"broken","#.utf8), rejectedFor: ["JSON"]),
            Line(bytes: report("T-2", second: 2, lat: 36.681, lon: 117.05), acceptedID: "T-2"),
            Line(bytes: invalidUTF8, rejectedFor: ["UTF-8"]),
            Line(bytes: report("T-3", second: 3, lat: 36.601, lon: 116.95), acceptedID: "T-3"),
            Line(bytes: Array(#"{"specversion":"1.0","id":"T-notime","source":"/sd/370100/police","type":"incident.report","data":{"category":"fire","title":"x","lat":36.7,"lon":117.1}}"#.utf8), rejectedFor: ["time"]),
            Line(bytes: Array(#"{"specversion":"1.0","id":"T-type","source":"/sd/370100/police","type":"incident.explode","time":"2026-07-15T16:00:07+08:00","data":{}}"#.utf8), rejectedFor: ["incident.explode"]),
            Line(bytes: long, rejectedFor: Self.tooLong),
            Line(bytes: []),
            Line(bytes: report("T-4", second: 600, lat: 36.551, lon: 117.20), acceptedID: "T-4"),
        ]
    }

    @Test("each bad line becomes one report.rejected with feed, offset, line, reason and head; good lines go on",
          arguments: [2 << 20, 6 << 20])
    func badLinesAreRejected(longLineBytes: Int) async throws {
        let dir = try Scratch()
        let lines = Self.feed(longLineBytes: longLineBytes)
        try #require(lines[7].bytes.count == longLineBytes)
        var offsets: [Int] = []
        var file: [UInt8] = []
        for line in lines {
            offsets.append(file.count)
            file += line.bytes + [0x0A]
        }
        let feedURL = dir.path("bad-input.jsonl")
        try Data(file).write(to: feedURL)

        let replay = try await Watchfloor.succeed(["replay", feedURL.path, "--headless", "--summary"], in: dir.url)
        let log = try loggedEntries(replay.stdout)
        #expect(log.allSatisfy { $0.raw.count < 64 << 10 }, "no log line carries a whole oversized feed line")

        let rejected = log.filter { $0.kind == "report.rejected" }
        let expectedRejected = lines.indices.filter { lines[$0].rejectedFor != nil }
        #expect(rejected.compactMap { $0.data.int("line") } == expectedRejected.map { $0 + 1 },
                "one rejection per bad line, in order; the empty line is not a message and is skipped")
        for entry in rejected {
            let d = entry.data
            guard let number = d.int("line"), lines.indices.contains(number - 1), let words = lines[number - 1].rejectedFor else {
                Issue.record("a rejection names line \(d.int("line") ?? -1), which is not a bad line")
                continue
            }
            let line = lines[number - 1].bytes
            #expect(d.string("feed") == "bad-input", "line \(number): feed")
            #expect(d.int("offset") == offsets[number - 1], "line \(number): byte offset")
            let reason = d.string("reason") ?? ""
            let named = words.contains { reason.localizedCaseInsensitiveContains($0) }
            #expect(named, "line \(number): reason \"\(reason)\" names the problem (\(words))")
            let head = Array((d.string("head") ?? "").utf8)
            let headBytes = head.count
            #expect(headBytes <= 200, "line \(number): head is \(head.count) bytes, more than 200")
            #expect(!head.isEmpty, "line \(number): head shows the start of the line")
            if String(validating: line, as: UTF8.self) != nil {
                #expect(head == Array(line.prefix(head.count)), "line \(number): head is the start of the line")
                #expect(head.count == min(200, line.count), "line \(number): head is the first 200 bytes")
            } else {
                #expect(head.starts(with: Array(#"{"specversion":"1.0","id":"T-"#.utf8)), "line \(number): head starts as the line does")
            }
        }

        // The good lines, before and after the bad ones, are accepted at their own offsets.
        let accepted = log.filter { $0.kind == "report.accepted" }
        let good = lines.indices.filter { lines[$0].acceptedID != nil }
        #expect(accepted.compactMap { $0.data.string("id") } == good.compactMap { lines[$0].acceptedID })
        #expect(accepted.compactMap { $0.data.int("offset") } == good.map { offsets[$0] })
        #expect(log.filter { $0.kind == "incident.opened" || $0.kind == "incident.merged" }.count == good.count)
        #expect(replay.stderrText.contains("rejected \(expectedRejected.count)"), "summary: \(replay.stderrText)")

        // The log of a bad feed is as sound as any.
        let logURL = dir.path("out.log")
        try replay.stdout.write(to: logURL)
        try await Watchfloor.succeed(["log", "verify", logURL.path], in: dir.url)
    }

    @Test("an over-long line is rejected for its length even when its first 200 bytes are a whole event",
          arguments: [2 << 20, 6 << 20])
    func overLongLineWithAValidStart(longLineBytes: Int) async throws {
        let dir = try Scratch()
        // A valid event of less than 200 bytes, padded with blanks (which JSON allows) past the line limit.
        let event = Array(#"{"specversion":"1.0","id":"P","source":"/sd/370100/police","type":"incident.report","time":"2026-07-15T16:00:09+08:00","data":{"category":"fire","title":"p","adcode":"370102"}}"#.utf8)
        try #require(event.count < 200)
        let padded = event + [UInt8](repeating: UInt8(ascii: " "), count: longLineBytes - event.count)
        let after = Self.report("T-after", second: 10, lat: 36.65, lon: 117.0)
        let url = dir.path("padded.jsonl")
        try Data(padded + [0x0A] + after + [0x0A]).write(to: url)

        let replay = try await Watchfloor.succeed(["replay", url.path, "--headless"], in: dir.url)
        let log = try loggedEntries(replay.stdout)
        let rejected = log.filter { $0.kind == "report.rejected" }
        #expect(rejected.count == 1, "kinds: \(log.compactMap(\.kind))")
        let reason = rejected.first?.data.string("reason") ?? ""
        let named = Self.tooLong.contains { reason.localizedCaseInsensitiveContains($0) }
        #expect(named, "reason \"\(reason)\" says the line is too long")
        #expect(rejected.first?.data.int("offset") == 0)
        let accepted = log.filter { $0.kind == "report.accepted" }.compactMap { $0.data.string("id") }
        #expect(accepted == ["T-after"])
        let afterOffset = log.first { $0.kind == "report.accepted" && $0.data.string("id") == "T-after" }?.data.int("offset")
        #expect(afterOffset == padded.count + 1, "the line after it is found at its own offset")
    }

    @Test("a feed without a final newline still delivers its last line")
    func unterminatedLastLine() async throws {
        let dir = try Scratch()
        let url = dir.path("noeol.jsonl")
        try Data(Self.report("A", second: 1, lat: 36.65, lon: 117.0) + [0x0A] + Self.report("B", second: 2, lat: 36.75, lon: 117.2)).write(to: url)
        let replay = try await Watchfloor.succeed(["replay", url.path, "--headless"], in: dir.url)
        let accepted = try loggedEntries(replay.stdout).filter { $0.kind == "report.accepted" }
        #expect(accepted.compactMap { $0.data.string("id") } == ["A", "B"])
    }
}
