import Foundation
import RepairCore
import RepairStore
import Testing

@Suite("Store: the outbox and the staff queue")
struct OutboxStoreTests {
    static func mail(_ id: String) -> OutgoingMail {
        OutgoingMail(recipient: "a@example.com", subject: "S \(id)", body: "B", messageID: "\(id)@test")
    }

    @Test func dueRowsComeOldestFirstAndLeaveWhenSentOrDead() throws {
        let store = try TestStore.make()
        let t0 = TestStore.now
        let first = try store.enqueueMail(Self.mail("1"), at: t0)
        let second = try store.enqueueMail(Self.mail("2"), at: t0.addingTimeInterval(1))
        let third = try store.enqueueMail(Self.mail("3"), at: t0.addingTimeInterval(2))
        #expect(try store.dueOutboxEntries(at: t0, limit: 10).map(\.id) == [first.id])
        #expect(try store.dueOutboxEntries(at: t0.addingTimeInterval(5), limit: 2).map(\.id) == [first.id, second.id])

        try store.markOutboxFailed(id: first.id, error: "451 busy", retryAt: t0.addingTimeInterval(60))
        try store.markOutboxSent(id: second.id, at: t0.addingTimeInterval(5))
        try store.markOutboxFailed(id: third.id, error: "550 no", retryAt: nil)
        #expect(try store.dueOutboxEntries(at: t0.addingTimeInterval(30), limit: 10).isEmpty)
        let retried = try #require(try store.dueOutboxEntries(at: t0.addingTimeInterval(60), limit: 10).first)
        #expect(retried.id == first.id)
        #expect(retried.attempts == 1)
        #expect(retried.lastError == "451 busy")
        let dead = try #require(try store.outboxEntry(id: third.id))
        #expect(dead.isDead && dead.attempts == 1 && !dead.isPending)

        // A sent row stays sent: a late failure report or a second "sent" changes nothing.
        try store.markOutboxFailed(id: second.id, error: "late", retryAt: nil)
        try store.markOutboxSent(id: second.id, at: t0.addingTimeInterval(99))
        let sent = try #require(try store.outboxEntry(id: second.id))
        #expect(sent.sentAt == t0.addingTimeInterval(5))
        #expect(!sent.isDead && sent.lastError.isEmpty)
        #expect(try store.outboxEntries().map(\.id) == [third.id, second.id, first.id])
    }

    @Test func aMailEnqueuedInARolledBackTransactionIsNeverSent() throws {
        struct Failure: Error {}
        let store = try TestStore.make()
        #expect(throws: Failure.self) {
            try store.write { db in
                try SQLiteStore.enqueue(Self.mail("rolled-back"), at: TestStore.now, in: db)
                throw Failure()
            }
        }
        _ = try store.write { db in try SQLiteStore.enqueue(Self.mail("kept"), at: TestStore.now, in: db) }
        #expect(try store.outboxEntries().map(\.mail.messageID) == ["kept@test"])
    }

    @Test func messageIDsAreUnique() throws {
        let store = try TestStore.make()
        _ = try store.enqueueMail(Self.mail("same"), at: TestStore.now)
        #expect(throws: DatabaseError.self) { try store.enqueueMail(Self.mail("same"), at: TestStore.now) }
        #expect(try store.count("outbox") == 1)
        #expect(try store.dueOutboxEntries(at: TestStore.now, limit: -1).isEmpty)
    }

    @Test func theStaffQueueFiltersAndNamesEverything() throws {
        let store = try TestStore.make()
        let open = try store.staffQueue()
        #expect(!open.isEmpty)
        #expect(open.allSatisfy { $0.order.status.isOpen && $0.order.status != .draft })
        #expect(open.map(\.order.createdAt) == open.map(\.order.createdAt).sorted())
        let submitted = try store.staffQueue(statuses: [.submitted])
        #expect(submitted.map(\.order.number.description) == ["RS-Q3V5-K8MZ"])
        #expect(submitted.first?.customerName == "Jan Łukasiewicz")
        #expect(submitted.first?.device == "Samsung Galaxy S22")
        #expect(submitted.first?.locationName == "Warszawa Centrum")
        #expect(try store.staffQueue(locationID: 2, statuses: [.submitted]).isEmpty)
        #expect(try store.staffQueue(statuses: [.draft]).isEmpty)
        #expect(try store.staffQueue(statuses: [.closed]).map(\.order.number.description).contains("RS-6GHV-7R2E"))
        #expect(try store.staffQueue(locationID: 1, statuses: [.inRepair]).first?.agentName == "Paweł Zieliński")
        #expect(try store.staffQueue(limit: 1).count == 1)
        #expect(try store.staffQueue(limit: 1, offset: 1).first?.order.id == open.dropFirst().first?.order.id)
        #expect(try store.serviceAgents().map(\.email).sorted() == ["admin@example.com", "agent@example.com"])
    }

    @Test func theMigrationIsRecorded() throws {
        let store = try TestStore.make()
        let names = try store.read { db in try db.rows("SELECT name FROM schema_migrations") { $0.text("name") } }
        #expect(names.contains("004-accounts-outbox"))
    }
}
