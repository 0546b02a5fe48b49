import Foundation
import Testing

/// Drives the real binary in a real terminal, as a duty officer would: a tmux server of its
/// own (its own socket, so tests never touch anyone's sessions), `send-keys`, and
/// `capture-pane` polled until a condition holds — never a fixed sleep. tmux missing is a
/// failure that says how to install it, not a skip.
final class TmuxScreen: @unchecked Sendable {
    let socket: String
    let directory: URL

    /// Starts `watchfloor ARGS` in a `width`×`height` window. stdout goes to `stdout` when
    /// given (the incident log), else to /dev/null... never to the screen itself, unless asked.
    init(_ arguments: [String], width: Int, height: Int, in scratch: Scratch, stdout: URL? = nil,
         environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tmux = Self.tmuxPath
        try #require(tmux != nil, "tmux is missing: run `make deps` (apt-get install tmux)", sourceLocation: sourceLocation)
        socket = "wf-test-\(UUID().uuidString.prefix(8))"
        directory = scratch.url
        var env = [
            "WATCHFLOOR_HOME": Watchfloor.packageRoot.path,
            "XDG_STATE_HOME": scratch.path("state").path,
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "USER": "duty1",
        ]
        env.merge(environment) { _, new in new }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let redirect = stdout.map { " > \(Self.quote($0.path))" } ?? ""
        let command = "cd \(Self.quote(scratch.url.path)) && env \(exports) \(Self.quote(Watchfloor.binary.path)) "
            + arguments.map(Self.quote).joined(separator: " ") + redirect + "; echo \"[exited $?]\"; sleep 600"
        // The server this starts would hold a pipe open forever: its output goes nowhere.
        try tmuxRun(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), command], capture: false)
    }

    deinit {
        _ = try? tmuxRun(["kill-server"])
    }

    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The screen as text lines.
    /// The count in the English board's title (`1 Incidents 14`), nil when no board is shown.
    static func incidentCount(_ screen: [String]) -> Int? {
        guard let title = screen.first(where: { $0.contains("1 Incidents ") }) else { return nil }
        return Int(title.components(separatedBy: "1 Incidents ")[1].prefix { $0.isNumber })
    }

    func capture() throws -> [String] {
        let out = try tmuxRun(["capture-pane", "-p", "-t", "t"])
        return out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The screen with its SGR escapes (colours, reverse), to check what colour is used.
    func captureWithEscapes() throws -> String {
        try tmuxRun(["capture-pane", "-p", "-e", "-t", "t"])
    }

    /// Sends keys by tmux's names (`Enter`, `Escape`, `Tab`, `C-u`) or literal text with `literal`.
    func send(_ keys: String...) throws {
        try tmuxRun(["send-keys", "-t", "t"] + keys)
    }

    func type(_ text: String) throws {
        try tmuxRun(["send-keys", "-t", "t", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmuxRun(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `condition` holds; records a failure with the last screen if
    /// it never does within `seconds` (a guard against hangs, not a timing assertion). Between
    /// looks it sleeps with `Task.sleep`, holding no thread of the shared pool, so tests that
    /// wait on screens do not hold back the others.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: ([String]) -> Bool) async throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var screen: [String] = []
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        // One more look: a test that slept on a busy machine may wake after its deadline.
        screen = try capture()
        if condition(screen) { return screen }
        Issue.record("screen never showed \(what); last screen (\(screen.count) lines):\n\(screen.joined(separator: "\n"))", sourceLocation: sourceLocation)
        return screen
    }

    @discardableResult
    func waitForText(_ text: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        try await waitFor("\"\(text)\"", seconds: seconds, sourceLocation: sourceLocation) { $0.contains { $0.contains(text) } }
    }

    /// Watches the screen for what must not happen: returns the first capture on which
    /// `condition` holds, or nil when none of at least `looks` captures, taken over at least
    /// `seconds`, showed it. A busy machine only makes the watch longer, never wrong.
    func firstScreen(where condition: ([String]) -> Bool, watching seconds: Double = 1.5, looks: Int = 10) async throws -> [String]? {
        let until = Date().addingTimeInterval(seconds)
        var taken = 0
        while taken < looks || Date() < until {
            let screen = try capture()
            taken += 1
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// Runs a tmux client to its end (`Spawn`: the tmux server it forks must neither hold the
    /// test's descriptors nor inherit its blocked signals).
    @discardableResult
    private func tmuxRun(_ arguments: [String], capture: Bool = true) throws -> String {
        let output = directory.appendingPathComponent(".tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let argv = [Self.tmuxPath ?? "/usr/bin/tmux", "-L", socket] + arguments
        try Spawn.run(argv, stdout: capture ? output : nil)
        return capture ? (try? String(contentsOf: output, encoding: .utf8)) ?? "" : ""
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
