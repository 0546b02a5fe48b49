import ArgumentParser
import Foundation
import WatchfloorApp

/// The command line: ArgumentParser wiring only; every body lives in WatchfloorApp.
struct Watchfloor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watchfloor",
        abstract: "The duty officer's command board for Shandong's integrated command platform.",
        discussion: """
            Six agencies' feeds (emergency, police, fire, weather, transport, urban management) become one \
            incident board and one hash-chained incident log.
            """,
        subcommands: [RunCmd.self, IngestCmd.self, Replay.self, BoardCmd.self, Exec.self, QueueCmd.self, Log.self, ReportCmd.self, FeedCmd.self, Demo.self]
    )
}

/// Runs a body and turns its failure into one line on stderr and an exit status.
func perform(_ body: () throws(AppError) -> Void) throws {
    do throws(AppError) {
        try body()
    } catch {
        FileHandle.standardError.write(Data("watchfloor: \(error.message)\n".utf8))
        throw ExitCode(error.exitCode)
    }
}

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay recorded feed files through the board, as training; the log goes to stdout.",
        discussion: """
            Files are CloudEvents JSON Lines, one message a line; several files are merged by message time. \
            Bad lines are logged as report.rejected and the replay goes on. Everything a replay records \
            is marked exercise: true.

            Example: watchfloor replay demo-data/scenarios/jinan-rainstorm.jsonl --headless --speed max --store /tmp/jinan.db
            """
    )

    @Argument(help: "Feed files to replay (- for stdin).")
    var files: [String]

    @Flag(help: "Run without a screen (the only mode until the screen exists).")
    var headless = false

    @Option(help: "Pace: a multiple of real time (30 = half an hour a minute), or 'max'.")
    var speed: String = "max"

    @Option(help: ArgumentHelp("The store to append the log to: a SQLite file (created if missing) or postgres://USER@HOST[:PORT]/DATABASE (the password from PGPASSWORD).", valueName: "path|url"))
    var store: String?

    @Flag(help: "Print the board summary on stderr at the end.")
    var summary = false

    func validate() throws {
        if speed != "max" {
            guard let x = Double(speed), x > 0, x.isFinite else {
                throw ValidationError("--speed must be a positive number or 'max', not '\(speed)'")
            }
        }
    }

    func run() throws {
        try perform { () throws(AppError) in
            try ReplayCommand.run(ReplayOptions(files: files, speed: speed == "max" ? nil : Double(speed), storePath: store, summary: summary))
        }
    }
}

struct BoardCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Print the current board of a store: incidents with their reports, warnings, units."
    )

    @Option(help: StoreHelp.default)
    var store: String?

    @Flag(help: "Print JSON in a stable shape: members may be added, none renamed.")
    var json = false

    func run() throws {
        try perform { () throws(AppError) in
            try BoardCommand.run(storePath: store ?? DataFiles.defaultStorePath(), json: json)
        }
    }
}

struct Exec: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one operator command against a store's board; it is logged whether accepted or rejected.",
        discussion: """
            Commands: ack INC, level INC I|II|III|IV, merge INC INC, split INC REPORT, note INC TEXT, \
            close INC [REASON], reopen INC, dispatch INC UNIT... [-- NOTE] (d), status UNIT STATUS (st). \
            INC is SD-0042, sd-42 or 42.

            A dispatch queues one order per unit. Given --key, the same dispatch sent again with the same \
            key (a retry after a lost answer) is answered as accepted and makes no second order.

            Prints "accepted: ..." on stdout, or "rejected: " and the reason on stderr. \
            Exit status: 0 accepted; 1 rejected; 2 the store could not be read or written.

            Example: watchfloor exec --store /tmp/jinan.db level SD-0001 II
            """
    )

    @Option(help: StoreHelp.default)
    var store: String?

    @Option(help: "The operator id on every entry (default: the login name).")
    var `operator`: String?

    @Option(help: "An idempotency key for a dispatch, so that retrying it never makes a second order.")
    var key: String?

    @Option(help: "operator (default) or observer; an observer's commands are refused and logged.")
    var role: String = "operator"

    @Option(help: ArgumentHelp(
        "Record the command at this moment of a training scenario's clock (RFC 3339), not now: a scripted trainee for `watchfloor report`. Training incidents only.",
        valueName: "time"))
    var at: String?

    // Options go before the command; everything from its verb on is the command's own.
    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments.")
    var command: [String] = []

    func validate() throws {
        // Passthrough parsing captures `--help` too when it comes first.
        if let first = command.first, first == "--help" || first == "-h" { throw CleanExit.helpRequest(self) }
        if command.isEmpty { throw ValidationError("missing the command, e.g. `watchfloor exec ack SD-0001`") }
        if `operator` == nil && ExecCommand.loginName() == nil {
            throw ValidationError("no login name to record as the operator; pass --operator ID")
        }
        if let id = `operator`, id.isEmpty || id.contains(where: \.isWhitespace) {
            throw ValidationError("--operator must be a non-empty id without spaces")
        }
        if !RunOptions.roles.contains(role) { throw ValidationError("--role must be operator or observer, not '\(role)'") }
        if let at, let problem = ExecCommand.scenarioTimeProblem(at) { throw ValidationError(problem) }
    }

    func run() throws {
        var accepted = false
        try perform { () throws(AppError) in
            accepted = try ExecCommand.run(
                storePath: store ?? DataFiles.defaultStorePath(), operator: `operator` ?? ExecCommand.loginName() ?? "",
                words: command, key: key, role: role, at: at
            )
        }
        if !accepted { throw ExitCode(1) }
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or print an incident log.",
        subcommands: [Verify.self, Cat.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a log's seq run and SHA-256 chain.",
            discussion: """
                Exit status: 0 intact; 1 a line was changed, removed or inserted (the first bad line is named); \
                2 the log ends in a truncated line (an interrupted writer, not an edit). Given several files, \
                each must continue the one before.
                """
        )

        @Argument(help: "Log files (- for stdin). With none, reads stdin unless --store is given.")
        var files: [String] = []

        @Option(help: "Verify a store's log instead (its recorded head hash checks the last line too).")
        var store: String?

        func run() throws {
            var status: Int32 = 0
            try perform { () throws(AppError) in
                let paths = files.isEmpty && store == nil ? ["-"] : files
                status = try LogCommands.verify(paths: paths, storePath: store) { print($0) }
            }
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Cat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a store's log as JSON Lines.",
            discussion: """
                With --follow, prints the log and then each entry as it is committed, until SIGINT or SIGTERM or \
                until the reader of stdout goes away: how a site pipes its log to an archive. A PostgreSQL store \
                is followed by LISTEN/NOTIFY, also across a server restart (what was committed meanwhile is \
                printed when the server is back); a SQLite store is looked at ten times a second.

                Example: watchfloor log cat --store postgres://watch@db1/floor --follow | zstd > archive/log.jsonl.zst
                """
        )

        @Option(help: StoreHelp.default)
        var store: String?

        @Option(help: "Start at this seq.")
        var from: Int64 = 1

        @Flag(help: "Keep printing entries as they are committed, until interrupted.")
        var follow = false

        func run() throws {
            try perform { () throws(AppError) in
                try LogCommands.cat(storePath: store ?? DataFiles.defaultStorePath(), from: from, follow: follow)
            }
        }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Demo data.", subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate an ordinary day across all 16 cities as CloudEvents JSON Lines.",
            discussion: "Deterministic: the same seed, count and date give the same bytes."
        )

        @Option(help: "Random seed.")
        var seed: UInt64 = 1

        @Option(help: "Number of events to write.")
        var events: Int = 2000

        @Option(help: "The day, YYYY-MM-DD (China time).")
        var date: String = "2026-11-24"

        @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
        var output: String?

        func run() throws {
            try perform { () throws(AppError) in
                try DemoCommand.generate(seed: seed, events: events, date: date, output: output)
            }
        }
    }
}

Watchfloor.main()
