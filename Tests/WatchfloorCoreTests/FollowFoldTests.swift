import Foundation
import Testing
@testable import WatchfloorCore

/// Folding entries another writer sealed: each once, in order, and the chain goes on after
/// exactly what was folded.
@Suite("Folding others' entries")
struct FollowFoldTests {
    /// What a writer sealed for the crash and the fire: the entries a follower adopts.
    static func sealed() -> [SealedEntry] {
        var writer = makeIntake()
        return ingestAll(crashAndFireLines, into: &writer)
    }

    static func entry(_ sealed: SealedEntry) throws -> LogEntry {
        try sealed.line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
    }

    @Test("a follower that adopts every entry has the writer's board, and continues its chain")
    func adoptsInOrder() throws {
        var writer = makeIntake()
        let sealed = ingestAll(crashAndFireLines, into: &writer)
        var follower = makeIntake()
        for s in sealed { follower.adopt(try Self.entry(s), seq: s.seq, hash: s.hash) }
        #expect(follower.board.incidents.map(\.id) == writer.board.incidents.map(\.id))
        #expect(follower.board.incidents.map(\.reports.count) == writer.board.incidents.map(\.reports.count))
        #expect(follower.chain.nextSeq == writer.chain.nextSeq && follower.chain.head == writer.chain.head)
    }

    // `assert` is compiled out of release builds: these hold for the debug builds tests run on.
    #if DEBUG
    @Test("an entry folded a second time stops a debug build, rather than open an incident twice")
    func twiceIsRefused() async throws {
        let exit = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let sealed = FollowFoldTests.sealed()
            var follower = makeIntake()
            for s in sealed { follower.adopt(try FollowFoldTests.entry(s), seq: s.seq, hash: s.hash) }
            let first = sealed[0]
            follower.adopt(try FollowFoldTests.entry(first), seq: first.seq, hash: first.hash)
        }
        let said = String(decoding: exit?.standardErrorContent ?? [], as: UTF8.self)
        #expect(said.contains("folded twice"), "\(said)")
    }

    @Test("an entry past the next one (a hole in what was read) stops a debug build too")
    func holeIsRefused() async throws {
        let exit = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let sealed = FollowFoldTests.sealed()
            var follower = makeIntake()
            follower.adopt(try FollowFoldTests.entry(sealed[1]), seq: sealed[1].seq, hash: sealed[1].hash)
        }
        let said = String(decoding: exit?.standardErrorContent ?? [], as: UTF8.self)
        #expect(said.contains("entries skipped"), "\(said)")
    }
    #endif
}
