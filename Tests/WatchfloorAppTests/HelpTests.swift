import Foundation
import Testing

/// DESIGN §4: every subcommand has `--help`, and it tells a duty officer its options.
@Suite("--help")
struct HelpTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var command: [String]
        var options: [String]
        var testDescription: String { command.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(command: [], options: ["replay", "board", "exec", "log", "report", "feed", "demo"]),
        Case(command: ["replay"], options: ["--headless", "--speed", "--store", "--summary", "<files>"]),
        Case(command: ["board"], options: ["--store", "--json"]),
        Case(command: ["exec"], options: ["--store", "--operator", "--at", "<command>", "Exit status"]),
        Case(command: ["log"], options: ["verify", "cat"]),
        Case(command: ["log", "verify"], options: ["--store", "<files>", "Exit status"]),
        Case(command: ["log", "cat"], options: ["--store", "--from", "--follow", "LISTEN/NOTIFY"]),
        Case(command: ["report"], options: ["<log>", "--store", "--json", "met", "missed"]),
        Case(command: ["feed"], options: ["serve", "file:PATH?follow", "tcp://HOST:PORT"]),
        Case(command: ["feed", "serve"], options: ["<file>", "--port", "--host", "--speed", "--heartbeat", "SIGTERM"]),
        Case(command: ["demo", "generate"], options: ["--seed", "--events", "--date", "--output"]),
    ]

    @Test("--help exits 0 and names the options", arguments: cases)
    func help(c: Case) async throws {
        let dir = try Scratch()
        let outcome = try await Watchfloor.succeed(c.command + ["--help"], in: dir.url)
        let text = outcome.stdoutText
        #expect(text.contains("USAGE: watchfloor \(c.command.joined(separator: " "))"), "\(text.prefix(300))")
        for option in c.options {
            #expect(text.contains(option), "`watchfloor \(c.testDescription) --help` mentions \(option)")
        }
    }
}
