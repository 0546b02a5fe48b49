import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore

/// `watchfloor report`: the after-action report of a training run, made from its log alone
/// (a store's, a log file, or stdin) and the unit catalogue that says what each unit is.
public enum ReportCommand {
    /// Where the log comes from.
    public enum Source: Sendable {
        case store(String)
        /// A log file, or `-` for stdin.
        case file(String)
    }

    public static func run(_ source: Source, json: Bool) throws(AppError) {
        let report = AfterActionReport(try record(source, unitKinds: try unitKinds()))
        let output = LogOutput()
        output.write(line: json ? ReportJSON.bytes(report) : Array(ReportText.text(report).utf8))
        output.flush()
    }

    /// Folds the log's training entries into a record.
    static func record(_ source: Source, unitKinds: [String: String]) throws(AppError) -> TrainingRunRecord {
        var record = TrainingRunRecord(unitKinds: unitKinds)
        switch source {
        case .store(let path):
            let store = try StoreOpener.existing(path, hint: "replay a scenario into it first, or pass --store PATH or a log file")
            var failure: AppError?
            do throws(StoreError) {
                try store.forEachLine(from: 1) { stored in
                    do throws(AppError) {
                        if let entry = try stored.line.withBytes({ (b) throws(AppError) in try entry(b, where: "\(store.location): seq \(stored.seq)") }) {
                            record.add(entry)
                        }
                    } catch {
                        failure = error
                        throw error
                    }
                }
            } catch {
                throw failure ?? AppError(error.message)
            }
        case .file(let path):
            let name = path == "-" ? "stdin" : path
            let reader: LineReader
            do { reader = try LineReader(path: path, maxLineBytes: LineReader.maxLogLineBytes) } catch { throw AppError(error.message) }
            var failure: AppError?
            do {
                try reader.forEachLine { line in
                    // A last line cut short is an interrupted writer's, not the trainee's: left out.
                    if !line.terminated || line.bytes.isEmpty { return true }
                    do throws(AppError) {
                        if let entry = try entry(line.bytes, where: "\(name): line \(line.number)") { record.add(entry) }
                    } catch {
                        failure = error
                        throw error
                    }
                    return true
                }
            } catch {
                throw failure ?? AppError("\(error)")
            }
        }
        guard record.trainingEntries > 0 else {
            let name = switch source { case .store(let p): p; case .file(let p): p == "-" ? "stdin" : p }
            throw AppError("\(name) holds no training entries (exercise: true); the report is of a training run: replay a scenario into a store (watchfloor replay FILE --headless --store PATH) and report on that")
        }
        return record
    }

    /// One log line read back; nil for a kind a later version wrote, which this one skips.
    static func entry(_ bytes: UnsafeRawBufferPointer, where place: String) throws(AppError) -> LogEntry? {
        do throws(LogLineError) {
            return try LogLine.entry(bytes).1
        } catch {
            if error.laterVersion { return nil }
            throw AppError("\(place) cannot be read: \(error) — check the log with `watchfloor log verify`")
        }
    }

    /// Unit id → kind, from the bundled catalogue.
    static func unitKinds() throws(AppError) -> [String: String] {
        let files = try DataFiles.locate()
        do {
            let units = try UnitCatalogue.decode(try Data(contentsOf: files.units))
            return Dictionary(units.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        } catch {
            throw AppError("\(files.units.path): \(error)")
        }
    }
}
