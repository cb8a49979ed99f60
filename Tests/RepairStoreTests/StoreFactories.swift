import Foundation
import RepairCore
import RepairStore

// Factories shared by the store tests: a fresh database file per test, the demo fixtures.
enum TestStore {
    static var fixturesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }

    static func makePath() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("repairshop-tests")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(UUID().uuidString + ".sqlite").path
    }

    static func make(numbers: OrderNumberSource = .seeded(7), seeded: Bool = true) throws -> SQLiteStore {
        let store = try SQLiteStore(path: makePath(), numbers: numbers)
        if seeded { try store.load(FixtureSet.load(directory: fixturesDirectory)) }
        return store
    }

    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// A valid intake for the demo catalogue: an iPhone 13 to Warszawa by courier.
    static let intake = Intake(
        modelID: 1, serial: "356789104523871", fault: "Cracked screen", locationID: 1, methodID: 1,
        contact: Contact(firstName: "Jan", surname: "Łukasiewicz", email: "customer@example.com"))
}

extension SQLiteStore {
    func requireUser(_ email: String) throws -> User {
        guard let user = try user(email: email) else { throw Problem.notFound(.user, key: email) }
        return user
    }

    /// Counts rows of `table` (test-only; the name is a literal from the test).
    func count(_ table: String, in snapshot: (any ReadSnapshot)? = nil) throws -> Int {
        try read(in: snapshot) { db in try db.firstRow("SELECT count(*) FROM \(table)") { Int($0.int64(0)) } ?? 0 }
    }
}
