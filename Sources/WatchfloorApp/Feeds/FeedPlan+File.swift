import Foundation
import Yams

/// A feeds file lists the site's feeds, so a console or ingester is started with one option:
///
/// ```yaml
/// feeds:
///   - name: police
///     url: tcp://127.0.0.1:7001
///     heartbeat: 30          # seconds; stale after this long without a message (default 60)
///     key: keys/police.key   # optional: every line must carry an HMAC-SHA256 signature
/// ```
///
/// Relative paths (`file:` URLs, keys) are taken from the file's own directory, so the file
/// means the same whatever directory the program is started in.
extension FeedPlan {
    static let feedKeys = ["name", "url", "heartbeat", "key"]

    static func load(file path: String) throws(AppError) -> FeedPlan {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw AppError("cannot read the feeds file \(path) — check the path (UTF-8 text is expected)", exitCode: 64)
        }
        func fail(_ node: Node?, _ why: String) -> AppError {
            let line = node?.mark.map { ":\($0.line)" } ?? ""
            return AppError("\(path)\(line): \(why)", exitCode: 64)
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw AppError("\(path): not YAML: \(error)", exitCode: 64)
        }
        guard let mapping = root?.mapping, let list = mapping["feeds"] else {
            throw fail(root, "a feeds file is a mapping with a `feeds:` list")
        }
        if let other = mapping.keys.first(where: { $0.string != "feeds" }) {
            throw fail(other, "unknown key \"\(other.string ?? "?")\" (only feeds)")
        }
        guard let items = list.sequence, !items.isEmpty else { throw fail(list, "`feeds` must be a list of at least one feed") }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var plan = FeedPlan()
        for item in items {
            guard let pairs = item.mapping else { throw fail(item, "each feed is a mapping of name, url, heartbeat and key") }
            if let other = pairs.keys.first(where: { !feedKeys.contains($0.string ?? "") }) {
                throw fail(other, "unknown key \"\(other.string ?? "?")\" in a feed (one of \(feedKeys.joined(separator: ", ")))")
            }
            guard let nameNode = pairs["name"], let name = nameNode.string else { throw fail(item, "a feed needs a name") }
            do { try checkName(name, place: "name") } catch { throw fail(nameNode, error.message) }
            guard let url = pairs["url"]?.string, !url.isEmpty else { throw fail(item, "feed \(name) needs a url") }
            var feed = Feed(name: name, url: resolve(url, from: directory), heartbeat: defaultHeartbeat)
            if let node = pairs["heartbeat"] {
                guard let seconds = node.float, seconds >= 1, seconds <= 86_400 else {
                    throw fail(node, "heartbeat is seconds from 1 to 86400, not \(node.string ?? "?")")
                }
                feed.heartbeat = seconds
            }
            if let node = pairs["key"] {
                guard let keyPath = node.string else { throw fail(node, "key is the path of a key file") }
                do { feed.key = try readKey(absolute(keyPath, from: directory), for: name) } catch { throw fail(node, error.message) }
            }
            do { try plan.add(feed) } catch { throw fail(nameNode, error.message) }
        }
        return plan
    }

    /// `file:` URLs and bare paths relative to the feeds file; other URLs as written.
    private static func resolve(_ url: String, from directory: URL) -> String {
        if url == "-" || url.contains("://") { return url }
        if url.hasPrefix("file:") { return "file:" + absolute(String(url.dropFirst(5)), from: directory) }
        return absolute(url, from: directory)
    }

    private static func absolute(_ path: String, from directory: URL) -> String {
        path.hasPrefix("/") ? path : directory.appendingPathComponent(path).path
    }
}
