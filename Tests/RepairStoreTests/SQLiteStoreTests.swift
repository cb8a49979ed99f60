import Foundation
import Localization
import RepairCore
import Synchronization
import Testing

@testable import RepairStore

struct SQLiteStoreTests {
    @Test func fixturesLoadWithTheirNumbersAndStatuses() throws {
        let store = try TestStore.make()
        #expect(try store.count("customers") == 3)
        #expect(try store.count("orders") == 9)
        let catalogue = try store.catalogue()
        #expect(catalogue.models.count == 10 && catalogue.methods.count == 3 && catalogue.tasks.count == 5)
        #expect(catalogue.publicLocations.map(\.name) == ["Warszawa Centrum", "Kraków Serwis"])
        #expect(catalogue.tasks.map(\.scope).contains(.customers([2])))
        let order = try #require(try store.order(number: OrderNumber("RS-7K2M-9QXD")!))
        #expect(order.status == .inRepair && order.assignedAgentID == 3)
        #expect(order.answers == [1: .yesNo(true), 2: .text("none")])
        #expect(
            try store.orders(status: .confirmed).map(\.number.description) == [
                "RS-9PWX-6T1C", "RS-2DFG-H7JK", "RS-8NRS-5VYA",
            ])
    }

    @Test(arguments: ["visible\u{0}hidden", "\u{0}", "a\u{0}\u{0}b\u{0}", "Łukasiewicz\u{0}😀", ""])
    func textWithAnEmbeddedNULRoundTripsWhole(text: String) throws {
        let store = try TestStore.make()
        try store.write { db in try db.run("UPDATE customers SET address = ? WHERE id = 1", [.text(text)]) }
        let stored = try store.read { db in
            try db.firstRow("SELECT address, length(CAST(address AS BLOB)) FROM customers WHERE id = 1") {
                ($0.text(0), $0.int64(1))
            }
        }
        #expect(stored?.0 == text)
        #expect(stored?.1 == Int64(text.utf8.count))
    }

    @Test func trackingReturnsOnlyWhatTrackingShows() throws {
        let store = try TestStore.make()
        let info = try #require(try store.tracking(number: OrderNumber("rs-7k2m-9qxd")!))
        #expect(
            info
                == TrackingInfo(
                    number: OrderNumber("RS-7K2M-9QXD")!, status: .inRepair, deviceDescription: "Apple iPhone 13",
                    agentDisplayName: "Paweł Zieliński", locationName: "Warszawa Centrum", tatDays: 5,
                    contactSurname: "Łukasiewicz"))
        #expect(try store.tracking(number: OrderNumber("RS-0000-0000")!) == nil)
        let unassigned = try #require(try store.tracking(number: OrderNumber("RS-9PWX-6T1C")!))
        #expect(unassigned.agentDisplayName == nil)
    }

    @Test func anUnknownNumberReadsAStandInOrderSoItCostsTheSame() throws {
        let store = try TestStore.make()
        guard case .found(let known) = try store.trackingLookUp(number: OrderNumber("RS-7K2M-9QXD")!) else {
            Issue.record("the demo order was not found")
            return
        }
        #expect(known.contactSurname == "Łukasiewicz")
        let surnames = Set(try store.read { db in try db.rows("SELECT contact_surname FROM orders") { $0.text(0) } })
        // Unknown numbers: each reads a real order in its place, the same one every time, spread over the orders.
        var standIns: Set<String> = []
        for index in 1_000..<1_040 {
            let unknown = OrderNumber("ZZZZ\(index)")!
            guard case .notFound(let standIn?) = try store.trackingLookUp(number: unknown) else {
                Issue.record("\(unknown) did not read a stand-in")
                continue
            }
            #expect(surnames.contains(standIn))
            #expect(try store.trackingLookUp(number: unknown) == .notFound(standInSurname: standIn))
            standIns.insert(standIn)
        }
        #expect(standIns.count > 2)
        #expect(try store.tracking(number: OrderNumber("RS-0000-0000")!) == nil)
        let empty = try TestStore.make(seeded: false)
        #expect(try empty.trackingLookUp(number: OrderNumber("RS-0000-0000")!) == .notFound(standInSurname: nil))
    }

    @Test func trackingQueryUsesTheNumberIndex() throws {
        let store = try TestStore.make(seeded: false)
        let plan = try store.read { db in
            try db.rows("EXPLAIN QUERY PLAN " + SQLiteStore.trackingSQL, [.text("x")]) { $0.text(3) }
        }
        #expect(plan.contains { $0.contains("INDEX sqlite_autoindex_orders_1 (number=?)") })
        #expect(plan.contains { $0.contains("SEARCH o USING INTEGER PRIMARY KEY") })
    }

    @Test func wholePipelineThroughTheStore() throws {
        let store = try TestStore.make()
        let jan = try store.requireUser("customer@example.com")
        let draft = try store.createDraft(customerID: 1, intake: TestStore.intake, by: jan, at: TestStore.now)
        #expect(draft.status == .draft && draft.id > 0)
        let answered = try store.answerDraft(
            orderID: draft.id, answers: [1: "yes", 2: "4321"], by: jan, at: TestStore.now)
        #expect(try store.order(id: draft.id)?.answers == answered.answers)
        let approved = try store.approve(orderID: draft.id, by: jan, at: TestStore.now)
        #expect(approved.status == .submitted)
        #expect(try store.events(orderID: draft.id).map(\.toStatus) == [.submitted])
        #expect(throws: Problem.alreadyApproved(draft.number)) {
            try store.approve(orderID: draft.id, by: jan, at: TestStore.now)
        }
        #expect(throws: Problem.notADraft(draft.number)) { try store.discardDraft(orderID: draft.id, by: jan) }

        let agent = try store.requireUser("agent@example.com")
        _ = try store.moveOrder(
            orderID: draft.id, to: .confirmed, by: agent, note: "", isPublic: false, at: TestStore.now)
        let assigned = try store.assignAgent(orderID: draft.id, agentID: agent.id, by: agent, at: TestStore.now)
        #expect(assigned.assignedAgentID == agent.id)
        #expect(throws: Problem.illegalTransition(from: .confirmed, to: .closed)) {
            try store.moveOrder(orderID: draft.id, to: .closed, by: agent, note: "", isPublic: false, at: TestStore.now)
        }
        #expect(try store.events(orderID: draft.id).map(\.note) == ["approved", "", "assigned to Paweł Zieliński"])
        let note = try store.addNote(
            orderID: draft.id, note: " Screen ordered ", isPublic: true, by: agent, at: TestStore.now)
        #expect(note.note == "Screen ordered" && note.isPublic && note.fromStatus == nil && note.toStatus == .confirmed)
        let reply = try store.addNote(orderID: draft.id, note: "Thanks", isPublic: false, by: jan, at: TestStore.now)
        #expect(reply.isPublic)
        #expect(throws: Problem.invalid("note", .required)) {
            try store.addNote(orderID: draft.id, note: "  ", isPublic: true, by: agent, at: TestStore.now)
        }
        #expect(throws: Problem.forbidden(.otherCustomersOrder)) {
            try store.addNote(
                orderID: draft.id, note: "hi", isPublic: true, by: try store.requireUser("olga@example.com"),
                at: TestStore.now)
        }
        #expect(try store.events(orderID: draft.id).count == 5)
    }

    @Test func resellerApprovalIsConfirmedAtOnce() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let draft = try store.createDraft(customerID: 2, intake: TestStore.intake, by: reseller, at: TestStore.now)
        let rule = FieldRule(.unanswered)
        #expect(
            throws: Problem.validation([
                FieldError(field: "answer.1", rule: rule), FieldError(field: "answer.4", rule: rule),
            ])
        ) {
            try store.approve(orderID: draft.id, by: reseller, at: TestStore.now)
        }
        _ = try store.answerDraft(
            orderID: draft.id, answers: [1: "no", 4: "courier box"], by: reseller, at: TestStore.now)
        #expect(try store.approve(orderID: draft.id, by: reseller, at: TestStore.now).status == .confirmed)
    }

    @Test func badInputWritesNothing() throws {
        let store = try TestStore.make()
        let jan = try store.requireUser("customer@example.com")
        let olga = try store.requireUser("olga@example.com")
        let draft = try store.createDraft(customerID: 1, intake: TestStore.intake, by: jan, at: TestStore.now)
        let before = try store.order(id: draft.id)
        #expect(throws: Problem.invalid("answer.1", .yesOrNo)) {
            try store.answerDraft(orderID: draft.id, answers: [1: "perhaps"], by: jan, at: TestStore.now)
        }
        #expect(throws: Problem.forbidden(.otherCustomersOrder)) {
            try store.answerDraft(orderID: draft.id, answers: [1: "yes"], by: olga, at: TestStore.now)
        }
        #expect(throws: Problem.forbidden(.otherCustomersOrder)) {
            try store.approve(orderID: draft.id, by: olga, at: TestStore.now)
        }
        #expect(throws: Problem.forbidden(.otherCustomersOrder)) {
            try store.discardDraft(orderID: draft.id, by: olga)
        }
        #expect(throws: Problem.forbidden(.orderForOtherCustomer)) {
            try store.createDraft(customerID: 1, intake: TestStore.intake, by: olga, at: TestStore.now)
        }
        #expect(throws: Problem.notFound(.order, key: "9999")) {
            try store.approve(orderID: 9999, by: jan, at: TestStore.now)
        }
        #expect(try store.order(id: draft.id) == before)
        #expect(try store.count("orders") == 10)
        #expect(try store.count("order_events") == 9)
        try store.discardDraft(orderID: draft.id, by: jan)
        #expect(try store.order(id: draft.id) == nil)
    }

    @Test func duplicateEmailIsAConflictWhateverItsCase() throws {
        let store = try TestStore.make()
        let copy = User(
            id: 0, email: "Customer@EXAMPLE.com", displayName: "X", role: .customer, customerID: 1, passwordHash: "$y$")
        #expect(throws: Problem.conflict(field: "email", .emailTaken, ["email": "Customer@EXAMPLE.com"])) {
            try store.addUser(copy)
        }
        #expect(try store.user(email: "CUSTOMER@example.com")?.id == 1)
        let staffWithCustomer = User(
            id: 0, email: "new@example.com", displayName: "X", role: .agent, customerID: 1, passwordHash: "$y$")
        #expect(throws: Problem.self) { try store.addUser(staffWithCustomer) }
        #expect(try store.count("users") == 5)
    }

    @Test func numberCollisionDrawsAgain() throws {
        // The first two draws repeat a fixture's number; the third is new.
        let taken = OrderNumber("RS-7K2M-9QXD")!
        let fresh = OrderNumber("RS-AAAA-BBBB")!
        let draws = Draws([taken, taken, fresh])
        let store = try TestStore.make(numbers: OrderNumberSource { draws.next() })
        let jan = try store.requireUser("customer@example.com")
        let draft = try store.createDraft(customerID: 1, intake: TestStore.intake, by: jan, at: TestStore.now)
        #expect(draft.number == fresh)

        let stuck = try TestStore.make(numbers: OrderNumberSource { taken })
        #expect(throws: Problem.conflict(field: "number", .noFreeNumber, ["attempts": 8])) {
            try stuck.createDraft(customerID: 1, intake: TestStore.intake, by: jan, at: TestStore.now)
        }
    }

    @Test func concurrentWritersAndReadersAllSucceed() throws {
        let store = try TestStore.make(numbers: .system)
        let jan = try store.requireUser("customer@example.com")
        let failures = Draws<String>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            do {
                for _ in 0..<5 {
                    let draft = try store.createDraft(
                        customerID: 1, intake: TestStore.intake, by: jan, at: TestStore.now)
                    _ = try store.answerDraft(orderID: draft.id, answers: [1: "yes"], by: jan, at: TestStore.now)
                    _ = try store.approve(orderID: draft.id, by: jan, at: TestStore.now)
                    _ = try store.tracking(number: draft.number)
                }
            } catch {
                failures.append("worker \(worker): \(error)")
            }
        }
        #expect(failures.all.isEmpty)
        #expect(try store.orders(status: .submitted).count == 41)
    }
}

/// A thread-safe queue of values for injected sources.
final class Draws<Value: Sendable>: Sendable {
    private let values: Mutex<[Value]>
    init(_ values: [Value]) { self.values = Mutex(values) }
    func next() -> Value { values.withLock { $0.removeFirst() } }
    func append(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
}

struct SQLiteStoreIsolationTests {
    @Test func readersDoNotWaitForAnOpenWriteAndSeeOnlyCommittedData() throws {
        let store = try TestStore.make()
        let countInside = try store.write { db in
            try db.run("DELETE FROM order_events")
            // A reader on its own connection still sees the last commit.
            return try store.count("order_events")
        }
        #expect(countInside == 9)
        #expect(try store.count("order_events") == 0)
    }

    @Test func revisingADraftKeepsItsNumberAndDropsAnswersThatNoLongerApply() throws {
        let store = try TestStore.make()
        let jan = try store.requireUser("customer@example.com")
        let draft = try store.createDraft(customerID: 1, intake: TestStore.intake, by: jan, at: TestStore.now)
        _ = try store.answerDraft(orderID: draft.id, answers: [1: "yes", 2: "0000"], by: jan, at: TestStore.now)
        var intake = TestStore.intake
        intake.modelID = 9
        let revised = try store.reviseDraft(orderID: draft.id, intake: intake, by: jan, at: TestStore.now)
        #expect(revised.answers == [1: .yesNo(true)])
        let stored = try #require(try store.order(id: draft.id))
        #expect(stored.number == draft.number && stored.intake.modelID == 9 && stored.answers == [1: .yesNo(true)])
        #expect(try store.orders(customerID: 1).map(\.id).contains(draft.id))
        #expect(
            try store.orders(customerID: 1).map(\.createdAt)
                == (try store.orders(customerID: 1).map(\.createdAt).sorted(by: >)))
    }

    @Test func assigningANonStaffAgentIsRefused() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        #expect(throws: Problem.invalid("agentID", .notAssignable)) {
            try store.assignAgent(orderID: 1, agentID: 1, by: admin, at: TestStore.now)
        }
        #expect(throws: Problem.forbidden(.staffOnly)) {
            try store.assignAgent(
                orderID: 1, agentID: 3, by: try store.requireUser("customer@example.com"), at: TestStore.now)
        }
        #expect(try store.order(id: 1)?.assignedAgentID == 3)
    }
}
