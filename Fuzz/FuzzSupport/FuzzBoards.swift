import Foundation
import WatchfloorCore

/// The boards a fuzzed line is fed to, built once per fuzzer process from the checkout's
/// demo data. A fresh board finds crashes in decoding and rejection; a busy one (the Jinan
/// rainstorm replayed: open incidents, units out, active warnings) also reaches correlation,
/// updates and cancels of earlier reports, unit moves and warning areas over incidents.
public enum FuzzBoards {
    /// The checkout holding these sources: `Fuzz/FuzzSupport/` is two levels below it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let correlator: Correlator = {
        // A missing geography file is a broken checkout: stop, never fuzz a board without places.
        let geo = try! Data(contentsOf: root.appendingPathComponent("demo-data/geo/shandong.json"))
        return Correlator(places: try! Gazetteer(json: geo))
    }()

    static let units: [WatchfloorCore.Unit] = {
        let data = try! Data(contentsOf: root.appendingPathComponent("demo-data/units.json"))
        return try! UnitCatalogue.decode(data)
    }()

    public static let position = FeedPosition(feed: "fuzz", offset: 0, line: 1)

    /// An empty board with the demo units, as a replay starts. Built once, copied per input.
    public static let freshIntake = Intake(board: Board(units: units), correlator: correlator, exercise: true)

    /// The board at the end of the Jinan rainstorm. Copied per input: `Intake` is a value,
    /// so each input starts from the same board and only what it touches is copied.
    public static let busyIntake: Intake = {
        var intake = freshIntake
        let file = try! Data(contentsOf: root.appendingPathComponent("demo-data/scenarios/jinan-rainstorm.jsonl"))
        for (n, line) in file.split(separator: 0x0A).enumerated() {
            _ = Array(line).withUnsafeBytes { intake.ingest($0, at: FeedPosition(feed: "jinan", offset: 0, line: n + 1)) }
        }
        return intake
    }()
}
