import Foundation
import RepairCore
import Testing

/// `RepairRepository`: orders, catalogue and people, tracking.
@Suite struct OrderRepositoryConformanceTests {
    @Test(arguments: Backend.all) func aDraftRoundTripsByIDAndNumber(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let customer = try store.requireUser("customer@example.com")
        let draft = try store.createDraft(customerID: 1, intake: demoIntake, by: customer, at: StoreUnderTest.now)
        #expect(try store.order(id: draft.id) == draft)
        #expect(try store.order(number: draft.number) == draft)
        #expect(try store.orders(customerID: 1).contains(draft))
    }

    @Test(arguments: Backend.all) func aRefusedCallWritesNothing(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let customer = try store.requireUser("customer@example.com")
        let draft = try store.createDraft(customerID: 1, intake: demoIntake, by: customer, at: StoreUnderTest.now)
        let eventsBefore = try store.events(orderID: draft.id)
        // Another customer may not approve it: refused, and nothing of the call is kept.
        let stranger = try store.requireUser("olga@example.com")
        #expect(problem { _ = try store.approve(orderID: draft.id, by: stranger, at: StoreUnderTest.now) } != nil)
        #expect(try store.order(id: draft.id)?.status == .draft)
        #expect(try store.events(orderID: draft.id) == eventsBefore)
    }

    @Test(arguments: Backend.all) func aTakenEmailIsAConflictOnEmailAndAddsNobody(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let count = try store.users().count
        let twin = User(
            id: 0, email: "CUSTOMER@example.com", displayName: "Twin", role: .agent, customerID: nil,
            passwordHash: "!", isConfirmed: true, isDisabled: false)
        #expect(problem { _ = try store.addUser(twin) }?.code == "conflict")
        #expect(problem { _ = try store.addUser(twin) }?.fields == ["email"])
        #expect(try store.users().count == count)
    }

    @Test(arguments: Backend.all) func trackingFindsANumberAndReadsAStandInForAnUnknownOne(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let number = try #require(OrderNumber("RS-7K2M-9QXD"))
        guard case .found(let info) = try store.trackingLookUp(number: number) else {
            Issue.record("the demo order was not found")
            return
        }
        #expect(info.contactSurname == "Łukasiewicz")
        #expect(try store.tracking(number: number) == info)
        let unknown = try #require(OrderNumber("RS-0000-0000"))
        guard case .notFound(let standIn) = try store.trackingLookUp(number: unknown) else {
            Issue.record("an unknown number was found")
            return
        }
        #expect(standIn != nil)
    }

    @Test(arguments: Backend.all) func theStaffQueueListsApprovedOrdersOnly(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let entries = try store.staffQueue()
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0.order.status != .draft && $0.order.status.isOpen })
        #expect(try store.staffQueue(statuses: [.draft]).isEmpty)
        #expect(try store.serviceAgents().allSatisfy { $0.role.isStaff && $0.isActive })
    }

    @Test(arguments: Backend.all) func sharedReadsReturnTheBodysValue(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        #expect(try store.sharingReads { _ in try store.customers().count } == 3)
    }

    @Test(arguments: Backend.all) func anOrderViewHoldsTheNamesAnswersAndHistoryItsViewerMaySee(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let number = try #require(OrderNumber("RS-7K2M-9QXD"))
        let agent = try store.requireUser("agent@example.com")
        let order = try #require(try store.order(number: number))
        let owner = try #require(try store.users().first { $0.customerID == order.customerID })
        _ = try store.addNote(orderID: order.id, note: "staff only", isPublic: false, by: agent, at: StoreUnderTest.now)
        let staffView = try #require(try store.sharingReads { try store.orderView(number: number, for: agent, in: $0) })
        let ownerView = try #require(try store.orderView(number: number, for: owner))
        #expect(staffView.order == order)
        #expect(staffView.device == (try store.catalogue()).deviceName(modelID: order.intake.modelID))
        #expect(staffView.customerName == (try store.customer(id: order.customerID))?.name)
        #expect(staffView.agentName != nil)
        #expect(staffView.history.last?.event.note == "staff only")
        #expect(staffView.history.last?.actorName == agent.displayName)
        #expect(!ownerView.history.contains { $0.event.note == "staff only" })
        #expect(try store.orderView(number: #require(OrderNumber("RS-0000-0000")), for: agent) == nil)
    }
}
