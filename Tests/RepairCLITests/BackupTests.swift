import Foundation
import RepairCore
import Testing

@testable import RepairStore

/// `repairshop backup --to FILE` while another process keeps approving orders, and the documented restore.
struct BackupTests {
    static let draftCount = 2_000

    /// Orders as (number, status, events) from `store`.
    static func orders(_ store: SQLiteStore) throws -> [String: (status: String, events: Int64)] {
        let rows = try store.read { db in
            try db.rows(
                """
                SELECT o.number, o.status, count(e.id) FROM orders o LEFT JOIN order_events e ON e.order_id = o.id
                GROUP BY o.id
                """
            ) { ($0.text(0), $0.text(1), $0.int64(2)) }
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.0, (status: $0.1, events: $0.2)) })
    }

    @Test func aBackupTakenWhileApprovalsRunIsConsistentAndRestores() throws {
        let binary = try #require(CLIPaths.binary, "build the repairshop executable first (swift build)")
        let path = CLIPaths.makeDatabase()
        let store = try SQLiteStore(path: path)
        try store.load(FixtureSet.load(directory: CLIPaths.fixtures))
        let fixtureOrders = Set(try Self.orders(store).keys)
        try CrashTests.addDrafts(Self.draftCount, to: store, seed: 7)
        let writer = try CrashTests.startApprovingDrafts(binary: binary, database: path)
        defer {
            if writer.isRunning { kill(writer.processIdentifier, SIGKILL) }
            writer.waitUntilExit()
        }
        // Wait (bounded) until approvals are landing, then note what is committed before the backup begins.
        var before: [String: (status: String, events: Int64)] = [:]
        for _ in 0..<600 {
            before = try Self.orders(store)
            if before.values.filter({ $0.status == "submitted" }).count >= 20 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let copy = CLIPaths.makeDatabase()
        let run = CLIRun(["backup", "--database", path, "--to", copy])
        let stillRunning = writer.isRunning
        #expect(run.code == 0, "\(run.err)")
        #expect(run.text.contains("integrity ok"))

        let backedUp = try Self.orders(try SQLiteStore(path: copy))
        #expect(backedUp.count == before.count)
        // Every approval committed before the backup began is in it; each order is whole: a draft with no
        // history, or approved with its one event.
        for (number, order) in before where order.status == "submitted" {
            #expect(backedUp[number]?.status == "submitted", "\(number) lost its approval")
        }
        let ours = backedUp.filter { !fixtureOrders.contains($0.key) }.values
        #expect(ours.count == Self.draftCount)
        #expect(ours.allSatisfy { ($0.status == "draft" && $0.events == 0) || ($0.status == "submitted" && $0.events == 1) })
        #expect(stillRunning, "the approvals finished before the backup; it was not taken under writes")

        // The documented restore: with the server stopped, the copy becomes the database file.
        let restored = CLIPaths.makeDatabase()
        try FileManager.default.copyItem(atPath: copy, toPath: restored)
        let migrate = CLIRun(["migrate", "--database", restored])
        #expect(migrate.code == 0)
        #expect(migrate.text.contains("is up to date"))
        let list = CLIRun(["order", "list", "--database", restored])
        #expect(list.code == 0)
        #expect(list.out.count >= before.count - Self.draftCount)
    }

    @Test func aBackupNeverOverwritesAFileAndNamesWhatIsWrong() throws {
        let path = CLIPaths.makeDatabase()
        try SQLiteStore(path: path).load(FixtureSet.load(directory: CLIPaths.fixtures))
        let existing = CLIPaths.makeDatabase()
        try Data("precious".utf8).write(to: URL(fileURLWithPath: existing))
        let refused = CLIRun(["backup", "--database", path, "--to", existing])
        #expect(refused.code == 1)
        #expect(refused.err.joined().contains("exists"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "precious")

        let missing = CLIRun(["backup", "--database", path + ".nothing", "--to", CLIPaths.makeDatabase()])
        #expect(missing.code == 1)
        #expect(missing.err.joined().contains("no database"))
        #expect(CLIRun(["backup", "--database", path]).code == 2)
        let badFolder = CLIRun(["backup", "--database", path, "--to", "/nonexistent-folder/copy.sqlite"])
        #expect(badFolder.code == 1)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-folder/copy.sqlite"))
    }
}
