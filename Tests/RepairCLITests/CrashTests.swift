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
        // Drafts made in one transaction so the set-up is quick.
        let jan = try #require(try store.user(email: "customer@example.com"))
        let numbers = OrderNumberSource.seeded(1)
        try store.write { db in
            for _ in 0..<Self.draftCount {
                var draft = try ServiceOrder.makeDraft(
                    number: numbers.next(), customerID: 1, by: jan, intake: Self.intake, at: Date())
                draft.answers = [1: .yesNo(true)]
                _ = try SQLiteStore.insert(draft, in: db)
            }
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["debug", "approve-drafts", "--database", path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
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

    static let intake = Intake(
        modelID: 1, serial: "SN1", fault: "Broken", locationID: 1, methodID: 1,
        contact: Contact(firstName: "Jan", surname: "Łukasiewicz", email: "customer@example.com"))
}
