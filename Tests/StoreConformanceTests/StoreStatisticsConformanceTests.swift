import Foundation
import RepairCore
import Testing

/// `StoreStatisticsSource`: the outbox backlog and the connection pool as `/metrics` shows them.
@Suite struct StoreStatisticsConformanceTests {
    @Test(arguments: Backend.all) func theBacklogCountsPendingAndDeadMailAndDatesTheOldestPending(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let now = StoreUnderTest.now
        let empty = try store.storeStatistics()
        #expect(empty.outboxPending == 0 && empty.outboxDead == 0 && empty.oldestPendingSince == nil)

        let old = try store.enqueueMail(OutboxRepositoryConformanceTests.mail("old"), at: now.addingTimeInterval(-600))
        let sent = try store.enqueueMail(OutboxRepositoryConformanceTests.mail("sent"), at: now.addingTimeInterval(-900))
        let dead = try store.enqueueMail(OutboxRepositoryConformanceTests.mail("dead"), at: now.addingTimeInterval(-1200))
        _ = try store.enqueueMail(OutboxRepositoryConformanceTests.mail("new"), at: now)
        try store.markOutboxSent(id: sent.id, at: now)
        try store.markOutboxFailed(id: dead.id, error: "refused", retryAt: nil)
        // A failed mail waiting for its retry is still pending.
        try store.markOutboxFailed(id: old.id, error: "busy", retryAt: now.addingTimeInterval(60))

        let statistics = try store.storeStatistics()
        #expect(statistics.outboxPending == 2)
        #expect(statistics.outboxDead == 1)
        #expect(statistics.oldestPendingSince == now.addingTimeInterval(-600))
    }

    @Test(arguments: Backend.all) func nothingIsInUseBetweenCallsAndThePoolHasASize(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        _ = try store.catalogue()
        let statistics = try store.storeStatistics()
        #expect(statistics.connectionsInUse == 0)
        #expect(statistics.connectionPoolSize > 0)
        #expect(statistics.connectionsIdle <= statistics.connectionPoolSize)
    }
}
