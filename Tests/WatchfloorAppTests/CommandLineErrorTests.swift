import Foundation
import Testing

/// Mistakes on the command line: each ends in a non-zero exit and a message that says what was wrong.
@Suite("Command line errors")
struct CommandLineErrorTests {
    @Test("a missing feed file: non-zero exit, one line on stderr naming the file, no log")
    func missingFeedFile() async throws {
        let dir = try Scratch()
        let outcome = try await Watchfloor.run(["replay", "no-such-feed.jsonl", "--headless"], in: dir.url)
        #expect(outcome.status == 1, "a clean refusal, not a crash")
        #expect(outcome.stderrLines.count == 1, "stderr: \(outcome.stderrText)")
        #expect(outcome.stderrText.contains("no-such-feed.jsonl"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("a missing feed file among good ones fails before anything is stored")
    func missingFileAmongGoodOnes() async throws {
        let dir = try Scratch()
        let store = dir.path("x.db").path
        let outcome = try await Watchfloor.run(
            ["replay", Watchfloor.scenario("jinan-rainstorm").path, "no-such-feed.jsonl", "--headless", "--store", store], in: dir.url
        )
        #expect(outcome.status != 0)
        #expect(outcome.stderrText.contains("no-such-feed.jsonl"))
        #expect(outcome.stdout.isEmpty, "no log is printed for a replay that could not start")
        if FileManager.default.fileExists(atPath: store) {
            let cat = try await Watchfloor.succeed(["log", "cat", "--store", store], in: dir.url)
            #expect(cat.stdout.isEmpty, "nothing was committed")
        }
    }

    @Test("a speed that is not a positive number or 'max' is refused with a message", arguments: [
        ["--speed", "-3"], ["--speed=-3"], ["--speed", "0"], ["--speed", "fast"], ["--speed", "nan"], ["--speed", "inf"],
    ])
    func badSpeed(option: [String]) async throws {
        let dir = try Scratch()
        let outcome = try await Watchfloor.run(["replay", Watchfloor.scenario("jinan-rainstorm").path, "--headless"] + option, in: dir.url)
        #expect(outcome.status != 0)
        #expect(outcome.stderrText.contains("--speed"), "stderr: \(outcome.stderrText)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test("a store that cannot be opened: non-zero exit, stderr names the path, no log printed", arguments: [
        ["replay", Watchfloor.scenario("jinan-rainstorm").path, "--headless", "--store"],
        ["board", "--store"],
        ["board", "--json", "--store"],
        ["log", "cat", "--store"],
        ["log", "verify", "--store"],
    ])
    func unopenableStore(command: [String]) async throws {
        let dir = try Scratch()
        let path = "/proc/nonexistent/x.db"
        let outcome = try await Watchfloor.run(command + [path], in: dir.url)
        #expect(outcome.status != 0)
        #expect(outcome.stderrText.contains(path), "stderr: \(outcome.stderrText)")
        #expect(outcome.stdout.isEmpty, "stdout: \(outcome.stdoutText.prefix(300))")
    }

    @Test("reading commands given a store path where there is none fail, name it, and create nothing", arguments: [
        ["board", "--store"],
        ["log", "cat", "--store"],
        ["log", "verify", "--store"],
    ])
    func readingANonexistentStore(command: [String]) async throws {
        let dir = try Scratch()
        let path = dir.path("nothing/here.db").path
        let outcome = try await Watchfloor.run(command + [path], in: dir.url)
        #expect(outcome.status != 0)
        #expect((outcome.stderrText + outcome.stdoutText).contains(path))
        #expect(!FileManager.default.fileExists(atPath: path), "`\(outcome.command)` created \(path)")
    }

    @Test("log verify of a missing file names it")
    func verifyMissingFile() async throws {
        let dir = try Scratch()
        let outcome = try await Watchfloor.run(["log", "verify", "no-such.log"], in: dir.url)
        #expect(outcome.status != 0)
        #expect(outcome.stderrText.contains("no-such.log"))
    }

    @Test("an unknown subcommand or option is a usage error")
    func usageErrors() async throws {
        let dir = try Scratch()
        let unknown = try await Watchfloor.run(["replay", "--no-such-option"], in: dir.url)
        #expect(unknown.status != 0)
        #expect(!unknown.stderr.isEmpty)
        let noFiles = try await Watchfloor.run(["replay", "--headless"], in: dir.url)
        #expect(noFiles.status != 0)
        #expect(!noFiles.stderr.isEmpty)
    }
}
