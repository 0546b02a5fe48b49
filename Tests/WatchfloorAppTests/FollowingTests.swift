import Foundation
import Testing

/// Consoles and `log cat --follow` on one store see what others commit to it: on PostgreSQL
/// as soon as the store notifies them, also across a server restart; on SQLite by looking.
@Suite("Following a shared store")
struct FollowingTests {
    /// How many rows of an English board show their incident acknowledged (the rows do not
    /// show incident ids; the replayed boards start with none acknowledged).
    static func acknowledged(_ screen: [String]) -> Int {
        screen.filter { $0.contains(" ack'd ") }.count
    }

    /// The lines of a file, each a whole line (a line still being written is left out).
    static func lines(_ url: URL) -> [Substring] {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let whole = text.hasSuffix("\n") ? text : String(text[..<(text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex)])
        return whole.split(separator: "\n")
    }

    /// Waits until `condition` holds for the file's lines; a guard against hangs, not a timing.
    /// Sleeps with `Task.sleep` between looks, holding no thread of the shared pool.
    @discardableResult
    static func waitForLines(_ url: URL, _ what: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation,
                             _ condition: ([Substring]) -> Bool) async throws -> [Substring] {
        let deadline = Date().addingTimeInterval(seconds)
        var lines = Self.lines(url)
        while !condition(lines) && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            lines = Self.lines(url)
        }
        lines = Self.lines(url)
        if !condition(lines) { Issue.record("\(url.lastPathComponent) never held \(what); it has \(lines.count) lines", sourceLocation: sourceLocation) }
        return lines
    }

    /// The incidents of the waterlogging under the 北园大街 bridge and of the car in the 经十路
    /// underpass, on a store holding the Jinan rainstorm.
    static func bridgeAndUnderpass(store: String, in scratch: Scratch) async throws -> (String, String) {
        let ids = try await Watchfloor.incidents(holding: [JinanReport.bridgeWaterlogging, JinanReport.carInUnderpass], store: store, in: scratch)
        return (ids[0], ids[1])
    }

    static func quit(_ tmux: TmuxScreen) async throws {
        try tmux.send("q")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
    }

    @Test("two consoles on one PostgreSQL board: a command typed on one appears on the other")
    func twoConsoles() async throws {
        let scratch = try Scratch()
        let db = try ScratchPostgres()
        try await Watchfloor.replayedStore(scratch, at: db.url)
        // The waterlogging under the 北园大街 bridge, and the car in the 经十路 underpass.
        let (bridge, underpass) = try await Self.bridgeAndUnderpass(store: db.url, in: scratch)
        let first = try TmuxScreen(["run", "--store", db.url, "--operator", "duty1", "--lang", "en"], width: 120, height: 40, in: scratch)
        let second = try TmuxScreen(["run", "--store", db.url, "--operator", "duty2", "--lang", "en"], width: 120, height: 40, in: scratch)
        for tmux in [first, second] { try await tmux.waitFor("the board") { TmuxScreen.incidentCount($0) == 16 } }
        #expect(Self.acknowledged(try second.capture()) == 0)

        try first.send(":")
        try first.type("ack \(bridge)")
        try first.send("Enter")
        try await first.waitForText("accepted: ack \(bridge)")
        try await second.waitFor("\(bridge) acknowledged by the other console") { Self.acknowledged($0) == 1 }

        // And the other way, a command the second console is told about by the first's commit.
        try second.send(":")
        try second.type("ack \(underpass)")
        try second.send("Enter")
        try await second.waitForText("accepted: ack \(underpass)")
        try await first.waitFor("\(underpass) acknowledged by the other console") { Self.acknowledged($0) == 2 }
        try await Self.quit(first)
        try await Self.quit(second)
        let verify = try await Watchfloor.run(["log", "verify", "--store", db.url], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }

    @Test("log cat --follow prints the log, then what another process commits, each entry once, until SIGTERM", arguments: ["sqlite", "postgres"])
    func logCatFollow(kind: String) async throws {
        let scratch = try Scratch()
        let db = kind == "postgres" ? try ScratchPostgres() : nil
        let store = try await Watchfloor.replayedStore(scratch, scenario: "zibo-chemical-fire", file: "z.db", at: db?.url)
        let replayed = Self.lines(scratch.path("replay.log")).count
        #expect(replayed > 10)
        let archive = scratch.path("archive.jsonl")
        let follower = try BackgroundWatchfloor(["log", "cat", "--store", store, "--follow"], in: scratch, stdout: archive)
        defer { follower.kill() }
        try await Self.waitForLines(archive, "the replayed log") { $0.count == replayed }

        // The tank fire, the scenario's first incident.
        let fire = try await Watchfloor.incident(holding: ZiboReport.tankFire, store: store, in: scratch)
        try await Watchfloor.succeed(["exec", "--store", store, "--operator", "t", "ack", fire], in: scratch.url)
        try await Self.waitForLines(archive, "the ack") { $0.contains { $0.contains(#""kind":"command.accepted""#) && $0.contains(fire) } }
        try await Watchfloor.succeed(["exec", "--store", store, "--operator", "t", "note", fire, "followed"], in: scratch.url)
        try await Self.waitForLines(archive, "the note") { $0.contains { $0.contains(#""kind":"command.accepted""#) && $0.contains("followed") } }

        #expect(try await follower.terminate() == 0, "\(follower.stderr)")
        let whole = try await Watchfloor.succeed(["log", "cat", "--store", store], in: scratch.url).stdoutText
        #expect(try String(contentsOf: archive, encoding: .utf8) == whole, "the followed log is the store's log, each entry once, in order")
        let verify = try await Watchfloor.run(["log", "verify", archive.path], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }

    @Test("log cat --follow ends when the reader of its stdout goes away, though nothing more is committed")
    func logCatFollowEndsWithItsReader() async throws {
        let scratch = try Scratch()
        let store = try await Watchfloor.replayedStore(scratch, scenario: "zibo-chemical-fire", file: "z.db")
        let follower = Process()
        follower.executableURL = Watchfloor.binary
        follower.arguments = ["log", "cat", "--store", store, "--follow"]
        follower.environment = ProcessInfo.processInfo.environment.merging(["WATCHFLOOR_HOME": Watchfloor.packageRoot.path]) { $1 }
        // The pipe's ends are close-on-exec at once: a process another test starts meanwhile
        // must not inherit the reading end, or the pipe would keep a reader after ours goes.
        // (Foundation's Pipe leaves them inheritable; pipe2 is not in Swift's Glibc.)
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let reading = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
        let writing = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        follower.standardOutput = writing
        follower.standardError = FileHandle.nullDevice
        let exit = ExitWatch()
        follower.terminationHandler = { _ in exit.terminated() }
        try follower.run()
        try writing.close()
        defer { if follower.isRunning { kill(follower.processIdentifier, SIGKILL) } }
        // A reader that takes the first line and goes, as `head -n 1` would.
        var first = Data()
        while !first.contains(0x0A) {
            let chunk = reading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        #expect(first.contains(0x0A), "the follower printed the log")
        try reading.close()
        // Awaited, not polled; killed (and failed) if it has not ended within 30 s, a guard
        // against a hang, not a timing.
        let pid = follower.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { exit.killIfRunning(pid) }
        await exit.wait()
        #expect(!exit.timedOut, "the follower noticed its reader was gone")
        if !exit.timedOut { #expect(follower.terminationStatus == 0) }
    }

    @Test("PostgreSQL restarted under a running console and a follower: what is committed after it appears on both, nothing lost")
    func serverRestart() async throws {
        let scratch = try Scratch()
        let server = try OwnPostgresServer()
        try await Watchfloor.replayedStore(scratch, at: server.url)
        let (bridge, underpass) = try await Self.bridgeAndUnderpass(store: server.url, in: scratch)
        let replayed = Self.lines(scratch.path("replay.log")).count
        let archive = scratch.path("archive.jsonl")
        let follower = try BackgroundWatchfloor(["log", "cat", "--store", server.url, "--follow"], in: scratch, stdout: archive)
        defer { follower.kill() }
        let console = try TmuxScreen(["run", "--store", server.url, "--operator", "duty1", "--lang", "en"], width: 120, height: 40, in: scratch)
        try await console.waitFor("the board") { TmuxScreen.incidentCount($0) == 16 }
        #expect(Self.acknowledged(try console.capture()) == 0)
        try await Self.waitForLines(archive, "the replayed log") { $0.count == replayed }

        try server.restart()
        try await Watchfloor.succeed(["exec", "--store", server.url, "--operator", "t", "ack", bridge], in: scratch.url)
        try await console.waitFor("the ack committed after the restart") { Self.acknowledged($0) == 1 }
        // The console's own commands reach the restarted server too.
        try console.send(":")
        try console.type("ack \(underpass)")
        try console.send("Enter")
        try await console.waitForText("accepted: ack \(underpass)")
        try await Self.waitForLines(archive, "both acks") { lines in
            [bridge, underpass].allSatisfy { id in lines.contains { $0.contains(#""kind":"command.accepted""#) && $0.contains(id) } }
        }
        #expect(!(try console.capture().contains { $0.contains("STORE UNREACHABLE") }), "the console says nothing of the restart once it is over")
        try await Self.quit(console)

        #expect(try await follower.terminate() == 0, "\(follower.stderr)")
        // It heard of the restart and listened again, not merely read on its safety net.
        #expect(follower.stderr.contains("the store cannot be reached"), "\(follower.stderr)")
        #expect(follower.stderr.contains("the store is back"), "\(follower.stderr)")
        let whole = try await Watchfloor.succeed(["log", "cat", "--store", server.url], in: scratch.url).stdoutText
        #expect(try String(contentsOf: archive, encoding: .utf8) == whole, "the follower printed every entry once, in order, across the restart")
        let verify = try await Watchfloor.run(["log", "verify", "--store", server.url], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }
}
