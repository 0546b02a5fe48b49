import Foundation
import WatchfloorStore
import WatchfloorTerminal

/// `watchfloor log cat --follow`: the log, then each entry as it is committed, until SIGINT or
/// SIGTERM, or until stdout's reader goes away — how a site pipes its log to an archive. The
/// store's `LogWatch` says when to read (PostgreSQL notifies, SQLite is looked at); each read
/// starts after the last line printed, so the output is the log's lines in order, each once,
/// also across a server restart.
enum LogFollow {
    /// How long to wait for the watch between checks for a signal or a gone reader.
    static let checkSeconds = 0.25
    /// How soon to read again after a read that failed although the watch reaches the store.
    static let readRetrySeconds = 0.2

    static func run(_ store: any DispatchStore, from seq: Int64, output: LogOutput) throws(AppError) {
        let signals = SignalWatch(signals: [SIGINT, SIGTERM])
        let watch: any LogWatch
        do { watch = try store.watchLog() } catch { throw AppError(error.message) }
        defer { watch.close() }
        var next = seq
        var owed = true
        var shownTrouble: String?
        var nextTry = Date.distantPast
        while signals.receivedSignal == nil, !output.closed, !readerGone() {
            let news = watch.wait(timeout: owed ? readRetrySeconds : checkSeconds)
            if news.readAgain { owed = true }
            var trouble = news.lost
            if trouble == nil, owed, Date() >= nextTry {
                do throws(StoreError) {
                    try store.forEachLine(from: next) { line in
                        output.write(line: line.line)
                        next = line.seq + 1
                    }
                    owed = false
                } catch {
                    guard error.unreachable else {
                        output.flush()
                        throw AppError(error.message)
                    }
                    trouble = error.message
                    nextTry = Date(timeIntervalSinceNow: readRetrySeconds)
                }
                output.flush()
            }
            if (trouble == nil) != (shownTrouble == nil) {
                say(trouble.map { "the store cannot be reached (\($0)) — waiting for it; nothing is missed" }
                    ?? "the store is back — following from seq \(next)")
                shownTrouble = trouble
            }
        }
        output.flush()
        if let failure = output.failure { throw AppError("could not write the log to stdout: \(failure)") }
    }

    /// stdout is a pipe whose reader closed it: a write would fail, so stop now rather than at
    /// the next entry, which may be hours away.
    private static func readerGone() -> Bool {
        var stdout = pollfd(fd: 1, events: 0, revents: 0)
        guard poll(&stdout, 1, 0) > 0 else { return false }
        return stdout.revents & Int16(POLLERR | POLLHUP) != 0
    }

    private static func say(_ text: String) {
        FileHandle.standardError.write(Data("watchfloor: log cat: \(text)\n".utf8))
    }
}
