import Foundation
import RepairCore
import Testing

@testable import RepairStore

struct FixtureSetTests {
    static let minimal = """
        {"customers": [], "users": [], "shippingMethods": [], "locations": [], "deviceModels": [],
         "tasks": [TASK], "orders": [ORDER]}
        """
    static let task = """
        {"id": 1, "text": "Q", "kind": "yes_no", "choices": [], "isFilledByCustomer": true,
         "isRequiredInPortal": true, "scope": "all", "scopeIDs": []}
        """

    static func json(task: String = task, order: String = "") -> Data {
        Data(minimal.replacing("TASK", with: task).replacing("ORDER", with: order).utf8)
    }

    @Test func demoSetHasWhatTheIssueAsksFor() throws {
        let set = try FixtureSet.load(directory: TestStore.fixturesDirectory)
        #expect(set.locations.count >= 3 && set.locations.contains { !$0.isPublic })
        #expect(set.shippingMethods.count >= 3 && set.deviceModels.count >= 10 && set.tasks.count >= 5)
        #expect(Set(set.tasks.map(\.scope)) == ["all", "models", "customers"])
        #expect(set.customers.contains { $0.isReseller } && set.customers.contains { !$0.isReseller })
        #expect(Set(set.users.map(\.role)) == Set(User.Role.allCases))
        #expect(set.users.allSatisfy { $0.passwordHash.hasPrefix("$y$j9T$") })
        #expect(Set(set.orders.map(\.status)).count >= 5)
        let confirmedPairs = Set(
            set.orders.filter { $0.status == .confirmed && $0.customerID == 2 }.map {
                "\($0.locationID)/\($0.methodID)"
            })
        #expect(confirmedPairs.count >= 2)
    }

    @Test(arguments: [
        (
            "{\"id\": 1, \"text\": \"Q\", \"kind\": \"colour\", \"choices\": [], \"isFilledByCustomer\": true, \"isRequiredInPortal\": true, \"scope\": \"all\", \"scopeIDs\": []}",
            Problem.invalid("tasks[1].kind", .oneOf, ["choices": .list(["text", "yes_no", "choice", "number"])])
        ),
        (
            "{\"id\": 2, \"text\": \"Q\", \"kind\": \"text\", \"choices\": [], \"isFilledByCustomer\": true, \"isRequiredInPortal\": true, \"scope\": \"everyone\", \"scopeIDs\": []}",
            Problem.invalid("tasks[2].scope", .oneOf, ["choices": .list(["all", "models", "customers"])])
        ),
    ])
    func badTaskIsNamed(task: String, error: Problem) throws {
        let set = try FixtureSet.decode(Self.json(task: task))
        #expect(throws: error) { try set.serviceTasks() }
    }

    @Test func badOrderNumberFailsToDecode() {
        let order = """
            {"number": "RS-UUUU-UUUU", "customerID": 1, "createdByUserID": 1, "modelID": 1, "serial": "S", "fault": "F",
             "locationID": 1, "methodID": 1, "contact": {"firstName": "A", "surname": "B", "email": "a@b.pl", "phone": ""},
             "answers": {}, "status": "draft", "assignedAgentID": null, "createdAt": "2026-01-01T00:00:00Z"}
            """
        #expect(throws: (any Error).self) { try FixtureSet.decode(Self.json(order: order)) }
        #expect(throws: (any Error).self) { try FixtureSet.decode(Data("{}".utf8)) }
    }

    @Test func badAnswerOrDanglingReferenceLoadsNothing() throws {
        var set = try FixtureSet.load(directory: TestStore.fixturesDirectory)
        set.orders[0].answers = ["1": "perhaps"]
        let store = try TestStore.make(seeded: false)
        #expect(throws: Problem.invalid("answer.1", .yesOrNo)) { try store.load(set) }
        #expect(try store.count("customers") == 0)

        var dangling = try FixtureSet.load(directory: TestStore.fixturesDirectory)
        dangling.orders[0].modelID = 99
        #expect(throws: DatabaseError.self) { try store.load(dangling) }
        #expect(try store.count("orders") == 0)
    }
}
