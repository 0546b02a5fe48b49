import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore

/// `watchfloor replay FILE... --headless`: feeds recorded messages through the same fold as
/// live feeds, as training, with the log on stdout and (optionally) into a store.
public struct ReplayOptions: Sendable {
    public var files: [String]
    /// nil: as fast as possible.
    public var speed: Double?
    public var storePath: String?
    /// Print the board summary on stderr at the end.
    public var summary: Bool

    public init(files: [String], speed: Double?, storePath: String?, summary: Bool) {
        self.files = files
        self.speed = speed
        self.storePath = storePath
        self.summary = summary
    }
}

public enum ReplayCommand {
    /// Entries committed per transaction at full speed: large enough that a commit's fsync is
    /// cheap per entry, small enough that little waits between commit and stdout.
    static let batchSize = 4096

    public static func run(_ options: ReplayOptions) throws(AppError) {
        let files = try DataFiles.locate()
        let reference = try Reference.load(files)
        let store = try options.storePath.map { (s) throws(AppError) in try StoreOpener.open(s) }
        // The intake decides and applies; the pipeline seals, on its own thread, continuing the
        // chain from exactly what was folded.
        var intake = try StoreFold.open(store, reference: reference, exercise: true)
        let pipeline = CommitPipeline(store: store, chain: intake.chain, output: LogOutput())
        var pacer = ReplayPacer(speed: options.speed)
        var pending: [LogEntry] = []
        pending.reserveCapacity(batchSize + 16)
        // Paced replays are watched: each message is durable and printed before the next.
        let paced = options.speed != nil

        func commit() throws(AppError) {
            guard !pending.isEmpty else { return }
            try pipeline.submit(pending)
            if paced { try pipeline.flush() }
            pending.removeAll(keepingCapacity: true)
        }

        do throws(AppError) {
            try ReplaySources.forEachLine(options.files) { (line, position, oversized) throws(AppError) in
                let entries = oversized
                    ? [intake.admitOversized(start: line, at: position, limit: LineReader.maxLineBytes)]
                    : intake.admit(line, at: position)
                if paced, let at = entries.last?.at { pacer.wait(for: at) }
                pending.append(contentsOf: entries)
                if paced || pending.count >= batchSize { try commit() }
                return !pipeline.readerGone
            }
            try commit()
        } catch {
            // What was accepted before the failure is still committed before we report it.
            try? pipeline.submit(pending)
            try? pipeline.close()
            throw error
        }
        try pipeline.close()
        if options.summary {
            FileHandle.standardError.write(Data(BoardSummary.text(intake.board, reference: reference).utf8))
        }
        // The process ends next: freeing a day's board object by object took seconds, and
        // the operating system takes the memory back at once.
        ProcessEnd.keep(intake)
    }
}
