import Foundation
import RepairStore
import Testing

@Suite("Audit log")
struct AuditLogTests {
    @Test func entriesAreKeptWithTheirChangeAndListedNewestFirst() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteStore(path: path)
        try store.write { db in
            try db.recordAudit(actorID: nil, action: "location.update", entity: "location", entityKey: "1", details: "tatDays: 5 → 7", at: Date(timeIntervalSince1970: 10))
            try db.recordAudit(actorID: nil, action: "method.create", entity: "method", entityKey: "4", details: "name: Courier", at: Date(timeIntervalSince1970: 20))
        }
        let all = try store.auditEntries()
        #expect(all.map(\.action) == ["method.create", "location.update"])
        #expect(try store.auditEntries(entity: "location").map(\.details) == ["tatDays: 5 → 7"])
    }

    @Test func anAuditEntryRollsBackWithItsChange() throws {
        struct Abort: Error {}
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteStore(path: path)
        #expect(throws: Abort.self) {
            try store.write { db in
                try db.recordAudit(actorID: nil, action: "x", entity: "y", entityKey: "z", details: "", at: Date())
                throw Abort()
            }
        }
        #expect(try store.auditEntries().isEmpty)
    }
}
