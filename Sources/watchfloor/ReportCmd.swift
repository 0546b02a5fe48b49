import ArgumentParser
import WatchfloorApp

struct ReportCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The after-action report of a training run, from its log alone.",
        discussion: """
            For each response the scenario expected (its training.expectations line): the time to \
            acknowledge, the time to the first unit sent, the kinds of unit sent against those expected, \
            and a verdict: met, late, missed, or unjudged when the log cannot say. Then every other \
            incident with its times, totals with median times, and a timeline in 80 columns. Times are \
            scenario time. A log without expectations gets times only. The same log always gives the \
            same report.

            Example: watchfloor replay demo-data/scenarios/jinan-rainstorm.jsonl --headless --speed max --store /tmp/jinan.db
                     watchfloor exec --store /tmp/jinan.db --operator trainee --at 2026-07-15T17:04:00+08:00 ack SD-0004
                     watchfloor report --store /tmp/jinan.db
            """
    )

    @Argument(help: "A log file (- for stdin). With none, the store's log.")
    var log: String?

    @Option(help: StoreHelp.default)
    var store: String?

    @Flag(help: "Print the report as one JSON object, in the stable shape the README describes.")
    var json = false

    func validate() throws {
        if log != nil && store != nil { throw ValidationError("give a log file or --store, not both") }
    }

    func run() throws {
        try perform { () throws(AppError) in
            let source: ReportCommand.Source = log.map { .file($0) } ?? .store(store ?? DataFiles.defaultStorePath())
            try ReportCommand.run(source, json: json)
        }
    }
}
