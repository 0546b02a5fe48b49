import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore

/// `watchfloor log verify` and `log cat`.
public enum LogCommands {
    /// Exit status of `log verify`: 0 intact, 1 altered or malformed, 2 a truncated tail only.
    public static func verify(paths: [String], storePath: String?, print say: (String) -> Void) throws(AppError) -> Int32 {
        var status: Int32 = 0
        if let storePath {
            let report = try verifyStore(storePath)
            status = max(status, describe(StoreOpener.shown(storePath), report, say))
        }
        var previous: (path: String, report: VerifyReport)?
        for path in paths {
            let (report, firstPrev) = try verifyFile(path)
            status = max(status, describe(path == "-" ? "stdin" : path, report, say))
            // Given several files, each must continue the one before (a day's archive after yesterday's).
            if let previous, report.isIntact || report.problem?.kind == .truncated,
               let last = previous.report.lastSeq, let first = report.firstSeq {
                if first != last + 1 {
                    say("\(path): does not follow \(previous.path): it starts at seq \(first), expected \(last + 1)")
                    status = max(status, 1)
                } else if firstPrev != previous.report.head {
                    say("\(path): does not follow \(previous.path): its first `prev` is not the head of \(previous.path)")
                    status = max(status, 1)
                }
            }
            previous = report.isIntact ? (path, report) : nil
        }
        return status
    }

    static func describe(_ name: String, _ report: VerifyReport, _ say: (String) -> Void) -> Int32 {
        guard let problem = report.problem else {
            say("\(name): intact — \(report.lines) entries, seq \(report.firstSeq ?? 0)…\(report.lastSeq ?? 0), head \(report.head ?? "")")
            return 0
        }
        if problem.kind == .truncated {
            say("\(name): TRUNCATED at line \(problem.line): \(problem.message); seq \(report.firstSeq ?? 0)…\(report.lastSeq ?? 0) verified, head \(report.head ?? "")")
            return 2
        }
        say("\(name): BROKEN at line \(problem.line): \(problem.message)")
        return 1
    }

    static func verifyFile(_ path: String) throws(AppError) -> (VerifyReport, String?) {
        let reader: LineReader
        do { reader = try LineReader(path: path, maxLineBytes: LineReader.maxLogLineBytes) } catch { throw AppError(error.message) }
        var verifier = LogVerifier()
        var firstPrev: String?
        do {
            try reader.forEachLine { line in
                if line.number == 1 { firstPrev = try? LogLine.parse(line.bytes).prev }
                verifier.add(line.bytes, terminated: line.terminated && !line.oversized)
                return true
            }
        } catch {
            throw AppError("\(error)")
        }
        return (verifier.finish(), firstPrev)
    }

    /// The store keeps each line's hash beside it, so even an edit of its last line shows.
    static func verifyStore(_ path: String) throws(AppError) -> VerifyReport {
        let store = try StoreOpener.existing(path, hint: "pass the --store that holds the log")
        do throws(StoreError) {
            var verifier = LogVerifier(expectedHead: try store.chainHead().head)
            try store.forEachLine(from: 1) { line in
                line.line.withUnsafeBytes { verifier.add($0) }
            }
            return verifier.finish()
        } catch {
            throw AppError(error.message)
        }
    }

    /// Prints the store's log from `seq`; with `follow`, goes on printing each entry as it is
    /// committed (`LogFollow`).
    public static func cat(storePath: String, from seq: Int64, follow: Bool = false) throws(AppError) {
        let store = try StoreOpener.existing(storePath, hint: "pass the --store that holds the log")
        let output = LogOutput()
        if follow { return try LogFollow.run(store, from: seq, output: output) }
        do throws(StoreError) {
            try store.forEachLine(from: seq) { line in output.write(line: line.line) }
        } catch { throw AppError(error.message) }
        output.flush()
    }
}
