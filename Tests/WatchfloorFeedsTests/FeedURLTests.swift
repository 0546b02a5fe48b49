import Testing
import WatchfloorFeeds

@Suite("Feed addresses")
struct FeedURLTests {
    @Test("each form of DESIGN §4 parses to its kind, and prints back to an address that parses the same", arguments: [
        ("feeds/police.jsonl", FeedURL.Kind.file(path: "feeds/police.jsonl", follow: false)),
        ("/var/feeds/a:b.jsonl", .file(path: "/var/feeds/a:b.jsonl", follow: false)),
        ("file:feeds/police.jsonl", .file(path: "feeds/police.jsonl", follow: false)),
        ("file:/var/log/fire.jsonl?follow", .file(path: "/var/log/fire.jsonl", follow: true)),
        ("file:///var/log/fire.jsonl", .file(path: "/var/log/fire.jsonl", follow: false)),
        ("file:-", .file(path: "-", follow: false)),
        ("-", .stdin),
        ("tcp://127.0.0.1:7001", .tcp(host: "127.0.0.1", port: 7001)),
        ("tcp://localhost:1", .tcp(host: "localhost", port: 1)),
        ("tcp://feeds.jinan.example:65535", .tcp(host: "feeds.jinan.example", port: 65535)),
        ("tcp://[::1]:7001", .tcp(host: "::1", port: 7001)),
    ])
    func parses(text: String, kind: FeedURL.Kind) throws {
        let url = try FeedURL(parsing: text)
        #expect(url.kind == kind)
        #expect(try FeedURL(parsing: url.description) == url, "\(url.description)")
    }

    @Test("a bare path prints as itself, a followed file with its option")
    func descriptions() throws {
        #expect(try FeedURL(parsing: "feeds/police.jsonl").description == "feeds/police.jsonl")
        #expect(try FeedURL(parsing: "file:feeds/police.jsonl?follow").description == "file:feeds/police.jsonl?follow")
        #expect(try FeedURL(parsing: "tcp://[::1]:7001").description == "tcp://[::1]:7001")
    }

    @Test("a bad address is refused with what is wrong and what to write instead", arguments: [
        ("tcp://127.0.0.1:99999", "tcp://host:port needs a port from 1 to 65535, not '99999'"),
        ("tcp://127.0.0.1:0", "needs a port from 1 to 65535, not '0'"),
        ("tcp://127.0.0.1:7a", "not '7a'"),
        ("tcp://127.0.0.1", "needs a port, as in tcp://127.0.0.1:7001"),
        ("tcp://127.0.0.1:", "needs a port"),
        ("tcp://:7001", "needs a host"),
        ("tcp://127.0.0.1:7001/police", "takes no path"),
        ("tcp://::1:7001", "in brackets"),
        ("tcp://[::1:7001", "closing bracket"),
        ("http://feeds.example/police", "does not read http feeds"),
        ("file:", "file: needs a path"),
        ("file:police.jsonl?tail", "unknown option '?tail'; the only one is ?follow"),
        ("file://server/police.jsonl", "names a local path"),
        ("", "an empty feed address"),
    ])
    func refuses(text: String, message: String) {
        #expect {
            try FeedURL(parsing: text)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
