import ArgumentParser
import WatchfloorApp

struct FeedCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Feeds for training and tests.",
        discussion: """
            A board reads feeds given as NAME=URL, the URL being a path or file:PATH (read once), \
            file:PATH?follow (followed like tail -F), - (stdin) or tcp://HOST:PORT (reconnected with backoff).
            """,
        subcommands: [Serve.self]
    )

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play a recorded feed (CloudEvents JSON Lines) to any number of TCP subscribers.",
            discussion: """
                Each subscriber gets the file from its start: every line when its `time` is due at --speed \
                (a line without a readable time at once), then a feed.heartbeat every --heartbeat seconds, \
                with the source of the file's first line, so that the feed stays up. A slow subscriber is \
                written to at its own pace; one that leaves ends only its own playback.

                Prints "serving FILE on HOST:PORT" on stderr once listening, and a line for each subscriber \
                that comes or goes. SIGINT or SIGTERM closes every connection; the exit status is then 0.

                Example: the Zibo fire at 30 times real time, for a board to subscribe to as \
                tcp://127.0.0.1:7001:
                  watchfloor feed serve --port 7001 --speed 30 \\
                      demo-data/scenarios/zibo-chemical-fire.jsonl
                """
        )

        @Argument(help: "The recording to play: CloudEvents JSON Lines sorted by time.")
        var file: String

        @Option(help: "TCP port to listen on; 0 picks a free one (printed on stderr).")
        var port: Int

        @Option(help: "Address to listen on: 127.0.0.1 is this machine only, 0.0.0.0 every interface.")
        var host = "127.0.0.1"

        @Option(help: "Pace: a multiple of real time (30 = half an hour a minute), or 'max' for as fast as each subscriber reads.")
        var speed = "1"

        @Option(help: "Seconds between heartbeats once the recording has played.")
        var heartbeat: Double = 10

        @Option(name: .customLong("sign-key"), help: "A key file: sign every line with HMAC-SHA256 (wfsignature), as a signed feed's gateway does.")
        var signKey: String?

        func validate() throws {
            if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535 (0: any free port), not \(port)") }
            if speed != "max" {
                guard let x = Double(speed), x > 0, x.isFinite else {
                    throw ValidationError("--speed must be a positive number or 'max', not '\(speed)'")
                }
            }
            if !(heartbeat > 0 && heartbeat <= 86_400) { throw ValidationError("--heartbeat must be between 0 and 86400 seconds") }
        }

        func run() throws {
            try perform { () throws(AppError) in
                try FeedServeCommand.run(file: file, host: host, port: UInt16(port), speed: speed == "max" ? nil : Double(speed), heartbeat: heartbeat, signKey: signKey)
            }
        }
    }
}
