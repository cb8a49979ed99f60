import Foundation
import RepairApp
import RepairCore
import RepairStore
import Testing

@Suite("Staff order use cases over a real SQLite file")
struct StaffOrdersTests {
    let store: SQLiteStore
    let app: RepairApp
    let agent: User

    init() throws {
        store = try AppTestStore.make()
        app = RepairApp(store: store, now: { AppTestStore.now })
        agent = try store.requireUser("agent@example.com")
    }

    @Test func confirmMovesASubmittedOrderOnceOnly() throws {
        let confirmed = try app.staffOrders.confirm(number: "RS-Q3V5-K8MZ", by: agent)
        #expect(confirmed.status == .confirmed)
        let again = #expect(throws: Problem.self) { try app.staffOrders.confirm(number: "RS-Q3V5-K8MZ", by: agent) }
        #expect(again?.code == "illegal_transition")
    }

    @Test func aDraftIsNotFoundForStaff() throws {
        let error = #expect(throws: Problem.self) { try app.staffOrders.order(number: "RS-4HJT-2B8N") }
        #expect(error?.code == "not_found")
    }

    // One note rule for every entry point: the core's 5 000 characters (the staff form once allowed 4 000).
    @Test func aNoteLongerThanTheCoreLimitChangesNothing() throws {
        let eventsBefore = try store.count("order_events")
        let tooLong = String(repeating: "n", count: ServiceOrder.maxNoteLength + 1)
        let error = #expect(throws: Problem.self) {
            try app.staffOrders.changeStatus(
                number: "RS-7K2M-9QXD", to: "resolved", note: tooLong, isPublic: false, by: agent)
        }
        #expect(error?.code == "invalid_field")
        #expect(error?.fieldErrors.map(\.field) == ["note"])
        #expect(try store.order(number: OrderNumber("RS-7K2M-9QXD")!)?.status == .inRepair)
        #expect(try store.count("order_events") == eventsBefore)

        let longest = String(repeating: "n", count: ServiceOrder.maxNoteLength)
        let moved = try app.staffOrders.changeStatus(
            number: "RS-7K2M-9QXD", to: "resolved", note: longest, isPublic: false, by: agent)
        #expect(moved.status == .resolved)
    }

    @Test func anUnknownStatusNamesTheChoices() throws {
        let error = #expect(throws: Problem.self) {
            try app.staffOrders.changeStatus(number: "RS-7K2M-9QXD", to: "fixed", note: "", isPublic: false, by: agent)
        }
        #expect(error?.fieldErrors.map(\.field) == ["status"])
        #expect(error?.description.contains("waiting_for_customer") == true)
    }

    // "The agent must be active" was checked only by the portal; the CLI assigned a disabled agent.
    @Test func aDisabledAgentCannotBeAssigned() throws {
        let disabled = try store.addUser(
            User(
                id: 0, email: "gone@example.com", displayName: "Gone Agent", role: .agent, customerID: nil,
                passwordHash: "", isConfirmed: true, isDisabled: true))
        for attempt in [
            { try app.staffOrders.assign(number: "RS-7K2M-9QXD", agentID: disabled.id, by: agent) },
            { try app.staffOrders.assign(number: "RS-7K2M-9QXD", agentEmail: "gone@example.com", by: agent) },
        ] {
            let error = #expect(throws: Problem.self) { try attempt() }
            #expect(error?.code == "invalid_field")
        }
        #expect(try store.order(number: OrderNumber("RS-7K2M-9QXD")!)?.assignedAgentID != disabled.id)
        let assigned = try app.staffOrders.assign(number: "RS-7K2M-9QXD", agentID: agent.id, by: agent)
        #expect(assigned.assignedAgentID == agent.id)
    }

    @Test func customersCannotRunStaffUseCases() throws {
        let customer = try store.requireUser("customer@example.com")
        let error = #expect(throws: Problem.self) {
            try app.staffOrders.confirm(number: "RS-Q3V5-K8MZ", by: customer)
        }
        #expect(error?.code == "forbidden")
    }
}
