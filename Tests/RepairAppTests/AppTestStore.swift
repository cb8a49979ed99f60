import Foundation
import RepairApp
import RepairCore
import RepairStore

// A fresh database file per test with the demo fixtures.
enum AppTestStore {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// Deterministic tokens and hashes: the use cases get their randomness and hashing passed in.
    static let credentials = AccountCredentials(
        makeToken: { ("token-1", "hash-1") }, hashToken: { $0.hasPrefix("token-") ? "hash-1" : nil },
        hashPassword: { "$fake$" + $0 })

    static func make() throws -> SQLiteStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("repairshop-tests")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent(UUID().uuidString + ".sqlite").path)
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
        try store.load(FixtureSet.load(directory: fixtures))
        return store
    }
}

extension SQLiteStore {
    func requireUser(_ email: String) throws -> User {
        guard let user = try user(email: email) else { throw Problem.notFound(.user, key: email) }
        return user
    }

    /// Counts rows of `table` (test-only; the name is a literal from the test).
    func count(_ table: String) throws -> Int {
        try read { db in try db.firstRow("SELECT count(*) FROM \(table)") { Int($0.int64(0)) } ?? 0 }
    }
}
