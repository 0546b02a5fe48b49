import Foundation
import Testing
import WatchfloorCore

/// `watchfloor ingest`: live feeds into a store, headless — a followed file that grows, a
/// signed feed with an unsigned and a tampered line, a clean stop on SIGTERM, and nothing
/// accepted twice across a restart.
@Suite("ingest")
struct IngestTests {
    static let key = Array("fire-gateway-key-3703".utf8)

    /// Waits until `file` holds a line containing every one of `words`. The file is read once
    /// more after the deadline: on a busy machine a sleeping test may wake long after it.
    func waitFor(_ words: [String], in file: URL, seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        var text = ""
        while true {
            text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if text.split(separator: "\n").contains(where: { line in words.allSatisfy { line.contains($0) } }) { return }
            if Date() > deadline { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("no line with \(words) in \(file.lastPathComponent) within \(Int(seconds)) s; it ends:\n\(text.suffix(1500))")
        throw CancellationError()
    }

    @Test("a followed file and a signed file into the store; bad signatures refused; SIGTERM stops it and logs the feeds down")
    func followAndSign() async throws {
        let scratch = try Scratch()
        // The agencies' own lines: a scenario's expectations are no agency's, and a live feed may not carry them.
        func agencyLines(_ name: String) throws -> [String] {
            try String(contentsOf: Watchfloor.scenario(name), encoding: .utf8).split(separator: "\n").map(String.init)
                .filter { !$0.contains(#""type":"training.expectations""#) }
        }
        let jinan = try agencyLines("jinan-rainstorm")
        let zibo = try agencyLines("zibo-chemical-fire")
        let police = scratch.path("police.jsonl")
        try (jinan[0..<30].joined(separator: "\n") + "\n").write(to: police, atomically: true, encoding: .utf8)
        let signer = FeedSignature(key: Self.key)
        var fire = zibo[0..<20].map { String(decoding: signer.sign(Array($0.utf8)), as: UTF8.self) }
        fire.append(zibo[20])                                   // unsigned
        fire.append(fire[3].replacingOccurrences(of: "\"time\":\"2026", with: "\"time\":\"2025"))  // altered after signing
        try (fire.joined(separator: "\n") + "\n").write(to: scratch.path("fire.jsonl"), atomically: true, encoding: .utf8)
        try Data(Self.key + [0x0A]).write(to: scratch.path("fire.key"))

        let store = scratch.path("site.db").path
        let out = scratch.path("ingest.log")
        let ingest = try BackgroundWatchfloor(
            ["ingest", "--store", store, "--feed", "police=file:police.jsonl?follow", "--feed", "fire=fire.jsonl", "--feed-key", "fire=fire.key"],
            in: scratch, stdout: out)
        defer { ingest.kill() }
        try await waitFor([#""kind":"feed.down""#, #""feed:fire""#, "ended"], in: out)
        // The followed file grows while the ingester runs.
        let handle = try FileHandle(forWritingTo: police)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((jinan[30..<60].joined(separator: "\n") + "\n").utf8))
        try handle.close()
        try await waitFor([jinan[59].components(separatedBy: "\"id\":\"")[1].components(separatedBy: "\"")[0]], in: out)
        #expect(try await ingest.terminate() == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("ingester stopped (SIGTERM)"), "\(ingest.stderr)")

        let printed = try Data(contentsOf: out)
        let entries = try loggedEntries(printed)
        func feedStates(_ feed: String) -> [String] {
            entries.filter { $0.kind?.hasPrefix("feed.") == true && $0.data["feed"] as? String == feed }.compactMap(\.kind)
        }
        #expect(feedStates("fire") == ["feed.up", "feed.down"])
        #expect(feedStates("police") == ["feed.up", "feed.down"])
        #expect(entries.last?.kind == "feed.down" && (entries.last?.data["reason"] as? String)?.contains("SIGTERM") == true)
        let refusals = entries.filter { $0.kind == "report.rejected" && $0.data["feed"] as? String == "fire" }.compactMap { $0.data["reason"] as? String }
        #expect(refusals.count == 2)
        #expect(refusals.first?.hasPrefix("unsigned:") == true)
        #expect(refusals.last?.hasPrefix("bad signature:") == true)
        let verify = try await Watchfloor.run(["log", "verify", "--store", store], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
        let stored = try await Watchfloor.succeed(["log", "cat", "--store", store], in: scratch.url)
        #expect(stored.stdout == printed, "stdout carries exactly what was committed")

        // Restarted, the same feeds resend their history: nothing is accepted twice.
        let again = try await Watchfloor.run(["ingest", "--store", store, "--feed", "police=police.jsonl", "--feed", "fire=fire.jsonl", "--feed-key", "fire=fire.key"],
                                             in: scratch.url, timeout: 60)
        #expect(again.status == 0, "\(again.stderrText)")
        let second = try loggedEntries(again.stdout)
        #expect(!second.contains { $0.kind == "report.accepted" })
        #expect(second.filter { $0.kind == "report.duplicate" }.count == entries.filter { $0.kind == "report.accepted" }.count)
    }

    @Test("feed serve --sign-key signs what it sends: ingest with the key accepts every line, with another key refuses every one")
    func signedOverTCP() async throws {
        let scratch = try Scratch()
        try Data(Self.key).write(to: scratch.path("right.key"))
        try Data("a-different-key-entirely".utf8).write(to: scratch.path("wrong.key"))
        let zibo = Watchfloor.scenario("zibo-chemical-fire")
        let messages = JSONLines(try Data(contentsOf: zibo)).lines.count
        let server = try BackgroundWatchfloor(["feed", "serve", zibo.path, "--port", "0", "--speed", "max", "--heartbeat", "0.2", "--sign-key", "right.key"], in: scratch)
        defer { server.kill() }
        let port = try #require(try await server.waitForPort(), "\(server.stderr)")
        for (key, store) in [("right.key", "right.db"), ("wrong.key", "wrong.db")] {
            let out = scratch.path("\(store).log")
            let ingest = try BackgroundWatchfloor(["ingest", "--store", store, "--feed", "fire=tcp://127.0.0.1:\(port)", "--feed-key", "fire=" + key],
                                                  in: scratch, stdout: out)
            defer { ingest.kill() }
            // Every recorded line has been answered, one way or the other, once heartbeats follow.
            let deadline = Date().addingTimeInterval(60)
            var entries: [LoggedEntry] = []
            while true {
                entries = try loggedEntries(writtenSoFarTo: out)
                let answered = entries.filter { ["report.accepted", "report.rejected"].contains($0.kind ?? "") }.count
                if answered >= messages - Self.heartbeats(in: zibo) || Date() > deadline { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            let status = try await ingest.terminate()
            let said = ingest.stderr
            #expect(status == 0, "\(said)")
            entries = try loggedEntries(try Data(contentsOf: out))
            let accepted = entries.filter { $0.kind == "report.accepted" }.count
            let refused = entries.filter { $0.kind == "report.rejected" }.compactMap { $0.data["reason"] as? String }
            if key == "right.key" {
                // Live work: every line is accepted but the scenario's expectations, which a live feed may not carry.
                #expect(accepted == messages - Self.heartbeats(in: zibo) - 1)
                #expect(refused.count == 1 && refused.allSatisfy { $0.hasPrefix("training expectations on a live feed") }, "\(refused.prefix(3))")
            } else {
                #expect(accepted == 0)
                #expect(!refused.isEmpty && refused.allSatisfy { $0.hasPrefix("bad signature:") }, "\(refused.prefix(3))")
            }
        }
    }

    static func heartbeats(in file: URL) -> Int {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.contains("\"feed.heartbeat\"") }.count
    }

    @Test("bad feed options are refused before anything is read", arguments: [
        (["--feed", "police"], "--feed takes NAME=URL"),
        (["--feed", "police=tcp://127.0.0.1"], "feed police: "),
        ([String](), "ingest needs at least one feed"),
    ])
    func refused(_ arguments: [String], _ message: String) async throws {
        let scratch = try Scratch()
        let outcome = try await Watchfloor.run(["ingest", "--store", scratch.path("s.db").path] + arguments, in: scratch.url)
        #expect(outcome.status == 64)
        #expect(outcome.stderrText.contains(message), "\(outcome.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("s.db").path), "nothing was opened")
    }
}
