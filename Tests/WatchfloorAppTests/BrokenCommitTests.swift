import Foundation
import Testing
import WatchfloorCore
import WatchfloorStore
import WatchfloorUI
@testable import WatchfloorApp

/// A store whose next transaction breaks off with the connection at a chosen moment, as a
/// PostgreSQL server going away would: before anything is decided, after the decision but
/// before the commit (nothing stored), or after the commit but before its answer (stored,
/// though the writer is told it failed).
final class BreakingStore: DispatchStore, @unchecked Sendable {
    enum Moment: CaseIterable, Sendable { case beforeDeciding, afterDeciding, afterCommitting }

    let inner: SQLiteStore
    var breakNext: Moment?
    private(set) var broke = 0

    init(_ inner: SQLiteStore) { self.inner = inner }

    var location: String { inner.location }
    func chainHead() throws(StoreError) -> LogChain { try inner.chainHead() }
    func append(_ entries: [SealedEntry]) throws(StoreError) { try inner.append(entries) }
    func forEachLine(from seq: Int64, _ body: (StoredLine) throws -> Void) throws(StoreError) { try inner.forEachLine(from: seq, body) }
    func orders(where filter: OrderFilter) throws(StoreError) -> [Order] { try inner.orders(where: filter) }
    func claim(agency: Agency, consumer: String, max: Int, leaseSeconds: Double, exercise: Bool, at: Instant) throws -> [Order] {
        try inner.claim(agency: agency, consumer: consumer, max: max, leaseSeconds: leaseSeconds, exercise: exercise, at: at)
    }
    func watchLog() throws(StoreError) -> any LogWatch { try inner.watchLog() }

    func transact<T>(_ body: (any StoreTransaction) throws -> (entries: [SealedEntry], value: T)) throws -> T {
        guard let moment = breakNext else { return try inner.transact(body) }
        breakNext = nil
        broke += 1
        let lost = StoreError("lost the connection to the PostgreSQL server", unreachable: true)
        switch moment {
        case .beforeDeciding:
            throw lost
        case .afterDeciding:
            // The body decides; the transaction then rolls back, appending nothing.
            let _: T = try inner.transact { tx in
                _ = try body(tx)
                throw lost
            }
            throw lost
        case .afterCommitting:
            _ = try inner.transact(body)
            throw lost
        }
    }
}

/// A training replay whose commits break off with the connection: the console neither stops
/// nor loses or doubles anything — it reads the board again from the store and plays on.
@Suite("a commit broken off with the connection")
struct BrokenCommitTests {
    /// The Jinan rainstorm replayed into a store of its own by a console whose commits break
    /// three times at `moment` (never, for nil); returns the stored log and the final board.
    func replay(breaking moment: BreakingStore.Moment?, in scratch: Scratch, store file: String) throws -> (log: [LoggedEntry], broke: Int, board: Board) {
        let files = try DataFiles.locate(environment: ["WATCHFLOOR_HOME": Watchfloor.packageRoot.path])
        let reference = try Reference.load(files)
        let store = BreakingStore(try SQLiteStore(path: scratch.path(file).path))
        let session = Session(
            reference: reference,
            intake: Intake(board: reference.emptyBoard(), chain: LogChain(), correlator: reference.correlator(), exercise: true),
            pipeline: CommitPipeline(store: nil, chain: LogChain(), output: LogOutput(fd: open("/dev/null", O_WRONLY))),
            tape: try ReplayTape.load([files.scenario("jinan-rainstorm").path]), speed: 60, mode: .training,
            strings: Strings(.en), operatorID: "trainer", layouts: try LayoutChoice.load(files: files, requested: nil)
        )
        session.store = store
        try session.startFollowing()
        defer { session.stopFollowing() }

        // At 60×, wall time moving on by a second a turn: the six hours in 360 turns, and each
        // reload due on the turn after a break.
        var wall = 1000.0
        var turns = 0
        while !(session.tape?.ended ?? true) || session.boardUnconfirmed {
            turns += 1
            try #require(turns < 10_000, "the replay ends")
            // Three commits break, spread over the recording: the next one after each of these turns.
            if let moment, [30, 120, 240].contains(turns) { store.breakNext = moment }
            let broken = store.broke
            try session.advance(wall: wall)
            if store.broke > broken {
                #expect(session.boardUnconfirmed, "the console knows its board may hold what was not stored")
                #expect(session.storeTrouble != nil, "and says so")
                #expect(session.secondsUntilNextLine(wall: wall) == nil, "and waits for the store, not the tape")
            }
            wall += 1
            try session.follow(wall: wall)
        }
        try session.pipeline.close()
        var lines = Data()
        try store.forEachLine(from: 1) { lines.append(contentsOf: $0.line + [0x0A]) }
        return (try loggedEntries(lines), store.broke, session.intake.board)
    }

    @Test("broken before deciding, after deciding, after committing: every report accepted once, the chain whole, the board as a clean replay's",
          arguments: BreakingStore.Moment.allCases)
    func breaks(at moment: BreakingStore.Moment) throws {
        let scratch = try Scratch()
        let (log, broke, board) = try replay(breaking: moment, in: scratch, store: "trainee.db")
        #expect(broke == 3)

        let scenario = try String(contentsOf: Watchfloor.scenario("jinan-rainstorm"), encoding: .utf8).split(separator: "\n")
            .filter { !$0.contains(#""type":"feed.heartbeat""#) && !$0.contains(#""type":"training.expectations""#) }
        let accepted = log.filter { $0.kind == "report.accepted" }.map { "\($0.data["source"] as? String ?? "")#\($0.data["id"] as? String ?? "")" }
        #expect(accepted.count == scenario.count, "each of the recording's \(scenario.count) reports accepted")
        #expect(Set(accepted).count == accepted.count, "none accepted twice")
        let duplicates = log.filter { $0.kind == "report.duplicate" }.count
        if moment == .afterCommitting {
            #expect(duplicates > 0, "what the store took after all comes again as a duplicate")
        } else {
            #expect(duplicates == 0, "nothing was stored, so nothing comes again")
        }
        // The chain links from 1 to the end.
        var verifier = LogVerifier()
        for e in log { e.raw.withUnsafeBytes { verifier.add($0) } }
        let verdict = verifier.finish()
        #expect(verdict.isIntact && verdict.lines == log.count, "\(verdict)")

        // The board the console ends on is the one a replay without breaks makes.
        let clean = try replay(breaking: nil, in: scratch, store: "clean.db")
        #expect(clean.broke == 0)
        #expect(board.incidents.count == clean.board.incidents.count)
        #expect(board.incidents == clean.board.incidents, "the same incidents, reports, merges and units as a clean replay")
    }
}
