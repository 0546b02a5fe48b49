/// A feed's address (DESIGN §4): a path or `file:PATH` (read once), `file:PATH?follow`
/// (followed like `tail -F`), `-` (standard input), `tcp://HOST:PORT` (newline-delimited,
/// reconnected with backoff).
public struct FeedURL: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case file(path: String, follow: Bool)
        case stdin
        case tcp(host: String, port: UInt16)
    }

    public var kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    static let forms = "a path, file:PATH, file:PATH?follow, - (stdin) or tcp://HOST:PORT"

    public init(parsing text: String) throws(FeedError) {
        if text.isEmpty { throw FeedError("an empty feed address: give \(Self.forms)") }
        if text == "-" {
            kind = .stdin
        } else if text.hasPrefix("tcp://") {
            let (host, port) = try Self.hostAndPort(String(text.dropFirst("tcp://".count)), in: text)
            kind = .tcp(host: host, port: port)
        } else if text.hasPrefix("file:") {
            kind = try Self.file(String(text.dropFirst("file:".count)), in: text)
        } else if let scheme = Self.scheme(of: text) {
            throw FeedError("'\(text)': Watchfloor does not read \(scheme) feeds; give \(Self.forms)")
        } else {
            kind = .file(path: text, follow: false)
        }
    }

    public var description: String {
        switch kind {
        case .stdin:
            return "-"
        case let .tcp(host, port):
            return "tcp://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        case let .file(path, follow):
            if follow { return "file:\(path)?follow" }
            // A bare path reads better on the feeds pane, when it cannot be mistaken for more.
            let plain = path != "-" && !path.hasPrefix("file:") && !path.hasPrefix("tcp://") && Self.scheme(of: path) == nil
            return plain ? path : "file:\(path)"
        }
    }

    // MARK: - Parsing the parts

    /// `file:PATH`, `file:PATH?follow`, and the URL spelling `file:///PATH`.
    private static func file(_ rest: String, in text: String) throws(FeedError) -> Kind {
        var path = Substring(rest)
        var follow = false
        if let mark = path.lastIndex(of: "?") {
            let option = path[path.index(after: mark)...]
            guard option == "follow" else {
                throw FeedError("'\(text)': unknown option '?\(option)'; the only one is ?follow (read the file as it grows, like tail -F)")
            }
            follow = true
            path = path[..<mark]
        }
        if path.hasPrefix("//") {
            guard path.dropFirst(2).hasPrefix("/") else {
                throw FeedError("'\(text)': a file URL names a local path, as in file:///var/feeds/police.jsonl or file:feeds/police.jsonl")
            }
            path = path.dropFirst(2)
        }
        if path.isEmpty { throw FeedError("'\(text)': file: needs a path, as in file:feeds/police.jsonl") }
        return .file(path: String(path), follow: follow)
    }

    /// `HOST:PORT`, with an IPv6 host in brackets: `[::1]:7001`.
    private static func hostAndPort(_ rest: String, in text: String) throws(FeedError) -> (String, UInt16) {
        let example = "as in tcp://127.0.0.1:7001"
        if rest.contains("/") {
            throw FeedError("'\(text)': tcp://HOST:PORT takes no path, \(example)")
        }
        let host: Substring
        let portText: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw FeedError("'\(text)': an IPv6 host needs its closing bracket, as in tcp://[::1]:7001")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            guard after.hasPrefix(":") else { throw FeedError("'\(text)': tcp://host:port needs a port, \(example)") }
            portText = after.dropFirst()
        } else {
            guard let colon = rest.lastIndex(of: ":") else {
                throw FeedError("'\(text)': tcp://host:port needs a port, \(example)")
            }
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
            if host.contains(":") {
                throw FeedError("'\(text)': put an IPv6 host in brackets, as in tcp://[::1]:7001")
            }
        }
        if host.isEmpty { throw FeedError("'\(text)': tcp://host:port needs a host, \(example)") }
        if portText.isEmpty { throw FeedError("'\(text)': tcp://host:port needs a port, \(example)") }
        guard portText.allSatisfy(\.isASCII), let port = Int(portText), (1...65535).contains(port) else {
            throw FeedError("'\(text)': tcp://host:port needs a port from 1 to 65535, not '\(portText)'")
        }
        return (String(host), UInt16(port))
    }

    /// The scheme of something written like a URL (`http://...`), which is not a path.
    private static func scheme(of text: String) -> Substring? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return scheme
    }
}
