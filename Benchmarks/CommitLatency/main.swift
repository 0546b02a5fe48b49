import Foundation
import WatchfloorCore
import WatchfloorStore

// Issue 4: an operator's command from the moment it is decided to its durable commit in
// SQLite (WAL, synchronous=FULL, BEGIN IMMEDIATE, the order written in the same
// transaction). Target: p99 <= 10 ms. The board is the Jinan rainstorm's; each command is a
// dispatch of the nearest unit the run card wants, or a note when no unit is left.
//
// Usage: commit-latency demo-data [COMMANDS]

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: commit-latency demo-data [commands]\n".utf8))
    exit(64)
}
let data = URL(fileURLWithPath: arguments[1])
let count = arguments.count >= 3 ? Int(arguments[2]) ?? 1000 : 1000
let gazetteer = try Gazetteer(json: Data(contentsOf: data.appendingPathComponent("geo/shandong.json")))
let units = try UnitCatalogue.decode(Data(contentsOf: data.appendingPathComponent("units.json")))
let scenario = try String(contentsOf: data.appendingPathComponent("scenarios/jinan-rainstorm.jsonl"), encoding: .utf8)

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("commit-latency-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let store = try SQLiteStore(path: directory.appendingPathComponent("bench.db").path)

var intake = Intake(board: Board(units: units), correlator: Correlator(places: gazetteer), exercise: false)
var sealed: [SealedEntry] = []
for (i, line) in scenario.split(separator: "\n").enumerated() {
    sealed += Array(line.utf8).withBytes { intake.ingest($0, at: FeedPosition(feed: "jinan", offset: 0, line: i + 1)) }
}
try store.append(sealed)

func milliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

var all: [Double] = []
var dispatches: [Double] = []
let open = intake.board.openIncidents.map(\.id)
var clock = intake.board.clock ?? Instant(milliseconds: 0)
for n in 0..<count {
    let incident = open[n % open.count]
    let unit = intake.board.recommendation(for: incident).first?.unit
    let text = unit.map { "dispatch \(incident) \($0)" } ?? "note \(incident) benchmark note \(n)"
    clock = clock.adding(seconds: 1)
    let start = milliseconds()
    let outcome = intake.command(text, operator: "bench", at: clock)
    try store.append(outcome.entries)
    let took = milliseconds() - start
    all.append(took)
    if unit != nil && outcome.accepted { dispatches.append(took) }
}

func line(_ name: String, _ values: [Double]) -> String {
    guard !values.isEmpty else { return "\(name): none" }
    let sorted = values.sorted()
    func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
    return String(format: "%@: %d commands, p50 %.2f ms, p99 %.2f ms, max %.2f ms", name, sorted.count, at(0.5), at(0.99), sorted.last!)
}
print("commit-latency: command decided and committed with synchronous=FULL (one transaction each)")
print(line("all commands", all))
print(line("dispatches", dispatches))
let p99 = all.sorted()[min(all.count - 1, Int(Double(all.count) * 0.99))]
print(String(format: "p99 %.2f ms (target <= 10 ms: %@)", p99, p99 <= 10 ? "met" : "NOT met"))
