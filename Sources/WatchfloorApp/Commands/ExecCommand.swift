import Foundation
import WatchfloorCore
import WatchfloorStore

/// `watchfloor exec COMMAND...`: one command of the operator grammar against a store's board,
/// recorded in the store whether accepted or rejected. The answer is shown only once the
/// entries are committed.
public enum ExecCommand {
    /// Exit status for a store or data failure: 1 already means "rejected".
    static let failureStatus: Int32 = 2

    /// Runs the command and prints its answer: on stdout when accepted, on stderr when
    /// rejected. Returns whether it was accepted.
    public static func run(storePath: String, operator id: String, words: [String]) throws(AppError) -> Bool {
        let outcome = try record(storePath: storePath, operator: id, words: words,
                                 now: Instant(secondsSince1970: Date().timeIntervalSince1970))
        if outcome.accepted {
            print(outcome.answer)
        } else {
            FileHandle.standardError.write(Data((outcome.answer + "\n").utf8))
        }
        return outcome.accepted
    }

    /// Folds the store's board, runs the command on it and commits what it recorded.
    static func record(storePath: String, operator id: String, words: [String], now: Instant) throws(AppError) -> CommandOutcome {
        do throws(AppError) {
            guard FileManager.default.fileExists(atPath: storePath) else {
                throw AppError("no store at \(storePath) — replay or ingest into it first, or pass --store PATH")
            }
            let reference = try Reference.load(try DataFiles.locate())
            let store = try StoreOpener.sqlite(storePath)
            var board = reference.emptyBoard()
            // The head is read before the fold: an entry another console commits in between
            // makes the append fail (the schema refuses the chain), never go unseen.
            let chain: LogChain
            do { chain = try store.chainHead() } catch { throw AppError(error.message) }
            try BoardRebuild.fold(store, into: &board)
            // Live unless the incident acted on was opened in training (the entries then say so).
            var intake = Intake(board: board, chain: chain, correlator: reference.correlator(), exercise: false)
            let outcome = intake.command(words.joined(separator: " "), operator: id, at: now)
            do throws(StoreError) {
                try store.append(outcome.entries)
            } catch {
                throw AppError("\(error.message) — the command was not recorded; run it again")
            }
            return outcome
        } catch {
            throw AppError(error.message, exitCode: failureStatus)
        }
    }

    /// The login name, for `--operator`'s default; nil when the session has none.
    public static func loginName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let user = environment["USER"], !user.isEmpty { return user }
        if let name = getlogin() { return String(cString: name) }
        return nil
    }
}
