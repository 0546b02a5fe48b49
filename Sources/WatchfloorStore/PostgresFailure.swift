import PostgresNIO

/// A failure of the PostgreSQL server or of the connection to it, read for what the duty
/// officer can do about it. postgres-nio hides the server's words from an error's description
/// (so that they are not shown to end users by accident); a duty officer is the operator of
/// this server, and needs them.
struct PostgresFailure {
    /// What the store was doing when it failed, for the first words of the message.
    enum Access {
        case read, write, open
    }

    /// The server's SQLSTATE (`23505`), when the server answered.
    var sqlState: String?
    var message: String
    var detail: String?
    var constraint: String?
    /// The connection broke or could not be made: the server never gave an answer.
    var lostConnection: Bool

    init(_ error: any Error) {
        guard let error = error as? PSQLError else {
            self.init(message: "\(error)", lostConnection: false)
            return
        }
        if let info = error.serverInfo {
            let sqlState = info[.sqlState]
            self.init(
                sqlState: sqlState, message: info[.message] ?? "the server refused", detail: info[.detail],
                constraint: info[.constraintName], lostConnection: sqlState.map(Self.endsTheConnection) ?? false
            )
            return
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            self.init(message: error.underlying.map { "\($0)" } ?? "\(error.code)", lostConnection: true)
        case .authMechanismRequiresPassword:
            self.init(message: "the server asks for a password, and the URL has none", lostConnection: false)
        default:
            self.init(message: error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)", lostConnection: false)
        }
    }

    /// The server's last words before it closes the connection: a connection exception
    /// (class 08), or an operator, a crash or a restart shutting the server down (57P01-57P03).
    private static func endsTheConnection(_ sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    init(sqlState: String? = nil, message: String, detail: String? = nil, constraint: String? = nil, lostConnection: Bool) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.constraint = constraint
        self.lostConnection = lostConnection
    }

    /// The failure of a query, in words that say what to do next.
    func storeError(_ access: Access, _ url: PostgresURL) -> StoreError {
        let doing = switch access {
        case .read: "cannot read the store \(url)"
        case .write: "could not write to the store \(url)"
        case .open: "cannot open the store \(url)"
        }
        if lostConnection {
            return StoreError("\(doing): lost the connection to the PostgreSQL server (\(message)) — what was committed before is kept; check that the server is up and try again", unreachable: true)
        }
        switch sqlState {
        case "55P03":
            return StoreError("\(doing): the store is busy — another writer has held its write lock for over 10 s; try again, and if it stays busy, pg_stat_activity on the server shows who holds it")
        case "23505" where constraint == "log_entry_pkey":
            return StoreError("\(doing): log chain broken — an entry with that seq is already stored (\(detail ?? message)); another writer appended first, so fold in what it wrote and decide again")
        default:
            return StoreError("\(doing): \(message)" + (detail.map { " (\($0))" } ?? ""))
        }
    }

    /// The failure to connect, in words that name what to check.
    func connectError(_ url: PostgresURL) -> StoreError {
        let server = "the PostgreSQL server at \(url.host):\(url.port)"
        if lostConnection {
            return StoreError("cannot open the store \(url): cannot reach \(server) (\(message)) — check that it is running and that the URL names its host and port", unreachable: true)
        }
        switch sqlState {
        case "28P01", "28000":
            return StoreError("cannot open the store \(url): \(server) refused user \(url.user): \(message) — check the user and password in the URL")
        case "3D000":
            return StoreError("cannot open the store \(url): \(server) has no database \(url.database) — create it (createdb -h \(url.host) -p \(url.port) -U \(url.user) \(url.database)) or name another in the URL")
        default:
            return StoreError("cannot open the store \(url): \(message)" + (detail.map { " (\($0))" } ?? ""))
        }
    }
}
