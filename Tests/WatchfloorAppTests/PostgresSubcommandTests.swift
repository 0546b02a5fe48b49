import Foundation
import Testing

/// Every subcommand takes `--store postgres://…` as it takes a SQLite path, and the same work
/// gives the same answers on either: the log's bytes, the board, the after-action report.
@Suite("subcommands on a PostgreSQL store")
struct PostgresSubcommandTests {
    @Test("the Jinan rainstorm replayed into SQLite and into PostgreSQL: the same log, board and report, and the same command answered alike")
    func sameAsSQLite() async throws {
        let dir = try Scratch()
        let database = try ScratchPostgres()
        let file = try await Watchfloor.replayedStore(dir)
        let replay = try await Watchfloor.succeed(
            ["replay", Watchfloor.scenario("jinan-rainstorm").path, "--headless", "--speed", "max", "--store", database.url],
            in: dir.url, stdout: dir.path("pg-replay.log")
        )
        #expect(replay.stdout == (try Data(contentsOf: dir.path("replay.log"))), "the log on stdout is byte for byte SQLite's")

        // The waterlogging under the 北园大街 bridge, looked up on each store.
        for store in [file, database.url] {
            let bridge = try await Watchfloor.incident(holding: JinanReport.bridgeWaterlogging, store: store, in: dir)
            let ack = try await Watchfloor.run(["exec", "--store", store, "--operator", "duty1", "--at", "2026-07-15T17:10:00+08:00", "ack", bridge], in: dir.url)
            #expect(ack.stdoutText == "accepted: ack \(bridge)\n", "\(ack.stderrText)")
            let refused = try await Watchfloor.run(["exec", "--store", store, "--operator", "duty1", "--at", "2026-07-15T17:11:00+08:00", "dispatch", bridge, "NO-SUCH-UNIT"], in: dir.url)
            #expect(refused.status == 1)
            #expect(refused.stderrText == "rejected: dispatch \(bridge) NO-SUCH-UNIT: no unit NO-SUCH-UNIT\n")
        }
        for command in [["log", "cat"], ["board", "--json"], ["board"], ["report", "--json"], ["queue", "list", "--json"]] {
            let onFile = try await Watchfloor.succeed(command + ["--store", file], in: dir.url)
            let onServer = try await Watchfloor.succeed(command + ["--store", database.url], in: dir.url)
            #expect(onFile.stdout == onServer.stdout, "`\(command.joined(separator: " "))` answers alike")
            #expect(!onServer.stdout.isEmpty)
        }
        let verifyFile = try await Watchfloor.run(["log", "verify", "--store", file], in: dir.url)
        let verifyServer = try await Watchfloor.run(["log", "verify", "--store", database.url], in: dir.url)
        #expect(verifyServer.status == 0, "\(verifyServer.stdoutText)")
        #expect(verifyServer.stdoutText.contains(": intact — 351 entries, seq 1…351, head "), "\(verifyServer.stdoutText)")
        // The same verdict and head hash, each store named as it was given.
        #expect(verifyServer.stdoutText.split(separator: ": ").last == verifyFile.stdoutText.split(separator: ": ").last)
    }

    @Test("an unreachable server, a database that is not there, a URL with a typo: one line saying what to check, non-zero exit")
    func badURLs() async throws {
        let dir = try Scratch()
        let database = try ScratchPostgres()
        let missing = database.url.replacingOccurrences(of: #"/[^/]*$"#, with: "/no_such_board", options: .regularExpression)
        let cases: [(url: String, says: String)] = [
            ("postgres://watchfloor:secret@127.0.0.1:1/board", "cannot reach the PostgreSQL server at 127.0.0.1:1"),
            (missing, "no_such_board"),
            ("postgres://127.0.0.1:notaport/board", "port"),
        ]
        for (url, says) in cases {
            // The store goes before exec's command words, which take everything after them.
            for command in [["board"], ["log", "cat"], ["queue", "list"], ["exec"]] {
                let words = command == ["exec"] ? ["--operator", "duty1", "ack", "1"] : []
                let outcome = try await Watchfloor.run(command + ["--store", url] + words, in: dir.url)
                #expect(outcome.status != 0, "\(command) on \(url)")
                #expect(outcome.stderrText.contains(says), "\(command) on \(url): \(outcome.stderrText)")
                #expect(!outcome.stderrText.contains("secret"), "the password is never shown")
                #expect(outcome.stdout.isEmpty)
            }
        }
    }

    @Test("WATCHFLOOR_STORE names the floor's board once for every command, and PGPASSWORD keeps the password off the command line")
    func storeFromEnvironment() async throws {
        let dir = try Scratch()
        let database = try ScratchPostgres()
        let parts = try #require(URLComponents(string: database.url))
        let password = try #require(parts.password)
        let bare = database.url.replacingOccurrences(of: ":\(password)@", with: "@")
        #expect(!bare.contains(password))
        let environment = ["WATCHFLOOR_STORE": bare, "PGPASSWORD": password]
        try await Watchfloor.succeed(
            ["replay", Watchfloor.scenario("zibo-chemical-fire").path, "--headless", "--speed", "max", "--store", bare],
            in: dir.url, environment: environment
        )
        // The tank fire, typed by its bare number.
        let fire = try await Watchfloor.incident(holding: ZiboReport.tankFire, store: database.url, in: dir)
        let ack = try await Watchfloor.run(["exec", "--operator", "duty1", "ack", try Watchfloor.number(of: fire)], in: dir.url, environment: environment)
        #expect(ack.stdoutText == "accepted: ack \(fire)\n", "\(ack.stderrText)")
        let board = try await Watchfloor.succeed(["board", "--json"], in: dir.url, environment: environment)
        let acked = try #require(JSONLines.object(board.stdout)?.array("incidents").first { $0.string("id") == fire })
        #expect(acked.string("status") == "acknowledged")
        let cat = try await Watchfloor.succeed(["log", "cat", "--store", database.url], in: dir.url)
        #expect(try loggedEntries(cat.stdout).last?.kind == "command.accepted", "the command went to the database WATCHFLOOR_STORE names")

        let refused = try await Watchfloor.run(["board"], in: dir.url, environment: ["WATCHFLOOR_STORE": bare, "PGPASSWORD": ""])
        #expect(refused.status != 0)
        #expect(refused.stderrText.contains("password"), "without PGPASSWORD the server's refusal is said: \(refused.stderrText)")
    }
}
