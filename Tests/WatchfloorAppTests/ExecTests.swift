import Foundation
import Testing

/// `watchfloor exec`: one operator command against a store a training replay filled.
@Suite("exec")
struct ExecTests {
    func incident(_ id: String, store: String, in dir: Scratch) async throws -> [String: Any] {
        let board = try #require(JSONLines.object(try await Watchfloor.succeed(["board", "--store", store, "--json"], in: dir.url).stdout))
        return try #require(board.array("incidents").first { $0.string("id") == id }, "\(id) is on the board")
    }

    @Test("accepted commands change the board, rejected ones name the problem, and the log stays intact")
    func ackLevelAndRefusal() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        // The rainfall at 泉城广场, a training incident; typed also by its bare number.
        let id = try await Watchfloor.incident(holding: JinanReport.rainfall, store: store, in: dir)
        let short = "sd-" + (try Watchfloor.number(of: id))
        let before = try await incident(id, store: store, in: dir)
        #expect(before.string("status") == "new")
        #expect(before.string("level") == "III")

        let ack = try await Watchfloor.run(["exec", "--store", store, "--operator", "duty1", "ack", id], in: dir.url)
        #expect(ack.status == 0, "stderr: \(ack.stderrText)")
        #expect(ack.stdoutText == "accepted: ack \(id)\n")
        #expect(ack.stderr.isEmpty)

        let missing = try await Watchfloor.run(["exec", "--store", store, "--operator", "duty1", "ack", "SD-9999"], in: dir.url)
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderrText == "rejected: ack SD-9999: no incident SD-9999\n")

        let level = try await Watchfloor.run(["exec", "--store", store, "--operator", "duty1", "level", short, "ii"], in: dir.url)
        #expect(level.status == 0, "stderr: \(level.stderrText)")
        #expect(level.stdoutText == "accepted: level \(id) II\n")

        let after = try await incident(id, store: store, in: dir)
        #expect(after.string("status") == "acknowledged")
        #expect(after.string("level") == "II")

        let cat = try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url, stdout: dir.path("all.log"))
        let log = try loggedEntries(cat.stdout)
        let commands = log.suffix(3)
        #expect(commands.map(\.kind) == ["command.accepted", "command.rejected", "command.accepted"])
        #expect(commands.map { $0.object.string("actor") } == ["operator:duty1", "operator:duty1", "operator:duty1"])
        #expect(commands.map { $0.object["exercise"] as? Bool } == [true, false, true], "\(id) is training; SD-9999 is no incident")
        #expect(commands.map { $0.data.string("text") } == ["ack \(id)", "ack SD-9999", "level \(short) ii"])
        #expect(commands.last?.data.string("command") == "level \(id) II")
        let verify = try await Watchfloor.run(["log", "verify", dir.path("all.log").path], in: dir.url)
        #expect(verify.status == 0, "\(verify.stdoutText)")
        #expect(verify.stdoutText.contains("intact"))
    }

    @Test("--operator defaults to the login name")
    func defaultOperator() async throws {
        let dir = try Scratch()
        let store = try await Watchfloor.replayedStore(dir)
        // A note on the rainfall at 泉城广场, typed by its bare number.
        let id = try await Watchfloor.incident(holding: JinanReport.rainfall, store: store, in: dir)
        let note = try await Watchfloor.run(["exec", "--store", store, "note", try Watchfloor.number(of: id), "水深约", "40", "厘米"], in: dir.url,
                                            environment: ["USER": "zhang.wei"])
        #expect(note.status == 0, "stderr: \(note.stderrText)")
        let cat = try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url)
        let last = try #require(try loggedEntries(cat.stdout).last)
        #expect(last.object.string("actor") == "operator:zhang.wei")
        #expect(last.data.string("note") == "水深约 40 厘米")
    }

    @Test("a store that is not there: exit 2, the path named, nothing created")
    func missingStore() async throws {
        let dir = try Scratch()
        let path = dir.path("nothing/here.db").path
        let outcome = try await Watchfloor.run(["exec", "--store", path, "--operator", "duty1", "ack", "1"], in: dir.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderrText.contains(path), "stderr: \(outcome.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
