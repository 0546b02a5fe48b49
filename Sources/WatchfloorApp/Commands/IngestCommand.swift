import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore
import WatchfloorTerminal

/// `watchfloor ingest`: the headless ingester. Live feeds into the store, the log on stdout,
/// until SIGTERM or SIGINT (or until every feed was a file or stdin read to its end). It
/// writes under the store's lock like everyone else, so consoles and gateways may write to
/// the same store while it runs.
///
/// One ingester leads a site (`--site`, by default its sorted feed names); a second one for
/// the same site and store is its standby: it waits, reading no feed, and takes over when the
/// first stops or dies (`SiteStandby`, `IngestTerm`).
public enum IngestCommand {
    public struct Options {
        public var storePath: String
        public var feeds: [String]
        public var feedsFile: String?
        public var keys: [String]
        /// The site this ingester writes for; nil: named after its feeds.
        public var site: String?

        public init(storePath: String, feeds: [String], feedsFile: String?, keys: [String], site: String? = nil) {
            self.storePath = storePath
            self.feeds = feeds
            self.feedsFile = feedsFile
            self.keys = keys
            self.site = site
        }
    }

    public static func run(_ options: Options) throws(AppError) {
        let plan = try FeedPlan.resolve(feeds: options.feeds, file: options.feedsFile, keys: options.keys)
        guard !plan.feeds.isEmpty else {
            throw AppError("ingest needs at least one feed: --feed NAME=URL or --feeds FILE", exitCode: 64)
        }
        let site = options.site ?? defaultSite(plan)
        guard !site.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AppError("--site needs a name: the site this ingester writes for", exitCode: 64)
        }
        let feedURLs = try plan.urls()
        let reference = try Reference.load(try DataFiles.locate())
        let store = try StoreOpener.open(options.storePath)
        let lock = StoreOpener.siteLock(options.storePath, site: site)
        defer { lock.release() }
        let signals = SignalWatch(signals: [SIGINT, SIGTERM])
        let standby = SiteStandby(lock: lock, signals: signals, say: say)
        let term = IngestTerm(plan: plan, feedURLs: feedURLs, reference: reference, store: store, lock: lock, signals: signals)
        while true {
            if case .stopped(let signal) = standby.waitToLead() {
                say("standby for site \(site) stopped (\(signal == SIGINT ? "SIGINT" : "SIGTERM")) while it waited")
                return
            }
            say("leading site \(site): catching up the board from \(store.location), then reading its feeds")
            switch try term.run() {
            case .finished:
                return
            case .lostSite(let why):
                say("lost site \(site) (\(why)): stopped reading its feeds at once; waiting to lead it again, as a standby would")
            }
        }
    }

    /// Two ingesters given the same feeds share a site, whatever order they name them in.
    static func defaultSite(_ plan: FeedPlan) -> String {
        plan.feeds.map(\.name).sorted().joined(separator: "+")
    }

    private static func say(_ text: String) {
        FileHandle.standardError.write(Data("watchfloor: ingest: \(text)\n".utf8))
    }
}
