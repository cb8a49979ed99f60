import Foundation
import RepairCore
import RepairStore

/// The PostgreSQL store: the shared SQL of `SQLStore` over a pool of libpq connections.
///
/// Synchronous and thread-safe. Several processes may share one database: every write runs in one
/// SERIALIZABLE transaction, retried from the start when PostgreSQL reports a serialisation failure, so writes
/// behave as if run one at a time, as SQLite's single writer runs them. Reads run in REPEATABLE READ snapshots.
public final class PostgresStore: SQLStore {
    /// Where the database is and the store's limits.
    public struct Configuration: Sendable {
        /// libpq's connection URL (`postgresql://user@host:port/database`).
        public var url: String
        /// Most connections open at once (default 16); a caller past it waits for one.
        public var maxConnections = 16
        /// Most idle connections kept open (default 8).
        public var maxIdleConnections = 8
        /// How often a write is run again after a serialisation failure or deadlock (default 10).
        public var maxWriteAttempts = 10
        /// How many fresh order numbers to draw when an insert collides (default 8).
        public var maxNumberAttempts = 8
        /// Migrations applied at open, in order (default `PostgresMigration.builtIn`).
        public var migrations: [PostgresMigration] = PostgresMigration.builtIn
        /// Where new order numbers come from (default: the system's random generator).
        public var numbers: OrderNumberSource = .system

        /// Makes a configuration for the database at `url`.
        public init(url: String) { self.url = url }
    }

    /// The configuration the store was opened with.
    public let configuration: Configuration
    let pool: PostgresPool
    public let cachedCatalogue = CatalogueCache()

    /// Connects to `configuration.url` and applies pending migrations.
    public init(_ configuration: Configuration) throws {
        self.configuration = configuration
        pool = PostgresPool(
            url: configuration.url, maxConnections: configuration.maxConnections,
            maxIdleConnections: configuration.maxIdleConnections)
        let connection = try PostgresConnection(url: configuration.url)
        try connection.migrate(configuration.migrations)
        try connection.learnSchema()
        pool.give(connection)
    }

    /// Connects to `url` with default settings.
    public convenience init(url: String, numbers: OrderNumberSource = .system) throws {
        var configuration = Configuration(url: url)
        configuration.numbers = numbers
        try self.init(configuration)
    }

    public var orderNumbers: OrderNumberSource { configuration.numbers }
    public var maxNumberAttempts: Int { configuration.maxNumberAttempts }
    /// Connections handed out now.
    public var connectionsInUse: Int { pool.inUse.load(ordering: .relaxed) }

    /// Runs `body` in one SERIALIZABLE transaction, again from the start (up to `maxWriteAttempts`) when
    /// PostgreSQL could not serialise it with another; committed when it returns, rolled back when it throws.
    public func write<T: Sendable>(_ body: (any SQLConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try pool.withConnection { connection in
                    try connection.transaction("BEGIN ISOLATION LEVEL SERIALIZABLE") { try body($0) }
                }
            } catch let error as DatabaseError where error.isRetryable && attempt < configuration.maxWriteAttempts {
                attempt += 1
                // A short random pause, so the transactions that collided do not collide again at once.
                usleep(UInt32.random(in: 100...(2_000 * UInt32(attempt))))
            }
        }
    }

    /// Runs `body` in one REPEATABLE READ snapshot, or (with `isSnapshot` false) as single statements.
    /// PostgreSQL shares no snapshot across calls, so `snapshot` is ignored.
    public func read<T: Sendable>(
        in snapshot: (any ReadSnapshot)?, isSnapshot: Bool, _ body: (any SQLConnection) throws -> T
    ) throws -> T {
        try pool.withConnection { connection in
            isSnapshot
                ? try connection.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try body($0) }
                : try body(connection)
        }
    }

    /// Closes the idle connections (e.g. before the database is dropped).
    public func closeIdleConnections() { pool.closeIdle() }
}

extension PostgresStore: ReadSharing {
    /// Runs `body` with a snapshot handle its reads ignore: each read takes its own snapshot on PostgreSQL.
    public func sharingReads<T>(_ body: (any ReadSnapshot) throws -> T) rethrows -> T {
        try body(UnsharedSnapshot())
    }
}

extension PostgresStore: StoreStatisticsSource {
    /// The outbox backlog from one read, and this process's connection pool.
    public func storeStatistics() throws -> StoreStatistics {
        let backlog = try read(in: nil, isSnapshot: false) { db in try Self.outboxBacklog(in: db) }
        return StoreStatistics(
            outboxPending: backlog.pending, outboxDead: backlog.dead, oldestPendingSince: backlog.oldest,
            connectionsInUse: pool.inUse.load(ordering: .relaxed), connectionsIdle: pool.idleCount,
            connectionPoolSize: configuration.maxConnections)
    }
}

/// The snapshot handle of a store that shares none.
final class UnsharedSnapshot: ReadSnapshot {}

extension PostgresConnection {
    /// Runs `body` between `begin` and COMMIT, rolling back when it throws.
    func transaction<T>(_ begin: String, _ body: (PostgresConnection) throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}
