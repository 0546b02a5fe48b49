import Foundation
import Testing

/// `watchfloor feed serve` as a trainer runs it: two boards subscribe to the Zibo fire, each
/// gets every line in order and then heartbeats, and SIGTERM ends it cleanly.
@Suite("feed serve")
struct FeedServeTests {
    @Test("two subscribers each receive every line of the Zibo scenario in order, then heartbeats; SIGTERM stops it with status 0")
    func twoSubscribers() async throws {
        let dir = try Scratch()
        let scenario = Watchfloor.scenario("zibo-chemical-fire")
        let recording = JSONLines(try Data(contentsOf: scenario)).lines
        // Heartbeats speak for the first agency of the recording: the scenario's expectations,
        // its first line, come from its training office, which is no agency.
        let firstAgency = try #require(recording.compactMap { JSONLines.object($0) }.first { $0.string("type") != "training.expectations" })
        let firstSource = try #require(firstAgency.string("source"))
        #expect(firstSource == "/sd/370300/emergency")
        let server = try BackgroundWatchfloor(["feed", "serve", scenario.path, "--port", "0", "--speed", "max", "--heartbeat", "0.2"], in: dir)
        defer { server.kill() }
        let port = try #require(try await server.waitForPort(), "no `serving ... on 127.0.0.1:PORT` on stderr: \(server.stderr)")

        let subscribers = try (0..<2).map { _ in try FeedSubscriber(port: port) }
        var ids: [String] = []
        for (i, subscriber) in subscribers.enumerated() {
            let complete = try await subscriber.read(seconds: 30) { $0.lines.count >= recording.count + 2 }
            #expect(complete, "subscriber \(i + 1) got \(subscriber.lines.count) lines")
            #expect(Array(subscriber.lines.prefix(recording.count)) == recording, "subscriber \(i + 1): the recording, byte for byte")
            for beat in subscriber.lines.dropFirst(recording.count) {
                let object = try #require(JSONLines.object(beat), "\(String(decoding: beat, as: UTF8.self))")
                #expect(object.string("type") == "feed.heartbeat" && object.string("specversion") == "1.0")
                #expect(object.string("source") == firstSource)
                #expect(object.string("time") != nil)
                ids.append(object.string("id") ?? "")
            }
        }
        #expect(Set(ids).count == ids.count && !ids.contains(""), "heartbeat ids: \(ids)")

        let status = try await server.terminate()
        #expect(status == 0, "stderr: \(server.stderr)")
        for subscriber in subscribers {
            #expect(try await subscriber.read(seconds: 10) { $0.closed }, "the server closed the connection")
        }
    }

    @Test("a recording that cannot be read is refused at once with exit status 1, naming it")
    func missingFile() async throws {
        let dir = try Scratch()
        let outcome = try await Watchfloor.run(["feed", "serve", "nowhere.jsonl", "--port", "0"], in: dir.url, timeout: 30)
        #expect(outcome.status == 1)
        #expect(outcome.stderrText.contains("cannot read nowhere.jsonl: No such file or directory"), "\(outcome.stderrText)")
    }

    @Test("a bad port, speed or heartbeat is refused before anything starts", arguments: [
        (["--port", "70000"], "--port must be from 0 to 65535"),
        (["--port", "0", "--speed", "fast"], "--speed must be a positive number or 'max'"),
        (["--port", "0", "--heartbeat", "0"], "--heartbeat must be between 0 and 86400 seconds"),
    ])
    func badOptions(options: [String], message: String) async throws {
        let dir = try Scratch()
        let outcome = try await Watchfloor.run(["feed", "serve", Watchfloor.scenario("zibo-chemical-fire").path] + options, in: dir.url, timeout: 30)
        #expect(outcome.status != 0)
        #expect(outcome.stderrText.contains(message), "\(outcome.stderrText)")
    }
}
