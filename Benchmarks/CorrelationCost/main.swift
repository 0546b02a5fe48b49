import Foundation
import WatchfloorCore

// The cost of folding one report (decode, correlate, apply, hash) with 1,000 and with
// 100,000 open incidents on the board, all still inside their time windows so that every one
// is a live candidate. Issue 2 asks the second to be within 2× of the first.
//
// Usage: correlation-cost PATH/TO/shandong.json [MEASURED_REPORTS]

let arguments = CommandLine.arguments
guard arguments.count >= 2, let geo = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: correlation-cost demo-data/geo/shandong.json [reports]\n".utf8))
    exit(64)
}
let measured = arguments.count >= 3 ? Int(arguments[2]) ?? 20_000 : 20_000
let gazetteer = try Gazetteer(json: geo)
let categories = ["traffic_accident", "medical", "fire", "public_order", "manhole", "waterlogging", "crime", "road_damage"]
let agencies = ["police", "emergency", "fire", "urban", "transport"]

/// A report somewhere in the province at `second` past 08:00.
func line(_ n: Int, second: Int, random: inout SeededRandom) -> [UInt8] {
    let county = gazetteer.counties[random.below(gazetteer.counties.count)]
    let lat = county.centroid.lat + (random.unit() - 0.5) * 0.3
    let lon = county.centroid.lon + (random.unit() - 0.5) * 0.4
    let time = Instant(rfc3339: "2026-11-24T08:00:00+08:00")!.adding(seconds: Double(second))
    let text = "{\"specversion\":\"1.0\",\"id\":\"B-\(n)\",\"source\":\"/sd/\(county.adcode)/\(agencies[n % agencies.count])\",\"type\":\"incident.report\",\"time\":\"\(time.rfc3339)\",\"data\":{\"category\":\"\(categories[n % categories.count])\",\"title\":\"基准测试事件\(n)\",\"lat\":\(lat),\"lon\":\(lon),\"adcode\":\"\(county.adcode)\",\"address\":\"山东省\(county.name)\",\"refs\":[]}}"
    return Array(text.utf8)
}

func nanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Nanoseconds per report for `measured` reports after `open` open incidents.
func costPerReport(open: Int) -> (Double, Int) {
    var random = SeededRandom(seed: 42)
    var intake = Intake(board: Board(), correlator: Correlator(places: gazetteer), exercise: true)
    // All opened within the last ten minutes: every one is inside its window when measuring.
    let preload = (0..<open).map { line($0, second: $0 * 600 / max(open, 1), random: &random) }
    for (i, l) in preload.enumerated() {
        _ = l.withUnsafeBytes { intake.ingest($0, at: FeedPosition(feed: "bench", offset: 0, line: i + 1)) }
    }
    let openBefore = intake.board.incidents.count
    let reports = (0..<measured).map { line(open + $0, second: 600 + $0 * 60 / measured, random: &random) }
    let start = nanoseconds()
    for (i, l) in reports.enumerated() {
        _ = l.withUnsafeBytes { intake.ingest($0, at: FeedPosition(feed: "bench", offset: 0, line: i + 1)) }
    }
    return (Double(nanoseconds() - start) / Double(measured), openBefore)
}

var results: [(Int, Double, Int)] = []
for open in [1_000, 100_000] {
    // Best of three, so a busy moment on a shared machine does not decide the figure.
    var best = Double.infinity
    var incidents = 0
    for _ in 0..<3 {
        let (cost, n) = costPerReport(open: open)
        best = min(best, cost)
        incidents = n
    }
    results.append((open, best, incidents))
    print(String(format: "%7d reports preloaded (%d incidents on the board): %.2f µs per report", open, incidents, best / 1000))
}
print(String(format: "ratio 100k / 1k: %.2fx (target <= 2x)", results[1].1 / results[0].1))
