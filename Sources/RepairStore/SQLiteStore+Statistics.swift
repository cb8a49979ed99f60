import Foundation
import RepairCore

extension SQLiteStore: StoreStatisticsSource {
    /// The outbox backlog from one read, and the reader pool's use; the single writer is not counted.
    public func storeStatistics() throws -> StoreStatistics {
        let outbox = try read(isSnapshot: false) { db in
            try db.firstRow(
                """
                SELECT
                    COALESCE(SUM(sent_at IS NULL AND dead = 0), 0) AS pending,
                    COALESCE(SUM(sent_at IS NULL AND dead = 1), 0) AS dead,
                    MIN(CASE WHEN sent_at IS NULL AND dead = 0 THEN created_at END) AS oldest
                FROM outbox
                """, []
            ) { row in
                (pending: Int(row.int64("pending")), dead: Int(row.int64("dead")), oldest: row.optionalDate("oldest"))
            }
        }
        // The statement above took and returned a reader: what is in use now is what others hold.
        return StoreStatistics(
            outboxPending: outbox?.pending ?? 0, outboxDead: outbox?.dead ?? 0,
            oldestPendingSince: outbox?.oldest ?? nil,
            connectionsInUse: readersInUse.load(ordering: .relaxed),
            connectionsIdle: idleReaders.withLock { $0.count }, connectionPoolSize: configuration.maxIdleReaders)
    }
}
