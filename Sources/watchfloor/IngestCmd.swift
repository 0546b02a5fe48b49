import ArgumentParser
import WatchfloorApp

struct IngestCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read live feeds into a store, headless; the log goes to stdout.",
        discussion: """
            Feed URLs: a path or file:PATH (read once), file:PATH?follow (followed like tail -F, through \
            rotation and truncation), - (stdin), tcp://HOST:PORT (newline-delimited CloudEvents; reconnects \
            with backoff). Each feed's state changes are logged as feed.up, feed.down and feed.stale; a \
            message already accepted, even before a restart, is logged as report.duplicate; a bad line is \
            logged as report.rejected with its reason and the feed goes on. It runs until SIGTERM or SIGINT, \
            or until every feed was a file or stdin read to its end. Consoles and gateways may use the same \
            store meanwhile.

            One ingester writes a site's feeds; start a second with the same feeds (or the same --site) \
            on the same store as its standby: it says whose standby it is, reads no feed while it waits, and \
            takes over when the first stops or dies, catching up the board first, so that what the feeds \
            resend is a report.duplicate. On PostgreSQL the site is a session advisory lock on the server \
            (standbys on any machine); on a SQLite file it is a lock on FILE.site-SITE.lock beside it (one \
            machine). A leader that loses its lock's connection (a server restart) stops reading at once and \
            waits again.

            Example: watchfloor ingest --store site.db --feed police=tcp://127.0.0.1:7001 --feed fire=tcp://127.0.0.1:7002
            A feeds file lists them all: feeds: [{name: police, url: "tcp://127.0.0.1:7001", heartbeat: 30, key: police.key}]
            """
    )

    @Option(help: StoreHelp.default)
    var store: String?

    @Option(name: .customLong("feed"), help: "A feed, NAME=URL (repeatable); the log records it as feed:NAME.")
    var feeds: [String] = []

    @Option(name: .customLong("feeds"), help: "A YAML file listing feeds with their heartbeat intervals and keys.")
    var feedsFile: String?

    @Option(name: .customLong("feed-key"), help: "NAME=KEYFILE: every line of feed NAME must carry an HMAC-SHA256 signature with this key (repeatable).")
    var keys: [String] = []

    @Option(help: "The site this ingester writes for: one leads it, the others wait as its standby (default: the feed names, sorted, joined by +).")
    var site: String?

    func run() throws {
        try perform { () throws(AppError) in
            try IngestCommand.run(IngestCommand.Options(
                storePath: store ?? DataFiles.defaultStorePath(), feeds: feeds, feedsFile: feedsFile, keys: keys, site: site))
        }
    }
}
