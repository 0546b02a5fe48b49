import Foundation
import Testing
import WatchfloorUI

@Suite("run --headless prints the screen")
struct HeadlessSnapshotTests {
    @Test("the final screen of a replay, at the size asked, every line exactly that wide")
    func snapshot() async throws {
        let scratch = try Scratch()
        let outcome = try await Watchfloor.succeed(
            ["run", "--headless", "--replay", Watchfloor.scenario("jinan-rainstorm").path, "--store", scratch.path("s.db").path, "--size", "120x40", "--lang", "zh"],
            in: scratch.url
        )
        let lines = outcome.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == 40)
        #expect(lines[0].contains("演练 · 回放结束"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 120 })
        #expect(lines.filter { $0.hasSuffix("┐") || $0.hasSuffix("│") || $0.hasSuffix("┘") }.allSatisfy { DisplayWidth.of($0) == 120 })
        #expect(lines.contains { $0.contains("济南市 历下区") })
        let verify = try await Watchfloor.run(["log", "verify", "--store", scratch.path("s.db").path], in: scratch.url)
        #expect(verify.status == 0)
        let refused = try await Watchfloor.run(["run", "--headless", "--size", "wide"], in: scratch.url)
        #expect(refused.status != 0 && refused.stderrText.contains("--size must be WIDTHxHEIGHT"))
    }
}
