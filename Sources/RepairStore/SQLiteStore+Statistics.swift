import Foundation
import RepairCore

extension SQLiteStore: StoreStatisticsSource {
    /// The outbox backlog from one read, and the reader pool's use; the single writer is not counted.
    public func storeStatistics() throws -> StoreStatistics {
        let backlog = try read(in: nil, isSnapshot: false) { db in try Self.outboxBacklog(in: db) }
        // The statement above took and returned a reader: what is in use now is what others hold.
        return StoreStatistics(
            outboxPending: backlog.pending, outboxDead: backlog.dead, oldestPendingSince: backlog.oldest,
            connectionsInUse: readersInUse.load(ordering: .relaxed),
            connectionsIdle: idleReaders.withLock { $0.count }, connectionPoolSize: configuration.maxIdleReaders)
    }
}

extension SQLStore {
    /// Pending and dead outbox rows and when the oldest pending one was made, in one statement.
    public static func outboxBacklog(in db: any SQLConnection) throws -> (pending: Int, dead: Int, oldest: Date?) {
        try db.firstRow(
            """
            SELECT
                COALESCE(SUM(CASE WHEN sent_at IS NULL AND dead = 0 THEN 1 ELSE 0 END), 0) AS pending,
                COALESCE(SUM(CASE WHEN sent_at IS NULL AND dead = 1 THEN 1 ELSE 0 END), 0) AS dead,
                MIN(CASE WHEN sent_at IS NULL AND dead = 0 THEN created_at END) AS oldest
            FROM outbox
            """, []
        ) { row in
            (pending: Int(row.int64("pending")), dead: Int(row.int64("dead")), oldest: row.optionalDate("oldest"))
        } ?? (0, 0, nil)
    }
}
