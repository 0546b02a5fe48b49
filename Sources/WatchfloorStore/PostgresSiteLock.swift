import Foundation
import PostgresNIO

/// A site's lock on a PostgreSQL store: a session-level advisory lock, held on a connection of
/// its own for as long as this process leads the site. The server releases it when that
/// connection ends, however it ends (the process killed, the server restarted, an administrator's
/// `pg_terminate_backend`), so a standby on any machine can take over.
///
/// The connection never reconnects behind the lock's back: a new connection does not hold the
/// lock, so once it is lost `isHeld()` says so and the next `tryAcquire()` asks afresh.
public final class PostgresSiteLock: SiteLock, @unchecked Sendable {
    public let site: String
    private let url: PostgresURL
    private let logger: Logger
    private let key: Int32
    /// The connection that holds, or asks for, the lock; nil between attempts after a loss.
    private var bridge: PostgresBridge?
    private var held = false

    /// The first half of the lock's two-number key: "wfsi" in ASCII, so that a site's lock can
    /// meet neither the store's write and migrate locks (one-number keys) nor another program's.
    static let namespace: Int32 = 0x7766_7369

    public init(url: PostgresURL, site: String, logger: Logger = Logger(label: "watchfloor.store.site-lock")) {
        self.url = url
        self.site = site
        self.logger = logger
        key = SiteKey.number(site)
    }

    deinit { release() }

    public func tryAcquire() throws(StoreError) -> Bool {
        guard !held else { return true }
        do {
            let bridge = try connection()
            let rows = try bridge.withSession { session in
                try session.query("SELECT pg_try_advisory_lock(\(Self.namespace), \(key))", .write)
            }
            held = try rows.first?.decode(Bool.self) ?? false
            return held
        } catch {
            drop()
            throw PostgresStore.storeError(error, .write, url)
        }
    }

    public func isHeld() -> Bool {
        guard held, let bridge else { return false }
        do {
            // A round trip on the lock's own connection: the lock lives exactly as long as it does.
            _ = try bridge.withSession { session in try session.query("SELECT 1", .read) }
            return true
        } catch {
            drop()
            return false
        }
    }

    /// From the server's lock table and its list of connections: the holder's application name
    /// (which names its process and machine), its address and its server process.
    public func holder() -> String? {
        guard let bridge = try? connection() else { return nil }
        let rows = try? bridge.withSession { session in
            try session.query("""
                SELECT a.application_name, host(a.client_addr), a.pid
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid = \(Int64(Self.namespace))::oid AND l.objid = \(Int64(key))::oid
                """, .read)
        }
        guard let row = rows?.first, let decoded = try? row.decode((String?, String?, Int32).self) else { return nil }
        let (name, address, pid) = decoded
        let who = name.flatMap { $0.isEmpty ? nil : $0 } ?? "a connection"
        return "\(who) (server process \(pid)\(address.map { ", from \($0)" } ?? ""))"
    }

    public func release() {
        drop()
    }

    /// The lock's connection, opened when there is none. It names this process, so a standby
    /// reading `pg_stat_activity` can say who leads.
    private func connection() throws(StoreError) -> PostgresBridge {
        if let bridge { return bridge }
        let name = String("watchfloor ingest \(SiteKey.holderName)".utf8.prefix(63)) ?? "watchfloor ingest"
        let bridge = try PostgresBridge(url: url, logger: logger, applicationName: name, reconnects: false)
        self.bridge = bridge
        return bridge
    }

    /// Ends the connection, and with it the lock if it was held.
    private func drop() {
        held = false
        bridge?.close()
        bridge = nil
    }
}
