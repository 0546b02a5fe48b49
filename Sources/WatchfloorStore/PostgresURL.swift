import Foundation

/// Where a PostgreSQL store is: `postgres://user[:password]@host[:port]/database` (also
/// `postgresql://`). User, password and database may be percent-encoded; a host may be an
/// IPv6 address in brackets. No TLS and no query parameters: watchfloor talks to its server
/// over loopback or a trusted network.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    public static let defaultPort = 5432
    static let form = "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"

    public init(user: String, password: String? = nil, host: String, port: Int = PostgresURL.defaultPort, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    /// Whether `text` names a PostgreSQL store rather than a file.
    public static func names(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses `text`; a bad URL is refused saying what is wrong, without its password.
    public init(parsing text: String) throws(StoreError) {
        func refuse(_ why: String) -> StoreError {
            StoreError("bad store URL \(Self.redacting(text)): \(why) — write \(Self.form)")
        }
        guard let schemeEnd = text.range(of: "://"), Self.names(text) else {
            throw refuse("it must start with postgres://")
        }
        let rest = text[schemeEnd.upperBound...]
        if rest.contains("?") || rest.contains("#") {
            throw refuse("query parameters and fragments are not supported (watchfloor connects without TLS)")
        }
        // The user part ends at the last `@`, so that a password may hold `@` or `/` unescaped.
        guard let at = rest.lastIndex(of: "@") else { throw refuse("it names no user") }
        let userInfo = rest[..<at]
        let hostAndPath = rest[rest.index(after: at)...]

        let userText = userInfo.firstIndex(of: ":").map { userInfo[..<$0] } ?? userInfo
        guard let user = userText.removingPercentEncoding, !user.isEmpty else {
            throw refuse(userText.isEmpty ? "it names no user" : "the user has a bad %-escape")
        }
        var password: String?
        if let colon = userInfo.firstIndex(of: ":") {
            guard let decoded = userInfo[userInfo.index(after: colon)...].removingPercentEncoding else {
                throw refuse("the password has a bad %-escape")
            }
            password = decoded
        }

        guard let slash = hostAndPath.firstIndex(of: "/") else { throw refuse("it names no database") }
        let (host, port) = try Self.hostAndPort(hostAndPath[..<slash], refuse)
        let databaseText = hostAndPath[hostAndPath.index(after: slash)...]
        guard !databaseText.isEmpty else { throw refuse("it names no database") }
        guard !databaseText.contains("/") else { throw refuse("the database name \"\(databaseText)\" holds a /") }
        guard let database = databaseText.removingPercentEncoding else { throw refuse("the database name has a bad %-escape") }
        self.init(user: user, password: password, host: host, port: port, database: database)
    }

    private static func hostAndPort(_ text: Substring, _ refuse: (String) -> StoreError) throws(StoreError) -> (String, Int) {
        var host = text
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw refuse("the IPv6 address lacks its closing ]") }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw refuse("unexpected \"\(after)\" after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty else { throw refuse("it names no host") }
        guard let portText else { return (String(host), defaultPort) }
        guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), (1...65535).contains(port) else {
            throw refuse("the port \"\(portText)\" is not a number from 1 to 65535")
        }
        return (String(host), port)
    }

    /// The same server, another database.
    public func with(database: String) -> PostgresURL {
        var url = self
        url.database = database
        return url
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(Self.escape(user))@\(hostText):\(port)/\(Self.escape(database))"
    }

    private static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `text` with whatever stands where a password would be replaced by `***`.
    static func redacting(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].lastIndex(of: "@"),
              let colon = text[schemeEnd.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[...colon]) + "***" + String(text[at...])
    }
}
