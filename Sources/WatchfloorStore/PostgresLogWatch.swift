import Foundation
import PostgresNIO

/// Follows a PostgreSQL store by `LISTEN watchfloor_log`: every appending commit notifies
/// that channel (`PostgresLogTable`), so a follower reads as soon as something is committed
/// instead of polling.
///
/// It has a connection and an event loop of its own, apart from the store's blocking bridge:
/// it waits for the server all the time, the bridge only while a caller does. When the server
/// goes away (a restart, a terminated backend) it says so and connects again by itself, after
/// 0.1 s, then twice as long each failed try up to 2 s; once listening again it asks for a
/// read, which covers the notifications sent while it was away. Every 5 s it asks for a read
/// anyway, a net under a notification lost some other way.
///
/// Its event loop holds it until `close()`, which its owner must call.
final class PostgresLogWatch: LogWatch, @unchecked Sendable {
    static let channel = "watchfloor_log"
    let lookInterval = 0.04
    private let url: PostgresURL
    private let logger: Logger
    private let signal = LogSignal(safetyNet: 5)
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let loop: any EventLoop
    // Only touched on `loop`.
    private var connection: PostgresConnection?
    private var failures = 0
    private var closed = false
    /// Guards `shut`: `close()` ends the event loop once.
    private let shutdown = NSLock()
    private var shut = false
    /// Guards `listens`. (Not `shutdown`: `close()` holds that while it waits for the loop.)
    private let counting = NSLock()
    private var listens = 0

    /// How many times it has begun listening: once, then once for each reconnection.
    var timesListening: Int { counting.withLock { listens } }

    init(url: PostgresURL, logger: Logger) {
        self.url = url
        self.logger = logger
        loop = group.next()
        loop.execute { self.connect() }
    }

    func take() -> LogNews { signal.take() }

    func wait(timeout: Double) -> LogNews { signal.wait(timeout: timeout) }

    func close() {
        shutdown.lock()
        defer { shutdown.unlock() }
        guard !shut else { return }
        shut = true
        let open = try? loop.submit { () -> PostgresConnection? in
            let open = self.closed ? nil : self.connection
            self.closed = true
            self.connection = nil
            return open
        }.wait()
        // Closing is waited for: the driver requires a connection to be closed before it is released.
        if let open { try? open.close().wait() }
        try? group.syncShutdownGracefully()
    }

    /// Connects, registers the listener, and sends `LISTEN` itself: the answer to it comes
    /// after the driver's own `LISTEN` on the same connection, so when it is in, notifications
    /// are flowing and the read asked for then misses nothing.
    private func connect() {
        guard !closed else { return }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable
        )
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "watchfloor-follow")]
        PostgresConnection.connect(on: loop, configuration: configuration, id: 1, logger: logger).whenComplete { result in
            switch result {
            case .failure(let error):
                self.retry(after: PostgresFailure(error).connectError(self.url).message)
            case .success(let connection):
                guard !self.closed else {
                    // Closed while it was connecting: nothing waits for this one.
                    connection.close().whenComplete { _ in }
                    return
                }
                self.connection = connection
                connection.addListener(channel: Self.channel) { [signal = self.signal] _, _ in signal.grew() }
                connection.query(PostgresQuery(unsafeSQL: "LISTEN \(Self.channel)"), logger: self.logger).whenComplete { result in
                    switch result {
                    case .success:
                        self.failures = 0
                        self.signal.regain()
                        self.counting.withLock { self.listens += 1 }
                        connection.closeFuture.whenComplete { _ in self.dropped(connection) }
                    case .failure(let error):
                        self.connection = nil
                        connection.close().whenComplete { _ in
                            self.retry(after: PostgresFailure(error).storeError(.read, self.url).message)
                        }
                    }
                }
            }
        }
    }

    private func dropped(_ connection: PostgresConnection) {
        guard !closed, self.connection === connection else { return }
        self.connection = nil
        retry(after: "lost the connection to the PostgreSQL server at \(url.host):\(url.port)")
    }

    private func retry(after reason: String) {
        guard !closed else { return }
        signal.lose(reason)
        let delay = min(2.0, 0.1 * Double(1 << min(failures, 5)))
        failures += 1
        loop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) { self.connect() }
    }
}

extension PostgresStore {
    /// Listens on a connection of its own; it connects in the background, so a server that is
    /// down now is reported by the watch (`LogNews.lost`), not thrown here.
    public func watchLog() throws(StoreError) -> any LogWatch {
        PostgresLogWatch(url: url, logger: Logger(label: "watchfloor.store.postgres.follow"))
    }
}
