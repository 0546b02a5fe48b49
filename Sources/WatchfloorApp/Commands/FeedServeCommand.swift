import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorTerminal

/// `watchfloor feed serve`: plays a recorded feed to TCP subscribers until SIGINT or SIGTERM,
/// then closes the listening socket and every connection and exits 0. What happens is told on
/// stderr, starting with `serving FILE on HOST:PORT` once it listens (scripts read the port
/// chosen for `--port 0` from there).
public enum FeedServeCommand {
    /// With `signKey` (a key file), every line goes out signed with HMAC-SHA256, as a signed
    /// agency's gateway sends it.
    public static func run(file: String, host: String, port: UInt16, speed: Double?, heartbeat: Double, signKey: String? = nil) throws(AppError) {
        let signer = try signKey.map { (path) throws(AppError) in FeedSignature(key: try FeedPlan.readKey(path, for: "feed serve")) }
        // Watched before listening, so a signal that comes during start-up is not lost.
        let signals = SignalWatch(signals: [SIGINT, SIGTERM])
        let server: FeedServer
        let bound: UInt16
        do {
            server = try FeedServer(file: file, host: host, speed: speed, heartbeat: heartbeat, signer: signer, notice: tell)
            bound = try server.start(port: port)
        } catch {
            throw AppError(error.message)
        }
        tell("serving \(file) on \(host.contains(":") ? "[\(host)]" : host):\(bound)")
        while signals.receivedSignal == nil { usleep(50_000) }
        server.stop()
        tell("stopped; every connection closed")
    }

    private static func tell(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
