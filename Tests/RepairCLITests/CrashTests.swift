import Foundation
import RepairCore
import Testing

@testable import RepairStore

// "A crash in the middle of an approval leaves either the whole approved order
// or the untouched draft": a real child process approving drafts in a loop is
// killed with SIGKILL, then every order is checked.
struct CrashTests {
    static let draftCount = 3_000

    @Test func killedApprovalLoopLeavesWholeOrdersOrUntouchedDrafts() throws {
        let binary = try #require(CLIPaths.binary, "build the repairshop executable first (swift build)")
        let path = CLIPaths.makeDatabase()
        let store = try SQLiteStore(path: path)
        try store.load(FixtureSet.load(directory: CLIPaths.fixtures))
        // The fixtures hold orders 1…9 (one of them a draft the loop approves too); ours start at 10.
        let firstID = try store.read { db in try db.firstRow("SELECT max(id) + 1 FROM orders") { $0.int64(0) } } ?? 1
        try Self.addDrafts(Self.draftCount, to: store, seed: 1)
        let process = try Self.startApprovingDrafts(binary: binary, database: path)
        // Wait until approvals are landing (bounded), then kill mid-loop.
        for _ in 0..<600 {
            let events =
                try store.read { db in
                    try db.firstRow("SELECT count(*) FROM order_events WHERE order_id >= ?", [.integer(firstID)]) {
                        $0.int64(0)
                    }
                } ?? 0
            if events >= 5 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.read { db in try db.firstRow("PRAGMA integrity_check") { $0.text(0) } } == "ok")
        let rows = try reopened.read { db in
            try db.rows(
                """
                SELECT o.status, count(e.id), group_concat(coalesce(e.from_status, '') || '>' || e.to_status)
                FROM orders o LEFT JOIN order_events e ON e.order_id = o.id
                WHERE o.id >= ? GROUP BY o.id
                """, [.integer(firstID)]
            ) { ($0.text(0), $0.int64(1), $0.text(2)) }
        }
        #expect(rows.count == Self.draftCount)
        let approved = rows.filter { $0.0 == "submitted" }
        let drafts = rows.filter { $0.0 == "draft" }
        #expect(approved.count + drafts.count == rows.count)
        #expect(approved.allSatisfy { $0.1 == 1 && $0.2 == "draft>submitted" })
        #expect(drafts.allSatisfy { $0.1 == 0 })
        #expect(approved.count >= 5)
        #expect(!drafts.isEmpty, "the loop finished before the kill; the test did not crash it mid-way")
    }

    /// `count` drafts ready for approval (the required question answered), made in one transaction so the set-up
    /// is quick.
    static func addDrafts(_ count: Int, to store: SQLiteStore, seed: UInt64) throws {
        guard let jan = try store.user(email: "customer@example.com") else { throw Problem.notFound(.user, key: "jan") }
        let numbers = OrderNumberSource.seeded(seed)
        try store.write { db in
            for _ in 0..<count {
                var draft = try ServiceOrder.makeDraft(
                    number: numbers.next(), customerID: 1, by: jan, intake: Self.intake, at: Date())
                draft.answers = [1: .yesNo(true)]
                _ = try SQLiteStore.insert(draft, in: db)
            }
        }
    }

    /// A child `repairshop debug approve-drafts` process approving the database's drafts one by one.
    static func startApprovingDrafts(binary: String, database: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["debug", "approve-drafts", "--database", database]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static let intake = Intake(
        modelID: 1, serial: "SN1", fault: "Broken", locationID: 1, methodID: 1,
        contact: Contact(firstName: "Jan", surname: "Łukasiewicz", email: "customer@example.com"))
}
