import Foundation
import Testing
import WatchfloorCore

/// The lines of a JSON Lines file, as bytes (without their newlines) and, where they parse, as
/// objects. A file that does not end in a newline keeps its last, unterminated line.
struct JSONLines {
    var lines: [Data]

    init(_ data: Data) {
        var lines: [Data] = []
        var start = data.startIndex
        for i in data.indices where data[i] == 0x0A {
            lines.append(data[start..<i])
            start = i + 1
        }
        if start < data.endIndex { lines.append(data[start...]) }
        self.lines = lines.map { Data($0) }
    }

    init(contentsOf url: URL) throws { self.init(try Data(contentsOf: url)) }

    /// Joins lines back into a file, each ended by a newline.
    static func file(_ lines: [Data]) -> Data {
        var out = Data()
        for line in lines {
            out.append(line)
            out.append(0x0A)
        }
        return out
    }

    static func object(_ line: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: line, options: [])) as? [String: Any]
    }
}

/// One entry of the incident log (DESIGN §3.3), read with Foundation's parser, not the program's.
struct LoggedEntry {
    var raw: Data
    var object: [String: Any]

    var seq: Int? { (object["seq"] as? NSNumber)?.intValue }
    /// Whether the entry answers a feed's line: accepted, a duplicate, or refused.
    var answersFeedLine: Bool { ["report.accepted", "report.duplicate", "report.rejected"].contains(kind ?? "") }
    var kind: String? { object["kind"] as? String }
    var prev: String? { object["prev"] as? String }
    var data: [String: Any] { object["data"] as? [String: Any] ?? [:] }
    var hash: String { LogChain.hash(raw) }
}

/// The log a command printed: every line must be one JSON object.
func loggedEntries(_ stdout: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> [LoggedEntry] {
    let lines = JSONLines(stdout)
    #expect(stdout.isEmpty || stdout.last == 0x0A, "the log ends with a newline", sourceLocation: sourceLocation)
    return try lines.lines.enumerated().map { i, line in
        let object = try #require(JSONLines.object(line), "log line \(i + 1) is not a JSON object: \(String(decoding: line.prefix(200), as: UTF8.self))", sourceLocation: sourceLocation)
        return LoggedEntry(raw: line, object: object)
    }
}

/// The log a running process has written to `file` so far: a line it is still writing is left
/// for the next look.
func loggedEntries(writtenSoFarTo file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [LoggedEntry] {
    var data = try Data(contentsOf: file)
    if let end = data.lastIndex(of: 0x0A) { data = data.prefix(through: end) } else { data = Data() }
    return try loggedEntries(data, sourceLocation: sourceLocation)
}

/// One CloudEvent of a scenario file, read with Foundation's parser.
struct ScenarioMessage {
    var object: [String: Any]
    var type: String { object["type"] as? String ?? "" }
    var source: String { object["source"] as? String ?? "" }
    var id: String { object["id"] as? String ?? "" }
    var key: String { "\(source)#\(id)" }
    var data: [String: Any] { object["data"] as? [String: Any] ?? [:] }
    var agency: String { String(source.split(separator: "/").last ?? "") }
    /// For an alert: the CAP `msgType`.
    var capMessageType: String? {
        guard type == "alert", let xml = object["data"] as? String,
              let open = xml.range(of: "<msgType>"), let close = xml.range(of: "</msgType>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}

func scenarioMessages(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [ScenarioMessage] {
    try JSONLines(contentsOf: url).lines.filter { !$0.isEmpty }.enumerated().map { i, line in
        ScenarioMessage(object: try #require(JSONLines.object(line), "\(url.lastPathComponent) line \(i + 1)", sourceLocation: sourceLocation))
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
    func array(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    /// Present, even when null.
    func has(_ key: String) -> Bool { self[key] != nil }
    func isNull(_ key: String) -> Bool { self[key] is NSNull || self[key] == nil }
}

/// The number after "line " in a verdict like "BROKEN at line 10: ...".
func namedLine(_ text: String) -> Int? {
    guard let r = text.range(of: #"at line (\d+)"#, options: .regularExpression) else { return nil }
    return Int(text[r].dropFirst("at line ".count))
}

/// A JSON value written with sorted keys, to compare two parsed documents.
func canonicalJSON(_ value: Any?) throws -> Data {
    try JSONSerialization.data(withJSONObject: try #require(value), options: [.sortedKeys, .fragmentsAllowed])
}
