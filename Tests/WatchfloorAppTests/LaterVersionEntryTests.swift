import Foundation
import Testing
import WatchfloorCore
import WatchfloorStore
@testable import WatchfloorApp

/// A board shared with a later version of Watchfloor holds entries of kinds this one does not
/// know (DESIGN §3.3 lets kinds be added). Following it, and reading it again after a broken
/// commit, skips them on the board but links past them in the chain.
@Suite("a later version's entries in a shared log")
struct LaterVersionEntryTests {
    @Test("catching up passes over an entry of an unknown kind; the next entry sealed links after it")
    func catchUpPassesOver() throws {
        let scratch = try Scratch()
        let store = try SQLiteStore(path: scratch.path("shared.db").path)
        let at = Instant(rfc3339: "2026-11-26T09:00:00+08:00")!
        func feed(_ name: String) -> LogEntry {
            LogEntry(at: at, actor: "feed:\(name)", exercise: false, event: .feedState(FeedStateChange(feed: name, state: .up)))
        }
        var chain = LogChain()
        let first = chain.seal(feed("police"))
        // The second as a later version would write it: a kind this one has no name for.
        var later = chain.seal(feed("fire"))
        later.line = Array(String(decoding: later.line, as: UTF8.self)
            .replacingOccurrences(of: #""kind":"feed.up""#, with: #""kind":"feed.rerouted""#).utf8)
        later.hash = LogChain.hash(later.line)
        #expect(later.line != first.line && String(decoding: later.line, as: UTF8.self).contains("feed.rerouted"))
        chain = LogChain(nextSeq: 3, head: later.hash)
        let third = chain.seal(feed("weather"))
        try store.append([first, later, third])
        #expect(throws: LogLineError.self) { try later.line.withBytes { (b) throws(LogLineError) in _ = try LogLine.entry(b) } }

        var intake = Intake(board: Board(), chain: LogChain(), correlator: Correlator(places: try Gazetteer(json: Data(contentsOf:
            Watchfloor.packageRoot.appendingPathComponent("demo-data/geo/shandong.json")))), exercise: false)
        let applied = try StoreFold.catchUp(store, into: &intake)
        #expect(applied == 2, "the two entries this version reads are on the board")
        #expect(intake.chain.nextSeq == 4 && intake.chain.head == third.hash, "the chain goes on after the last entry")
        #expect(Set(intake.board.feedStates.keys) == ["police", "weather"])

        // What this console commits next is accepted by the store: it links after the third.
        var next = intake.chain
        try store.append([next.seal(feed("urban"))])
        #expect(try store.chainHead().nextSeq == 5)
    }
}
