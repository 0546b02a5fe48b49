import Testing
@testable import WatchfloorCore

@Suite("Log chain and verification")
struct LogChainTests {
    /// A small real log: the start of the Jinan scenario folded into entries.
    static let log: [[UInt8]] = {
        var intake = makeIntake()
        let lines = try! TestData.lines("demo-data/scenarios/jinan-rainstorm.jsonl").prefix(12)
        return ingestAll(Array(lines), into: &intake).map(\.line)
    }()

    static func file(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0A] } }

    func verify(_ bytes: [UInt8], head: String? = nil) -> VerifyReport {
        var v = LogVerifier(expectedHead: head)
        bytes.withUnsafeBytes { v.add(contentsOf: $0) }
        return v.finish()
    }

    @Test("lines chain by SHA-256 from 64 zeros, seq from 1, in the documented shape")
    func shape() throws {
        let first = String(decoding: Self.log[0], as: UTF8.self)
        #expect(first.hasPrefix("{\"seq\":1,\"at\":\""))
        #expect(first.hasSuffix(",\"prev\":\"\(LogChain.genesis)\"}"))
        let second = try JSONValue.parse(bytes: Self.log[1])
        #expect(second["prev"]?.stringValue == LogChain.hash(Self.log[0]))
        #expect(second["exercise"]?.boolValue == true)
        let report = verify(Self.file(Self.log))
        #expect(report.isIntact)
        #expect(report.lines == Self.log.count)
        #expect(report.firstSeq == 1 && report.lastSeq == Int64(Self.log.count))
        #expect(report.head == LogChain.hash(Self.log.last!))
    }

    /// Flipping any byte of any line must be caught, and blamed on that line. The last line
    /// can only be checked against a head recorded elsewhere (the store keeps one).
    @Test("flipping each byte of a small log makes verify fail at that line")
    func flips() {
        let original = Self.file(Self.log)
        let head = LogChain.hash(Self.log.last!)
        var lineOf: [Int] = []
        for (i, line) in Self.log.enumerated() { lineOf += Array(repeating: i + 1, count: line.count + 1) }
        var checked = 0
        for position in original.indices {
            var bytes = original
            bytes[position] ^= 0x01
            let report = verify(bytes, head: head)
            guard let problem = report.problem else {
                Issue.record("flip at byte \(position) (line \(lineOf[position])) went unnoticed")
                continue
            }
            // A flipped newline joins or splits lines; the damage starts at the line it ended.
            #expect(problem.line == lineOf[position], "flip at byte \(position): blamed line \(problem.line), not \(lineOf[position]) — \(problem.message)")
            #expect(problem.kind != .truncated || position == original.count - 1)
            checked += 1
        }
        #expect(checked == original.count)
    }

    @Test("a log cut mid-line is truncated, not tampered with; what came before is intact")
    func truncated() {
        var bytes = Self.file(Self.log)
        bytes.removeLast(30)
        let report = verify(bytes)
        #expect(report.problem?.kind == .truncated)
        #expect(report.problem?.line == Self.log.count)
        #expect(report.lastSeq == Int64(Self.log.count - 1))
    }

    @Test("a removed line is named, by seq")
    func removed() {
        var lines = Self.log
        lines.remove(at: 4)
        let report = verify(Self.file(lines))
        #expect(report.problem?.kind == .altered)
        #expect(report.problem?.line == 5)
        #expect(report.problem?.message.contains("seq 6 follows seq 4") == true)
    }

    @Test("a segment may start at any seq; its first prev cannot be checked alone")
    func segment() {
        let report = verify(Self.file(Array(Self.log[5...])))
        #expect(report.isIntact)
        #expect(report.firstSeq == 6)
    }

    @Test("a changed line with its hashes recomputed by hand still breaks at the next link")
    func forgedLine() {
        var lines = Self.log
        let text = String(decoding: lines[3], as: UTF8.self).replacingOccurrences(of: "\"exercise\":true", with: "\"exercise\":false")
        lines[3] = Array(text.utf8)
        let report = verify(Self.file(lines))
        #expect(report.problem?.line == 4)
    }
}
