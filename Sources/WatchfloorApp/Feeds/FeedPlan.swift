import Foundation
import WatchfloorCore

/// The live feeds a `run` or an `ingest` reads: from `--feed NAME=URL` (repeatable) and a
/// feeds file (`--feeds feeds.yaml`), each with its heartbeat interval and, for a signed feed,
/// its key.
struct FeedPlan: Equatable {
    struct Feed: Equatable {
        var name: String
        /// As written; `FeedURL` parses it when the feed is opened.
        var url: String
        /// Seconds of silence after which the feed is stale.
        var heartbeat: Double
        /// The HMAC key's bytes: every line must then be signed with it.
        var key: [UInt8]?
    }

    var feeds: [Feed] = []

    static let defaultHeartbeat = 60.0

    /// `police=tcp://127.0.0.1:7001`; the name is what the log records as `feed:<name>`.
    static func parse(option text: String) throws(AppError) -> Feed {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex, text.index(after: eq) != text.endIndex else {
            throw AppError("--feed takes NAME=URL, like police=tcp://127.0.0.1:7001, not '\(text)'", exitCode: 64)
        }
        let name = String(text[..<eq])
        try checkName(name, place: "--feed")
        return Feed(name: name, url: String(text[text.index(after: eq)...]), heartbeat: defaultHeartbeat)
    }

    static func checkName(_ name: String, place: String) throws(AppError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        guard !name.isEmpty, name.count <= 32, name.allSatisfy(allowed.contains) else {
            throw AppError("\(place): a feed's name is 1 to 32 of a-z, 0-9, _ and -, like police or fire-3701, not '\(name)'", exitCode: 64)
        }
    }

    /// `--feed-key NAME=FILE`: the named feed must sign every line with the key in FILE.
    mutating func requireSignature(option text: String) throws(AppError) {
        guard let eq = text.firstIndex(of: "=") else {
            throw AppError("--feed-key takes NAME=KEYFILE, like police=keys/police.key, not '\(text)'", exitCode: 64)
        }
        let name = String(text[..<eq])
        guard let i = feeds.firstIndex(where: { $0.name == name }) else {
            throw AppError("--feed-key names a feed '\(name)' that no --feed or feeds file defines", exitCode: 64)
        }
        feeds[i].key = try Self.readKey(String(text[text.index(after: eq)...]), for: name)
    }

    /// The key file's bytes, without a trailing newline (keys are often written with `echo`).
    static func readKey(_ path: String, for feed: String) throws(AppError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError("cannot read the key of feed \(feed) from \(path) — check the path and its permissions", exitCode: 64)
        }
        var key = Array(data)
        while let last = key.last, last == 0x0A || last == 0x0D { key.removeLast() }
        guard key.count >= 16 else {
            throw AppError("the key of feed \(feed) in \(path) has \(key.count) bytes; an HMAC key needs at least 16", exitCode: 64)
        }
        return key
    }

    mutating func add(_ feed: Feed) throws(AppError) {
        if feeds.contains(where: { $0.name == feed.name }) {
            throw AppError("two feeds are named '\(feed.name)': each feed needs a name of its own", exitCode: 64)
        }
        feeds.append(feed)
    }
}

extension FeedPlan {
    /// The feeds of `--feeds FILE` then of each `--feed`, with `--feed-key`s applied.
    static func resolve(feeds options: [String], file: String?, keys: [String]) throws(AppError) -> FeedPlan {
        var plan = try file.map { (path) throws(AppError) in try FeedPlan.load(file: path) } ?? FeedPlan()
        for option in options { try plan.add(try parse(option: option)) }
        for key in keys { try plan.requireSignature(option: key) }
        return plan
    }
}
