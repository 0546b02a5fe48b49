import ArgumentParser
import WatchfloorApp

struct RunCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the board on this terminal.",
        discussion: """
            With no --replay and no --store it replays the bundled Jinan rainstorm scenario as training, \
            at a pace a person can follow, into a new store under $XDG_STATE_HOME/watchfloor/training. \
            Given only --store it shows that store's board live and follows what others write to it. \
            With --feed or --feeds it reads live feeds itself into --store (default: the state directory's \
            watchfloor.db), as `watchfloor ingest` does, and shows their health in the feeds pane.

            The screen is drawn on /dev/tty; when stdout is not the terminal it carries the incident log, \
            one JSON object a line, each line after it is committed: watchfloor run | zstd > archive.jsonl.zst

            Keys: ? help, : command, / filter, Tab or 1-5 panes, j/k move, Enter detail, Esc back, q quit.
            """
    )

    @Option(name: .customLong("replay"), parsing: .upToNextOption, help: "Feed files to replay as training (several are merged by time).")
    var replay: [String] = []

    @Option(help: "Replay pace: a multiple of real time from 0.5 to 1000, or 'max'.")
    var speed: String?

    @Option(help: ArgumentHelp("The store to show, follow and write to: a SQLite file, or postgres://USER@HOST[:PORT]/DATABASE for the floor's shared board (the password from PGPASSWORD). Default: $WATCHFLOOR_STORE; with neither, and nothing to play, the Jinan rainstorm as training.", valueName: "path|url"))
    var store: String?

    @Option(name: .customLong("feed"), help: "A live feed this console reads, NAME=URL (repeatable): a path, file:PATH?follow, - or tcp://HOST:PORT.")
    var feeds: [String] = []

    @Option(name: .customLong("feeds"), help: "A YAML file listing live feeds with their heartbeat intervals and keys.")
    var feedsFile: String?

    @Option(name: .customLong("feed-key"), help: "NAME=KEYFILE: feed NAME must sign every line with HMAC-SHA256 and this key.")
    var feedKeys: [String] = []

    @Flag(help: "Allow live feeds and a replay in one console; everything it records is then training (exercise).")
    var mix = false

    @Option(help: "Scope this console to a city or county by its code (3701 for Jinan, 370102 for Lixia): it sees and acts only there.")
    var jurisdiction: String?

    @Option(help: "Layout from layouts/ (default, compact, wall); chosen by the terminal's size when omitted.")
    var layout: String?

    @Option(help: "Interface language, zh or en (default: from the locale; zh_* gives Chinese).")
    var lang: String?

    @Option(help: "Operator id recorded on every command (default: the login name).")
    var `operator`: String?

    @Option(help: "operator (default) or observer: an observer console looks, and every command it tries is refused and logged.")
    var role: String = "operator"

    @Flag(help: "No terminal: play the replay to its end and print the final screen as text (the log goes only to the store).")
    var headless = false

    @Option(help: "The screen size for --headless, WIDTHxHEIGHT.")
    var size: String = "120x40"

    func validate() throws {
        if !RunOptions.roles.contains(role) { throw ValidationError("--role must be operator or observer, not '\(role)'") }
        if headless, RunOptions.parseSize(size) == nil {
            throw ValidationError("--size must be WIDTHxHEIGHT, at least 1x1, like 120x40, not '\(size)'")
        }
        if let speed, speed != "max" {
            guard let x = Double(speed), x >= 0.5, x <= 1000 else {
                throw ValidationError("--speed must be a multiple from 0.5 to 1000, or 'max', not '\(speed)'")
            }
        }
        if let lang, !RunOptions.languages.contains(lang) {
            throw ValidationError("--lang must be zh or en, not '\(lang)'")
        }
    }

    func run() throws {
        try perform { () throws(AppError) in
            var options = RunOptions(
                replayFiles: replay,
                speed: speed.map { $0 == "max" ? nil : Double($0) } ?? (replay.isEmpty ? nil : RunOptions.trainingSpeed),
                storePath: store, layout: layout, language: lang,
                operatorID: `operator` ?? RunOptions.loginName(),
                snapshot: headless ? RunOptions.parseSize(size) : nil
            )
            options.role = role
            options.feeds = feeds
            options.feedsFile = feedsFile
            options.feedKeys = feedKeys
            options.mix = mix
            options.jurisdiction = jurisdiction
            try RunCommand.run(options)
        }
    }
}
