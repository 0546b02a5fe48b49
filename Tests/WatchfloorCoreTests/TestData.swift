import Foundation
import WatchfloorCore

/// Files of the checkout that tests read: the package root is found from this file's path.
enum TestData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: url(relative))) }

    static let gazetteer: Gazetteer = {
        // A missing geography file is a broken checkout: fail loudly, never skip.
        let data = try! Data(contentsOf: url("demo-data/geo/shandong.json"))
        return try! Gazetteer(json: data)
    }()

    /// The lines of a file, without newlines.
    static func lines(_ relative: String) throws -> [[UInt8]] {
        try bytes(relative).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init).filter { !$0.isEmpty }
    }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}

/// Feeds lines through an intake the way a replay does and returns everything it sealed.
func ingestAll(_ lines: [[UInt8]], into intake: inout Intake, feed: String = "test") -> [SealedEntry] {
    var sealed: [SealedEntry] = []
    var offset = 0
    for (i, line) in lines.enumerated() {
        sealed += line.withUnsafeBytes { intake.ingest($0, at: FeedPosition(feed: feed, offset: offset, line: i + 1)) }
        offset += line.count + 1
    }
    return sealed
}

/// SD-0001, a crash with two reports (`crash`, `crash-2`, level IV), and SD-0002, a fire far
/// from it (level III): the board the command tests act on.
let crashAndFireLines = [
    reportLine(id: "crash", time: "2026-07-15T17:40:00+08:00", category: "traffic_accident"),
    reportLine(id: "crash-2", agency: "transport", time: "2026-07-15T17:41:00+08:00", category: "traffic_accident", lat: 36.6614, lon: 117.0205),
    reportLine(id: "fire", agency: "fire", time: "2026-07-15T17:42:00+08:00", category: "fire", lat: 36.70, lon: 117.10, level: "III"),
]

func makeIntake(exercise: Bool = true) -> Intake {
    Intake(board: Board(), correlator: Correlator(places: TestData.gazetteer), exercise: exercise)
}

/// A CloudEvents line for a report, with the fields the tests vary.
func reportLine(
    id: String, agency: String = "police", adcode: String = "370102", time: String, category: String,
    lat: Double? = 36.6612, lon: Double? = 117.0203, title: String = "测试", refs: [String] = [], level: String? = nil
) -> [UInt8] {
    var data = "\"category\":\"\(category)\",\"title\":\"\(title)\",\"adcode\":\"\(adcode)\""
    if let lat, let lon { data += ",\"lat\":\(lat),\"lon\":\(lon)" }
    if let level { data += ",\"level\":\"\(level)\"" }
    data += ",\"refs\":[" + refs.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    return "{\"specversion\":\"1.0\",\"id\":\"\(id)\",\"source\":\"/sd/\(adcode)/\(agency)\",\"type\":\"incident.report\",\"time\":\"\(time)\",\"data\":{\(data)}}".bytes
}
