import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore
import WatchfloorTerminal
import WatchfloorUI

/// `watchfloor run`: the board on the terminal. With nothing to play and no store it
/// replays the bundled Jinan rainstorm as training into a fresh store of its own; given only
/// `--store` it shows that store's board live and follows what others write to it.
public enum RunCommand {
    public static func run(_ options: RunOptions) throws(AppError) {
        let environment = ProcessInfo.processInfo.environment
        let files = try DataFiles.locate()
        let reference = try Reference.load(files)
        var replayFiles = options.replayFiles
        var storePath = options.storePath
        var speed = options.speed
        let plan = try FeedPlan.resolve(feeds: options.feeds, file: options.feedsFile, keys: options.feedKeys)
        if !plan.feeds.isEmpty {
            // Training never leaks into live work (DESIGN §5). Mixed only when asked, and then
            // the live feeds' lines become part of the exercise, never the other way round.
            guard replayFiles.isEmpty || options.mix else {
                throw AppError("a console does not mix live feeds and a replay unless asked: run the replay on its own (training), the feeds without --replay, or add --mix to feed them into the exercise (everything then is training)", exitCode: 64)
            }
            if replayFiles.isEmpty { storePath = storePath ?? DataFiles.defaultStorePath(environment: environment) }
        }
        // A console on a floor with a shared board opens it without being told each time.
        if replayFiles.isEmpty { storePath = storePath ?? DataFiles.configuredStore(environment: environment) }
        if replayFiles.isEmpty && storePath == nil {
            replayFiles = [files.scenario("jinan-rainstorm").path]
            speed = speed ?? RunOptions.trainingSpeed
            storePath = trainingStorePath(scenario: "jinan-rainstorm", environment: environment)
        }
        let training = !replayFiles.isEmpty
        let store = try storePath.map { (s) throws(AppError) in try StoreOpener.open(s) }
        // The board and the chain head it continues come from one fold: what others commit
        // while it reads is folded once, here, and the first catch-up goes on after it.
        let intake = try StoreFold.open(store, reference: reference, exercise: training)
        let tape = training ? try ReplayTape.load(replayFiles) : nil
        let layouts = try LayoutChoice.load(files: files, requested: options.layout)
        // stdout carries the log only when it is not the screen itself (DESIGN §1).
        let printsLog = !(isatty(1) == 1 || options.snapshot != nil)
        let output = printsLog ? LogOutput() : LogOutput(fd: open("/dev/null", O_WRONLY))
        let session = Session(
            reference: reference,
            intake: intake,
            // The session commits itself, under the store's lock; the pipeline only prints.
            pipeline: CommitPipeline(store: nil, chain: intake.chain, output: output), tape: tape, speed: speed,
            mode: training ? .training : .live,
            strings: Strings(options.language.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(environment)),
            operatorID: options.operatorID, layouts: layouts
        )
        session.store = store
        session.printsLog = printsLog
        if let code = options.jurisdiction {
            try session.scope(to: code)
        }
        if !plan.feeds.isEmpty {
            session.liveFeeds = LiveFeeds(hub: FeedHub(feeds: try plan.urls()), intake: FeedIntake(plan: plan))
        }
        session.role = Role(rawValue: options.role) ?? .operator
        if let problem = layouts.catalogue.problems.first {
            // The other layouts still work; the officer learns which file to mend and why.
            let shown = LayoutError(file: "layouts/" + URL(fileURLWithPath: problem.file).lastPathComponent, line: problem.line, problem.problem)
            session.view.message = Message(.rejected, session.strings.pick("布局文件被拒：", "layout file refused: ") + shown.description)
        }
        if let size = options.snapshot {
            try snapshot(session, width: size.width, height: size.height)
            return
        }
        let signals = SignalWatch()
        let terminal: Terminal
        do { terminal = try Terminal(environment: environment) } catch {
            try? session.pipeline.close()
            throw AppError(error.description)
        }
        var failure: AppError?
        do throws(AppError) { try session.startFollowing() } catch {
            terminal.close()
            try? session.pipeline.close()
            throw error
        }
        defer { session.stopFollowing() }
        session.liveFeeds?.hub.start()
        do throws(AppError) {
            try RunLoop(session: session, terminal: terminal, signals: signals).run()
        } catch {
            failure = error
        }
        terminal.close()
        do throws(AppError) { try session.stopFeeds() } catch { failure = failure ?? error }
        do throws(AppError) { try session.pipeline.close() } catch { failure = failure ?? error }
        if let failure { throw failure }
        // A rewound exercise ended in a store of its own.
        if let path = session.store?.location ?? storePath {
            let kept = session.strings.pick("日志已保存在 ", "the log is kept in ")
            FileHandle.standardError.write(Data("watchfloor: \(kept)\(path)\n".utf8))
        }
    }

    /// `run --headless`: the replay played to its end at full speed, the store written as
    /// usual, and the final screen printed as text — for scripts, bug reports and checks.
    static func snapshot(_ session: Session, width: Int, height: Int) throws(AppError) {
        session.replayClock.setSpeed(nil, wall: 0)
        while !(session.tape?.ended ?? true) { try session.advance(wall: 0, budget: .infinity) }
        try session.pipeline.close()
        let text = session.frame(width: width, height: height).canvas.lines().joined(separator: "\n") + "\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Each training run of the bundled scenario gets a store of its own, so runs never mix
    /// and an earlier run's log stays for its after-action report.
    static func trainingStorePath(scenario: String, environment: [String: String]) -> String {
        // The machine's clock, not the board's: two runs must never share a store.
        let stamp = Instant(secondsSince1970: Date().timeIntervalSince1970).rfc3339.prefix(19)
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        return DataFiles.stateDirectory(environment: environment)
            .appendingPathComponent("training/\(scenario)-\(stamp).db").path
    }
}
