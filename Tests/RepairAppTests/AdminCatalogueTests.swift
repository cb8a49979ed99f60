import Foundation
import RepairApp
import RepairCore
import RepairStore
import Testing

@Suite("Admin catalogue use cases over a real SQLite file")
struct AdminCatalogueTests {
    let store: SQLiteStore
    let app: RepairApp
    let admin: User

    init() throws {
        store = try AppTestStore.make()
        app = RepairApp(store: store, now: { AppTestStore.now })
        admin = try store.requireUser("admin@example.com")
    }

    // A form the edge could not read is refused in one answer with the rules' own errors, unreadable fields once.
    @Test func inputErrorsComeBackWithEveryOtherBrokenRuleAndNothingIsWritten() throws {
        let unreadable = FieldError(field: "tatDays", rule: FieldRule(.tatWholeNumber))
        let location = Location(id: 0, name: " ", address: "Somewhere", tatDays: 0, isPublic: true, methodIDs: [])
        let refused = #expect(throws: Problem.self) {
            try app.catalogue.saveLocation(location, inputErrors: [unreadable], by: admin)
        }
        #expect(refused?.code == .invalidField)
        #expect(refused?.fieldErrors.map(\.field) == ["tatDays", "name"])
        #expect(refused?.fieldErrors.first?.rule.code == .tatWholeNumber)

        let customerCount = try store.customers().count
        let kind = FieldError(field: "kind", rule: FieldRule(.oneOf, ["choices": .list(["person", "company"])]))
        let customer = Customer(id: 0, name: "Fine Name", kind: .person, isReseller: false, address: "")
        let onlyInput = #expect(throws: Problem.self) {
            try app.catalogue.saveCustomer(customer, inputErrors: [kind], by: admin)
        }
        #expect(onlyInput?.fieldErrors == [kind])
        #expect(try store.customers().count == customerCount)
        #expect(try store.catalogue().locations.count == 3)
        #expect(try store.count("audit_log") == 0)
    }

    @Test func aTaskWithInputErrorsIsCheckedAgainstTheStoredCustomers() throws {
        let task = ServiceTask(
            id: 0, text: "Colour?", kind: .text, isFilledByCustomer: true, isRequiredInPortal: false,
            scope: .customers([99]))
        let unreadable = FieldError(field: "modelIDs", rule: FieldRule(.notAnID, ["value": "x"]))
        let refused = #expect(throws: Problem.self) {
            try app.catalogue.saveTask(task, inputErrors: [unreadable], by: admin)
        }
        #expect(refused?.fieldErrors.map(\.rule.code) == [.notAnID, .scopeUnknownCustomers])
        #expect(try store.count("audit_log") == 0)
    }

    @Test func theConsoleAddsACustomerByTheAdminRules() throws {
        let saved = try app.catalogue.addCustomer(
            Customer(id: 0, name: "  Nowa Firma ", kind: .company, isReseller: true, address: "ul. Długa 1\r\nGdańsk"))
        #expect(saved.id > 0 && saved.name == "Nowa Firma" && saved.address == "ul. Długa 1\nGdańsk")
        let count = try store.customers().count
        let refused = #expect(throws: Problem.self) {
            try app.catalogue.addCustomer(Customer(id: 0, name: "", kind: .person, isReseller: false, address: ""))
        }
        #expect(refused?.fieldErrors.map(\.rule.code) == [.required])
        #expect(try store.customers().count == count)
    }
}
