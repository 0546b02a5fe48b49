import Foundation
import Testing
import WatchfloorCore
import WatchfloorUI

/// The board in a real terminal (tmux): what a duty officer sees and types.
@Suite("The board in a terminal")
struct TerminalBoardTests {
    static let jinan = Watchfloor.scenario("jinan-rainstorm").path

    /// The display columns at which `character` stands in a line.
    static func columns(of character: Character, in line: String) -> [Int] {
        var result: [Int] = []
        var column = 0
        for ch in line {
            if ch == character { result.append(column) }
            column += ch.unicodeScalars.reduce(0) { max($0, DisplayWidth.of($1)) }
        }
        return result
    }

    @Test("a Chinese board replays to the end with every frame line aligned, and the log on stdout is clean JSON Lines")
    func chineseBoardAligned() async throws {
        let scratch = try Scratch()
        let log = scratch.path("run.jsonl")
        let tmux = try TmuxScreen(["run", "--replay", Self.jinan, "--speed", "max", "--store", scratch.path("b.db").path],
                                  width: 120, height: 40, in: scratch, stdout: log, environment: ["LANG": "zh_CN.UTF-8"])
        let screen = try await tmux.waitForText("回放结束")
        #expect(screen[0].contains("演练"))
        #expect(screen.contains { $0.contains("济南市") })
        // Every pane border on a row stands where the frame's corners say it does.
        let top = screen.firstIndex { $0.contains("事件") && $0.contains("┌") }
        let boardTop = try #require(top, "no board frame on screen")
        let corners = Self.columns(of: "┐", in: screen[boardTop])
        let right = try #require(corners.first)
        let bottom = try #require(screen[boardTop...].firstIndex { Self.columns(of: "┘", in: $0).contains(right) })
        for row in boardTop + 1..<bottom {
            #expect(Self.columns(of: "│", in: screen[row]).contains(right), "row \(row) misaligned: \(screen[row])")
        }
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 190)
        for line in lines {
            #expect(!line.contains("\u{1B}"), "terminal escapes in the log: \(line.prefix(80))")
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["seq"] != nil && object?["prev"] != nil, "not a log line: \(line.prefix(80))")
        }
        let verify = try await Watchfloor.run(["log", "verify", log.path], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    }

    @Test("help lists the live keymap; a filter narrows the board; Esc clears it")
    func helpAndFilter() async throws {
        let scratch = try Scratch()
        let tmux = try TmuxScreen(["run", "--replay", Self.jinan, "--speed", "max", "--store", scratch.path("b.db").path, "--lang", "en"],
                                  width: 120, height: 40, in: scratch)
        try await tmux.waitForText("replay ended")
        try tmux.send("?")
        // The closing hint is the overlay's last row: once it shows, the whole overlay has
        // reached the terminal (a capture can fall between the title and the rows below).
        var screen = try await tmux.waitFor("the whole help overlay") { screen in
            screen.contains { $0.contains("Help — keys") } && screen.contains { $0.contains("Esc or ? closes") }
        }
        for binding in Keymap.standard.bindings {
            #expect(screen.contains { $0.contains(binding.en.prefix(30)) }, "help misses \(binding.en)")
        }
        try tmux.send("Escape")
        try await tmux.waitFor("help closed") { !$0.contains { $0.contains("Help — keys") } }
        try tmux.send("/")
        try tmux.type("level:III")
        try tmux.send("Enter")
        screen = try await tmux.waitForText("filter: level:III")
        let rows = screen.filter { $0.hasPrefix("│I") || $0.hasPrefix("│II") || $0.hasPrefix("│III") || $0.hasPrefix("│IV") }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.hasPrefix("│III ") }, "rows of other levels after filtering: \(rows)")
        try tmux.send("Escape")
        try await tmux.waitFor("the filter cleared") { !$0[0].contains("filter:") }
        try tmux.send("/")
        try tmux.type("level:V")
        try tmux.send("Enter")
        try await tmux.waitForText("level is I, II, III or IV")
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
    }

    @Test("below 80×24 the screen says it is too small, and comes back when the terminal grows")
    func tooSmallAndBack() async throws {
        let scratch = try Scratch()
        let tmux = try TmuxScreen(["run", "--replay", Self.jinan, "--speed", "max", "--store", scratch.path("b.db").path, "--lang", "en"],
                                  width: 120, height: 40, in: scratch)
        try await tmux.waitForText("replay ended")
        try tmux.resize(width: 70, height: 20)
        try await tmux.waitForText("Terminal too small")
        try await tmux.waitForText("needs at least 80×24, now 70×20")
        try tmux.resize(width: 80, height: 24)
        try await tmux.waitFor("the board at 80×24") { $0.contains { $0.contains("Incidents") } && !$0.contains { $0.contains("too small") } }
        try tmux.resize(width: 120, height: 40)
        try await tmux.waitFor("the board at 120×40") { $0.contains { $0.contains("Incidents") } && $0.count >= 40 }
        try tmux.send("q")
        try await tmux.waitForText("[exited 0]")
    }
}
