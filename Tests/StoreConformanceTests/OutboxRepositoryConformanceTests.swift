import Dispatch
import Foundation
import RepairCore
import Synchronization
import Testing

/// `OutboxRepository`: enqueue, claim what is due, retry with backoff, give up, start again.
@Suite struct OutboxRepositoryConformanceTests {
    static func mail(_ id: String) -> OutgoingMail {
        OutgoingMail(recipient: "a@example.com", subject: "S \(id)", body: "B", messageID: "\(id)@test")
    }

    @Test(arguments: Backend.all) func aMailIsDueAtOnceAndSentOnce(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let now = StoreUnderTest.now
        let entry = try store.enqueueMail(Self.mail("1"), at: now)
        #expect(entry.isPending && entry.attempts == 0 && entry.mail == Self.mail("1"))
        #expect(try store.dueOutboxEntries(at: now, limit: 10).map(\.id) == [entry.id])
        try store.markOutboxSent(id: entry.id, at: now)
        try store.markOutboxSent(id: entry.id, at: now.addingTimeInterval(9))
        #expect(try store.outboxEntry(id: entry.id)?.sentAt == now)
        #expect(try store.dueOutboxEntries(at: now, limit: 10).isEmpty)
    }

    @Test(arguments: Backend.all) func concurrentClaimsTakeEachMailOnceAndALapsedLeaseGivesItBack(
        _ backend: Backend
    ) throws {
        let store = try StoreUnderTest.make(backend)
        let now = StoreUnderTest.now
        let ids = try (1...40).map { try store.enqueueMail(Self.mail("\($0)"), at: now).id }
        // Eight senders claim at once, as several processes' deliverers do: every mail is taken by exactly one.
        let claimed = Mutex<[Int64]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            while let batch = try? store.claimDueOutboxEntries(at: now, limit: 3, lease: 300), !batch.isEmpty {
                claimed.withLock { $0 += batch.map(\.id) }
            }
        }
        #expect(claimed.withLock { $0.sorted() } == ids)
        #expect(try store.claimDueOutboxEntries(at: now.addingTimeInterval(299), limit: 100, lease: 300).isEmpty)
        // Unsent when the lease ends (the sender died): due again for another sender.
        #expect(try store.claimDueOutboxEntries(at: now.addingTimeInterval(300), limit: 100, lease: 300).count == 40)
    }

    @Test(arguments: Backend.all) func aFailedMailWaitsForItsRetryThenDiesAndCanStartAgain(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let now = StoreUnderTest.now
        let entry = try store.enqueueMail(Self.mail("1"), at: now)
        try store.markOutboxFailed(id: entry.id, error: "busy", retryAt: now.addingTimeInterval(60))
        #expect(try store.dueOutboxEntries(at: now, limit: 10).isEmpty)
        #expect(try store.dueOutboxEntries(at: now.addingTimeInterval(60), limit: 10).map(\.attempts) == [1])
        #expect(try store.retryOutboxEntry(id: entry.id, at: now) == false)
        try store.markOutboxFailed(id: entry.id, error: "refused", retryAt: nil)
        let dead = try #require(try store.outboxEntry(id: entry.id))
        #expect(dead.isDead && dead.lastError == "refused" && dead.attempts == 2)
        #expect(try store.dueOutboxEntries(at: now.addingTimeInterval(3600), limit: 10).isEmpty)
        #expect(try store.retryOutboxEntry(id: entry.id, at: now) == true)
        #expect(try store.dueOutboxEntries(at: now, limit: 10).map(\.attempts) == [0])
    }

    @Test(arguments: Backend.all) func dueMailsComeOldestFirstUpToTheLimit(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let now = StoreUnderTest.now
        let first = try store.enqueueMail(Self.mail("1"), at: now)
        let second = try store.enqueueMail(Self.mail("2"), at: now.addingTimeInterval(1))
        #expect(try store.dueOutboxEntries(at: now.addingTimeInterval(1), limit: 1).map(\.id) == [first.id])
        #expect(try store.outboxEntries(limit: 10).map(\.id) == [second.id, first.id])
    }
}
