import Foundation
import Testing
@testable import WatchfloorApp

/// The feeds a console or an ingester reads: `--feed NAME=URL`, `--feeds FILE`, `--feed-key`.
@Suite("Feed plans")
struct FeedPlanTests {
    func write(_ text: String, to name: String, in scratch: Scratch) throws -> String {
        let url = scratch.path(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("a feeds file gives names, urls relative to itself, heartbeats and keys; --feed adds, --feed-key signs")
    func file() throws {
        let scratch = try Scratch()
        _ = try write("0123456789abcdef-police\n", to: "site/keys/police.key", in: scratch)
        let path = try write("""
            # the site's feeds
            feeds:
              - name: police
                url: tcp://127.0.0.1:7001
                heartbeat: 30
                key: keys/police.key
              - name: fire
                url: file:fire.jsonl?follow
            """, to: "site/feeds.yaml", in: scratch)
        _ = try write("another-key-0123456789\n", to: "weather.key", in: scratch)
        let plan = try FeedPlan.resolve(feeds: ["weather=-"], file: path, keys: ["weather=" + scratch.path("weather.key").path])
        #expect(plan.feeds.map(\.name) == ["police", "fire", "weather"])
        #expect(plan.feeds[0].url == "tcp://127.0.0.1:7001")
        #expect(plan.feeds[0].heartbeat == 30)
        #expect(plan.feeds[0].key == Array("0123456789abcdef-police".utf8), "the trailing newline is not part of the key")
        #expect(plan.feeds[1].url == "file:" + scratch.path("site/fire.jsonl").path + "?follow")
        #expect(plan.feeds[1].heartbeat == FeedPlan.defaultHeartbeat)
        #expect(plan.feeds[1].key == nil)
        #expect(plan.feeds[2].url == "-")
        #expect(plan.feeds[2].key == Array("another-key-0123456789".utf8))
    }

    @Test("bad plans are refused with the file, the line and what to write instead", arguments: [
        ("feeds: []", "feeds.yaml:1: `feeds` must be a list of at least one feed"),
        ("sources:\n  - name: a", "feeds.yaml:1: a feeds file is a mapping with a `feeds:` list"),
        ("feeds:\n  - name: Police\n    url: \"-\"", "feeds.yaml:2: name: a feed's name is 1 to 32 of a-z, 0-9, _ and -"),
        ("feeds:\n  - name: police", "feeds.yaml:2: feed police needs a url"),
        ("feeds:\n  - name: police\n    url: \"-\"\n    heartbeat: 0", "feeds.yaml:4: heartbeat is seconds from 1 to 86400, not 0"),
        ("feeds:\n  - name: police\n    url: \"-\"\n    key: missing.key", "feeds.yaml:4: cannot read the key of feed police from"),
        ("feeds:\n  - name: police\n    url: \"-\"\n    hearbeat: 5", "feeds.yaml:4: unknown key \"hearbeat\" in a feed"),
        ("feeds:\n  - name: a\n    url: \"-\"\n  - name: a\n    url: \"-\"", "feeds.yaml:4: two feeds are named 'a'"),
    ])
    func refused(_ text: String, _ message: String) throws {
        let scratch = try Scratch()
        let path = try write(text, to: "feeds.yaml", in: scratch)
        #expect {
            _ = try FeedPlan.resolve(feeds: [], file: path, keys: [])
        } throws: { error in
            let said = (error as? AppError)?.message ?? "\(error)"
            return said.hasPrefix(scratch.path("").path) && said.contains(message)
        }
    }

    @Test("--feed and --feed-key refuse what they cannot use", arguments: [
        (["police"], [String](), "--feed takes NAME=URL"),
        (["=tcp://x:1"], [], "--feed takes NAME=URL"),
        (["police=-", "police=-"], [], "two feeds are named 'police'"),
        (["police=-"], ["fire=/k"], "--feed-key names a feed 'fire' that no --feed or feeds file defines"),
        (["police=-"], ["police=/nonexistent/key"], "cannot read the key of feed police from /nonexistent/key"),
    ])
    func options(_ feeds: [String], _ keys: [String], _ message: String) {
        #expect {
            _ = try FeedPlan.resolve(feeds: feeds, file: nil, keys: keys)
        } throws: { error in
            ((error as? AppError)?.message ?? "").contains(message)
        }
    }

    @Test("a key shorter than 16 bytes is refused")
    func shortKey() throws {
        let scratch = try Scratch()
        let key = try write("short\n", to: "k", in: scratch)
        #expect {
            _ = try FeedPlan.resolve(feeds: ["police=-"], file: nil, keys: ["police=" + key])
        } throws: { error in
            ((error as? AppError)?.message ?? "").contains("has 5 bytes; an HMAC key needs at least 16")
        }
    }
}
