import Foundation
import RepairApp
import RepairCore
import RepairStore
import Testing

@Suite("Customer order use cases over a real SQLite file")
struct CustomerOrdersTests {
    let store: SQLiteStore
    let app: RepairApp
    let customer: User
    let olga: User

    init() throws {
        store = try AppTestStore.make()
        app = RepairApp(store: store, now: { AppTestStore.now })
        customer = try store.requireUser("customer@example.com")
        olga = try store.requireUser("olga@example.com")
    }

    static func form() -> IntakeForm {
        IntakeForm(
            modelID: "1", serial: "356789104523871", fault: "Cracked screen", locationID: "1", methodID: "1",
            contactFirstName: "Jan", contactSurname: "Kowalski", contactEmail: "jan@example.com", contactPhone: "")
    }

    // The answers must be byte-identical, so no one learns that someone else's order exists.
    @Test func anotherCustomersOrderAndAnUnknownNumberAreTheSameProblem() throws {
        let other = #expect(throws: Problem.self) { try app.customerOrders.order(number: "RS-7K2M-9QXD", for: olga) }
        let unknown = #expect(throws: Problem.self) {
            try app.customerOrders.order(number: "RS-2222-2222", for: olga)
        }
        #expect(other == Problem.notFound(.order, key: "RS-7K2M-9QXD"))
        #expect(unknown == Problem.notFound(.order, key: "RS-2222-2222"))
        #expect(try app.customerOrders.order(number: "RS-7K2M-9QXD", for: customer).customerID == 1)
    }

    @Test func theWizardRunsFromDraftToApproval() throws {
        let draft = try app.customerOrders.createDraft(Self.form(), by: customer)
        let number = draft.number.description
        #expect(draft.status == .draft)
        let missing = #expect(throws: Problem.self) {
            try app.customerOrders.answer(number: number, [:], requireAll: true, by: customer)
        }
        #expect(missing?.code == "invalid_field")
        var answers: [Int64: String] = [:]
        for task in try app.customerOrders.questions(number: number, for: customer) {
            switch task.kind {
            case .yesNo: answers[task.id] = "yes"
            case .choice(let choices): answers[task.id] = choices.first ?? ""
            default: answers[task.id] = "1"
            }
        }
        _ = try app.customerOrders.answer(number: number, answers, requireAll: true, by: customer)
        let approved = try app.customerOrders.approve(number: number, by: customer)
        #expect(approved.status == .submitted)
        #expect(try app.customerOrders.myOrders(for: customer).contains { $0.number == approved.number })
        let again = #expect(throws: Problem.self) { try app.customerOrders.draft(number: number, for: customer) }
        #expect(again?.code == "not_a_draft")
    }

    @Test func aRefusedDraftWritesNothing() throws {
        let before = try store.count("orders")
        var form = Self.form()
        form.serial = ""
        let error = #expect(throws: Problem.self) {
            try app.customerOrders.createDraft(
                form, inputErrors: [FieldError(field: "modelID", rule: FieldRule(.wrongType))], by: customer)
        }
        #expect(error?.fieldErrors.first?.field == "modelID")
        #expect(error?.fieldErrors.contains { $0.field == "serial" } == true)
        #expect(try store.count("orders") == before)
    }

    @Test func anotherCustomersDraftCannotBeDiscardedOrNoted() throws {
        let before = try store.count("orders")
        let events = try store.count("order_events")
        for attempt in [
            { _ = try app.customerOrders.discard(number: "RS-4HJT-2B8N", by: olga) },
            { _ = try app.customerOrders.addNote(number: "RS-4HJT-2B8N", "hello", by: olga) },
        ] {
            let error = #expect(throws: Problem.self) { try attempt() }
            #expect(error?.code == "not_found")
        }
        #expect(try store.count("orders") == before)
        #expect(try store.count("order_events") == events)
        let note = try app.customerOrders.addNote(number: "RS-7K2M-9QXD", "Any news?", by: customer)
        #expect(note.isPublic)
    }

    @Test func aUserWithoutACustomerMayNotOrder() throws {
        let agent = try store.requireUser("agent@example.com")
        let error = #expect(throws: Problem.self) { try app.customerOrders.createDraft(Self.form(), by: agent) }
        #expect(error == Problem.forbidden(.noCustomer))
    }
}
