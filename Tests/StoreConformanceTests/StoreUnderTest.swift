import Foundation
import PostgresStore
import PostgresTesting
import RepairCore
import RepairStore
import Testing

/// The backends every conformance test runs on: SQLite always, PostgreSQL where its binaries are (and always
/// under CI, where a missing PostgreSQL fails; elsewhere `PostgresAvailability` shows why its runs are skipped).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgresql

    static var all: [Backend] { PostgresTestCluster.isEnabled ? allCases : [.sqlite] }

    var testDescription: String { rawValue }
}

// The one place that names a backend: every test body takes `any RepairStorage` from `make(_:)`.
enum StoreUnderTest {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// A fresh store on `backend` with the demo fixtures loaded (through `FixtureLoading`).
    static func make(_ backend: Backend) throws -> any RepairStorage {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("repairshop-conformance")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let store = try SQLiteStore(path: directory.appendingPathComponent(UUID().uuidString + ".sqlite").path)
            try store.load(FixtureSet.load(directory: fixturesDirectory))
            return store
        case .postgresql:
            // The fixtures are loaded (through `FixtureLoading`) once, into the template each database copies.
            let cluster = try PostgresTestCluster.shared()
            let url = try cluster.makeDatabase(fixtures: FixtureSet.load(directory: fixturesDirectory), named: "demo")
            var configuration = PostgresStore.Configuration(url: url)
            configuration.maxIdleConnections = 2
            return try PostgresStore(configuration)
        }
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

/// The throw-away cluster the PostgreSQL runs use; skipped, saying why, where PostgreSQL is not installed.
@Suite struct PostgresAvailability {
    @Test(.enabled(if: PostgresTestCluster.isEnabled, Comment(rawValue: PostgresTestCluster.unavailableReason ?? "")))
    func aThrowAwayClusterStarts() throws {
        _ = try PostgresTestCluster.shared()
    }
}
