import Foundation
import Testing

/// DESIGN §3.3: `log verify` proves an archive was not edited. Exit 0 intact; 1 a line was
/// changed, removed or inserted, and the first bad line is named; 2 the log ends in a truncated
/// line. Several files must each continue the one before.
@Suite("log verify")
struct LogVerifyTests {
    /// An edit of the Jinan log, and the line `log verify` must name.
    struct Tampering: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var namedLine: Int
        var edit: @Sendable ([Data]) throws -> [Data]
    }

    static let tamperings: [Tampering] = [
        Tampering(testDescription: "one character of a text in line 10 changed", namedLine: 10) { lines in
            var lines = lines
            lines[9] = try changeOneCharacter(lines[9])
            return lines
        },
        Tampering(testDescription: "the prev of line 10 changed", namedLine: 10) { lines in
            var lines = lines
            lines[9] = try changePrev(lines[9])
            return lines
        },
        Tampering(testDescription: "one character of line 1 changed", namedLine: 1) { lines in
            var lines = lines
            lines[0] = try changeOneCharacter(lines[0])
            return lines
        },
        Tampering(testDescription: "line 20 deleted", namedLine: 20) { lines in
            var lines = lines
            lines.remove(at: 19)
            return lines
        },
        Tampering(testDescription: "line 20 repeated", namedLine: 21) { lines in
            var lines = lines
            lines.insert(lines[19], at: 20)
            return lines
        },
        Tampering(testDescription: "lines 30 and 31 swapped", namedLine: 30) { lines in
            var lines = lines
            lines.swapAt(29, 30)
            return lines
        },
        Tampering(testDescription: "a foreign line inserted after line 10", namedLine: 11) { lines in
            var lines = lines
            lines.insert(Data(#"{"note":"added later"}"#.utf8), at: 10)
            return lines
        },
    ]

    @Test("an edited log fails verification and names the edited line", arguments: tamperings)
    func tamperingIsFound(tampering: Tampering) async throws {
        let dir = try Scratch()
        let lines = try await jinanLog(in: dir)
        let edited = try tampering.edit(lines)
        let url = dir.path("edited.log")
        try JSONLines.file(edited).write(to: url)
        let verify = try await Watchfloor.run(["log", "verify", url.path], in: dir.url)
        #expect(verify.status == 1, "\(verify.stdoutText)\(verify.stderrText)")
        #expect(verify.stdoutText.contains("BROKEN"))
        #expect(namedLine(verify.stdoutText) == tampering.namedLine, "verdict: \(verify.stdoutText)")
        #expect(verify.stdoutText.contains("edited.log"))
    }

    @Test("the untouched log is intact, from a file and from stdin")
    func untouchedIsIntact() async throws {
        let dir = try Scratch()
        let lines = try await jinanLog(in: dir)
        let file = try await Watchfloor.succeed(["log", "verify", dir.path("jinan.log").path], in: dir.url)
        #expect(file.stdoutText.contains("intact — \(lines.count) entries, seq 1…\(lines.count)"), "\(file.stdoutText)")
        let dash = try await Watchfloor.succeed(["log", "verify", "-"], in: dir.url, stdin: dir.path("jinan.log"))
        #expect(dash.stdoutText.contains("stdin: intact"))
        let bare = try await Watchfloor.succeed(["log", "verify"], in: dir.url, stdin: dir.path("jinan.log"))
        #expect(bare.stdoutText.contains("stdin: intact"))
    }

    @Test("a log cut in the middle of its last line is TRUNCATED (exit 2), not tampered with")
    func truncatedLastLine() async throws {
        let dir = try Scratch()
        let lines = try await jinanLog(in: dir)
        var bytes = JSONLines.file(Array(lines.dropLast()))
        bytes.append(lines.last!.prefix(lines.last!.count / 2))
        let url = dir.path("cut.log")
        try bytes.write(to: url)
        let verify = try await Watchfloor.run(["log", "verify", url.path], in: dir.url)
        #expect(verify.status == 2, "\(verify.stdoutText)\(verify.stderrText)")
        #expect(verify.stdoutText.contains("TRUNCATED"))
        #expect(!verify.stdoutText.contains("BROKEN"))
        #expect(namedLine(verify.stdoutText) == lines.count)
        #expect(verify.stdoutText.contains("seq 1…\(lines.count - 1) verified"), "\(verify.stdoutText)")
    }

    @Test("a whole last line without its newline is TRUNCATED too")
    func missingFinalNewline() async throws {
        let dir = try Scratch()
        let lines = try await jinanLog(in: dir)
        var bytes = JSONLines.file(lines)
        bytes.removeLast()
        let url = dir.path("noeol.log")
        try bytes.write(to: url)
        let verify = try await Watchfloor.run(["log", "verify", url.path], in: dir.url)
        #expect(verify.status == 2)
        #expect(verify.stdoutText.contains("TRUNCATED"))
    }

    @Test("a log split in two segments verifies in order and fails out of order")
    func segments() async throws {
        let dir = try Scratch()
        let lines = try await jinanLog(in: dir)
        let a = dir.path("a.log"), b = dir.path("b.log")
        try JSONLines.file(Array(lines[..<50])).write(to: a)
        try JSONLines.file(Array(lines[50...])).write(to: b)

        let inOrder = try await Watchfloor.run(["log", "verify", a.path, b.path], in: dir.url)
        #expect(inOrder.status == 0, "\(inOrder.stdoutText)")
        // Each segment says where it starts and ends and its head.
        #expect(inOrder.stdoutText.contains("seq 1…50"))
        #expect(inOrder.stdoutText.contains("seq 51…\(lines.count)"))
        #expect(inOrder.stdoutText.contains(LoggedEntry(raw: lines[49], object: [:]).hash))

        let alone = try await Watchfloor.run(["log", "verify", b.path], in: dir.url)
        #expect(alone.status == 0, "a segment that starts at any seq is intact on its own")

        let swapped = try await Watchfloor.run(["log", "verify", b.path, a.path], in: dir.url)
        #expect(swapped.status == 1, "\(swapped.stdoutText)")
        #expect(swapped.stdoutText.contains("does not follow"))

        let gap = try await Watchfloor.run(["log", "verify", a.path, b.path, b.path], in: dir.url)
        #expect(gap.status == 1, "the same segment twice does not continue itself")
    }

    @Test("a segment from another log with the right seq does not join")
    func segmentOfAnotherLog() async throws {
        let dir = try Scratch()
        let jinan = try await jinanLog(in: dir)
        let zibo = JSONLines(try await Watchfloor.succeed(
            ["replay", Watchfloor.scenario("zibo-chemical-fire").path, "--headless"], in: dir.url
        ).stdout).lines
        try #require(zibo.count > 60)
        let a = dir.path("a.log"), b = dir.path("b.log")
        try JSONLines.file(Array(jinan[..<50])).write(to: a)
        try JSONLines.file(Array(zibo[50...])).write(to: b)
        let verify = try await Watchfloor.run(["log", "verify", a.path, b.path], in: dir.url)
        #expect(verify.status == 1, "\(verify.stdoutText)")
        #expect(verify.stdoutText.contains("does not follow"))
    }

    /// Replays the Jinan scenario into `jinan.log` and returns its lines.
    func jinanLog(in dir: Scratch) async throws -> [Data] {
        let url = dir.path("jinan.log")
        try await Watchfloor.succeed(["replay", Watchfloor.scenario("jinan-rainstorm").path, "--headless"], in: dir.url, stdout: url)
        let lines = try JSONLines(contentsOf: url).lines
        try #require(lines.count > 60, "the Jinan log has enough lines to cut")
        return lines
    }
}

/// Changes one ASCII letter or digit inside a string of the entry's `data` (its title when it
/// has one), so that the line stays valid JSON and keeps its seq and prev.
func changeOneCharacter(_ line: Data) throws -> Data {
    var bytes = [UInt8](line)
    let text = String(decoding: bytes, as: UTF8.self)
    let anchor = try #require(text.range(of: #""title":""#) ?? text.range(of: #""data":{""#).flatMap { d in
        text.range(of: #"":""#, range: d.upperBound..<text.endIndex)
    })
    let start = text.utf8.distance(from: text.utf8.startIndex, to: anchor.upperBound)
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
    let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")), capitals = (UInt8(ascii: "A")...UInt8(ascii: "Z"))
    if let i = (start..<end).first(where: { letters.contains(bytes[$0]) || capitals.contains(bytes[$0]) }) {
        bytes[i] ^= 0x20  // swap its case
    } else if let i = (start..<end).first(where: { (UInt8(ascii: "0")...UInt8(ascii: "8")).contains(bytes[$0]) }) {
        bytes[i] += 1
    } else if let lead = (start..<end).first(where: { bytes[$0] >= 0xE0 && bytes[$0] < 0xF0 }), lead + 2 < end {
        bytes[lead + 2] ^= 0x01  // another character of the same three-byte block: still valid UTF-8
    }
    let changed = Data(bytes)
    try #require(changed != line, "found a character to change in \(text.prefix(200))")
    try #require(JSONLines.object(changed) != nil, "the edit keeps the line valid JSON")
    return changed
}

/// Changes one hex digit of the entry's `prev`.
func changePrev(_ line: Data) throws -> Data {
    var bytes = [UInt8](line)
    let text = String(decoding: bytes, as: UTF8.self)
    let anchor = try #require(text.range(of: #""prev":""#))
    let i = text.utf8.distance(from: text.utf8.startIndex, to: anchor.upperBound)
    bytes[i] = bytes[i] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
    return Data(bytes)
}
