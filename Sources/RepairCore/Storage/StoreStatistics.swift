import Foundation

/// What an operator watches in a running store: mail waiting to go out and the database connections in use.
public struct StoreStatistics: Sendable, Equatable {
    /// Outbox rows neither sent nor given up on.
    public var outboxPending: Int
    /// Outbox rows given up on after too many failures.
    public var outboxDead: Int
    /// When the oldest pending row was written; nil when nothing is pending.
    public var oldestPendingSince: Date?
    /// Database connections busy with a request right now.
    public var connectionsInUse: Int
    /// Open connections waiting to be used.
    public var connectionsIdle: Int
    /// Most connections kept open for reuse (more are opened under load and closed after).
    public var connectionPoolSize: Int

    public init(
        outboxPending: Int, outboxDead: Int, oldestPendingSince: Date?, connectionsInUse: Int, connectionsIdle: Int,
        connectionPoolSize: Int
    ) {
        self.outboxPending = outboxPending
        self.outboxDead = outboxDead
        self.oldestPendingSince = oldestPendingSince
        self.connectionsInUse = connectionsInUse
        self.connectionsIdle = connectionsIdle
        self.connectionPoolSize = connectionPoolSize
    }
}

/// A store that can say how it is doing, for `/metrics`.
public protocol StoreStatisticsSource: Sendable {
    /// The outbox's backlog and the connection pool's use, now.
    func storeStatistics() throws -> StoreStatistics
}
