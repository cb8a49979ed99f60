import Foundation
import RepairCore
import RepairStore

// The one place that names a backend: every test body takes `any RepairStorage` from `make()`, so
// another backend (PostgreSQL) runs the same suite by answering here with its own store.
enum StoreUnderTest {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// A fresh store with the demo fixtures loaded (through `FixtureLoading`).
    static func make() throws -> any RepairStorage {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("repairshop-conformance")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent(UUID().uuidString + ".sqlite").path)
        try store.load(FixtureSet.load(directory: fixturesDirectory))
        return store
    }

    static var fixturesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }
}

extension RepairRepository {
    /// The demo user with `email`; fails the test when missing.
    func requireUser(_ email: String) throws -> User {
        guard let user = try user(email: email) else { throw Problem.notFound(.user, key: email) }
        return user
    }
}

/// A valid intake for the demo catalogue: an iPhone 13 to Warszawa by courier.
let demoIntake = Intake(
    modelID: 1, serial: "356789104523871", fault: "Cracked screen", locationID: 1, methodID: 1,
    contact: Contact(firstName: "Jan", surname: "Łukasiewicz", email: "customer@example.com"))

/// The problem code and field of a `Problem` thrown by `body`, or nil when it throws none or another error.
func problem(_ body: () throws -> Void) -> (code: String, fields: [String])? {
    do {
        try body()
        return nil
    } catch let error as Problem {
        return (error.code.rawValue, error.fieldErrors.map(\.field))
    } catch {
        return nil
    }
}
