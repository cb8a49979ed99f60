import Dispatch
import RepairStore
import Synchronization

/// The store's connections: opened on demand up to `maxConnections`, idle ones kept up to `maxIdleConnections`.
final class PostgresPool: Sendable {
    private let url: String
    private let maxIdleConnections: Int
    private let idle = Mutex<[PostgresConnection]>([])
    /// One permit per connection that may be open; a caller past the limit waits for one to come back.
    private let permits: DispatchSemaphore
    /// Connections handed out now (for the pool-use gauge).
    let inUse = Atomic<Int>(0)

    init(url: String, maxConnections: Int, maxIdleConnections: Int) {
        self.url = url
        self.maxIdleConnections = maxIdleConnections
        permits = DispatchSemaphore(value: max(maxConnections, 1))
    }

    /// Runs `body` with a connection of the pool; a connection that broke is closed, not kept.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        permits.wait()
        defer { permits.signal() }
        let connection = try idle.withLock { $0.popLast() } ?? makeConnection()
        inUse.add(1, ordering: .relaxed)
        defer {
            inUse.subtract(1, ordering: .relaxed)
            give(connection)
        }
        return try body(connection)
    }

    /// Adds an already open connection (the one that migrated) to the idle ones.
    func give(_ connection: PostgresConnection) {
        guard connection.isHealthy else { return }
        let limit = maxIdleConnections
        idle.withLock { connections in
            if connections.count < limit { connections.append(connection) }
        }
    }

    /// Connections open and idle now.
    var idleCount: Int { idle.withLock { $0.count } }

    /// Closes every idle connection (the store is going away, or a test drops its database).
    func closeIdle() { idle.withLock { $0.removeAll() } }

    private func makeConnection() throws -> PostgresConnection {
        let connection = try PostgresConnection(url: url)
        try connection.learnSchema()
        return connection
    }
}
