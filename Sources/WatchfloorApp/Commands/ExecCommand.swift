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
    /// rejected. Returns whether it was accepted. `at` records it at that moment of a
    /// training scenario's clock instead of now (a scripted trainee, for the after-action
    /// report); it is refused for anything that would touch live work.
    public static func run(storePath: String, operator id: String, words: [String], key: String? = nil, role: String = "operator",
                           at: String? = nil) throws(AppError) -> Bool {
        let scenarioTime = at.flatMap { Instant(rfc3339: $0) }
        if let at, scenarioTime == nil { throw AppError(scenarioTimeProblem(at) ?? "", exitCode: failureStatus) }
        let outcome = try record(storePath: storePath, operator: id, words: words, key: key,
                                 now: scenarioTime ?? WallTime.now(),
                                 role: Role(rawValue: role) ?? .operator, trainingOnly: scenarioTime != nil)
        if outcome.accepted {
            print(outcome.answer)
        } else {
            FileHandle.standardError.write(Data((outcome.answer + "\n").utf8))
        }
        return outcome.accepted
    }

    /// Folds the store's board, then decides and commits under the store's write lock: the
    /// entries others committed since the fold are folded in first, so the command is decided
    /// on the latest board and two consoles never both send one unit.
    static func record(storePath: String, operator id: String, words: [String], key: String? = nil, now: Instant, role: Role = .operator,
                       trainingOnly: Bool = false) throws(AppError) -> CommandOutcome {
        do throws(AppError) {
            let reference = try Reference.load(try DataFiles.locate())
            let store = try StoreOpener.existing(storePath, hint: "replay or ingest into it first, or pass --store PATH")
            // The long fold runs before the lock is taken; only the tail is folded under it.
            // Live unless the incident acted on was opened in training (the entries then say so).
            let folded = try StoreFold.open(store, reference: reference, exercise: false)
            do {
                return try store.transact { tx in
                    var intake = folded
                    _ = try StoreFold.catchUp(tx, into: &intake)
                    let outcome = intake.command(words.joined(separator: " "), operator: id, at: now, key: key, role: role)
                    // A backdated entry in live work would falsify the record: only training may be scripted.
                    if trainingOnly, outcome.entries.contains(where: { !$0.entry.exercise }) {
                        throw AppError("--at is for training runs, and this command acts on live work (or on no training incident); run it without --at")
                    }
                    return (outcome.entries, outcome)
                }
            } catch let error as AppError {
                throw error
            } catch let error as StoreError {
                throw AppError("\(error.message) — the command was not recorded; run it again")
            } catch {
                throw AppError("\(error) — the command was not recorded; run it again")
            }
        } catch {
            throw AppError(error.message, exitCode: failureStatus)
        }
    }

    /// What is wrong with `--at`'s value; nil when it is an RFC 3339 time.
    public static func scenarioTimeProblem(_ text: String) -> String? {
        Instant(rfc3339: text) == nil ? "--at must be an RFC 3339 time like 2026-07-15T17:05:00+08:00, not '\(text)'" : nil
    }

    /// The login name, for `--operator`'s default; nil when the session has none.
    public static func loginName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let user = environment["USER"], !user.isEmpty { return user }
        if let name = getlogin() { return String(cString: name) }
        return nil
    }
}
