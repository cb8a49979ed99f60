import RepairCore
import Testing

@testable import Localization

@Suite("Admin rules")
struct AdminRulesTests {
    static let catalogue = Catalogue.make()

    @Test(arguments: [
        ("5", 5), (" 1 ", 1), ("365", 365),
    ])
    func tatAcceptsWholeWorkingDays(raw: String, days: Int) throws {
        #expect(try AdminRules.parseTAT(raw) == days)
    }

    @Test(arguments: ["", "0", "-3", "366", "2.5", "five", "1e2", "99999999999999999999"])
    func invalidTATIsRefusedNamingTheField(raw: String) {
        #expect {
            try AdminRules.parseTAT(raw)
        } throws: { error in
            guard let problem = error as? Problem, problem.code == .invalidField else { return false }
            let errors = problem.fieldErrors
            return errors.map(\.field) == ["tatDays"] && Localizer.english.text(errors[0].rule).hasPrefix("Invalid TAT")
        }
    }

    static func location(
        id: Int64 = 0, name: String = "Poznań", address: String = "ul. Półwiejska 1", tatDays: Int = 5,
        methodIDs: [Int64] = [1]
    ) -> Location {
        Location(id: id, name: name, address: address, tatDays: tatDays, isPublic: true, methodIDs: methodIDs)
    }

    @Test(arguments: [
        (location(name: "  "), ["name"]),
        (location(name: String(repeating: "x", count: 201)), ["name"]),
        (location(name: "Two\nlines"), ["name"]),
        (location(address: ""), ["address"]),
        (location(tatDays: 0), ["tatDays"]),
        (location(tatDays: 366), ["tatDays"]),
        (location(methodIDs: [1, 99]), ["methodIDs"]),
        (location(name: "", address: "", tatDays: -1), ["name", "address", "tatDays"]),
    ])
    func badLocationsNameEveryBrokenField(location: Location, fields: [String]) {
        #expect {
            try AdminRules.validated(location, in: Self.catalogue)
        } throws: { error in
            (error as? Problem)?.fieldErrors.map(\.field) == fields
        }
    }

    @Test func locationIsTidied() throws {
        let location = Self.location(name: " Poznań ", address: "a\r\nb ", methodIDs: [2, 1, 2])
        let tidy = try AdminRules.validated(location, in: Self.catalogue)
        #expect(tidy.name == "Poznań")
        #expect(tidy.address == "a\nb")
        #expect(tidy.methodIDs == [1, 2])
    }

    @Test func duplicateNamesAreConflictsButAnEntryMayKeepItsOwnName() throws {
        #expect(throws: Problem.conflict(field: "name", .locationNameTaken, ["name": "kraków"])) {
            try AdminRules.validated(Self.location(name: "kraków"), in: Self.catalogue)
        }
        let renamedToItself = Self.location(id: 2, name: "Kraków")
        #expect(try AdminRules.validated(renamedToItself, in: Self.catalogue).name == "Kraków")
        #expect(throws: Problem.self) {
            try AdminRules.validated(ShippingMethod(id: 0, name: "COURIER"), in: Self.catalogue)
        }
        #expect(throws: Problem.self) {
            try AdminRules.validated(DeviceModel(id: 0, manufacturer: "apple", name: "iPhone 13 "), in: Self.catalogue)
        }
        #expect(
            try AdminRules.validated(DeviceModel(id: 0, manufacturer: "Apple", name: "iPhone 15"), in: Self.catalogue)
                .id == 0)
    }

    static func task(
        text: String = "Colour?", kind: ServiceTask.Kind = .text, filled: Bool = true, required: Bool = false,
        scope: ServiceTask.Scope = .allDevices
    ) -> ServiceTask {
        ServiceTask(
            id: 0, text: text, kind: kind, isFilledByCustomer: filled, isRequiredInPortal: required, scope: scope)
    }

    @Test(arguments: [
        (task(text: " "), ["text"], "is required"),
        (task(kind: .choice(["one"])), ["choices"], "at least two"),
        (task(kind: .choice(["a", "A", " "])), ["choices"], "at least two"),
        (task(scope: .models([1, 42])), ["scope"], "a task scope naming unknown models: 42"),
        (task(scope: .models([])), ["scope"], "at least one device model"),
        (task(scope: .customers([7])), ["scope"], "unknown customers: 7"),
        (task(filled: false, required: true), ["isRequiredInPortal"], "filled by the customer"),
    ])
    func badTasksAreRefused(task: ServiceTask, fields: [String], rule: String) {
        #expect {
            try AdminRules.validated(task, in: Self.catalogue, customerIDs: [20])
        } throws: { error in
            let errors = (error as? Problem)?.fieldErrors ?? []
            return errors.map(\.field) == fields && Localizer.english.text(errors[0].rule).contains(rule)
        }
    }

    @Test func goodTaskIsTidied() throws {
        let task = Self.task(kind: .choice([" box ", "none", "box"]), scope: .models([2, 1, 1]))
        let tidy = try AdminRules.validated(task, in: Self.catalogue, customerIDs: [])
        #expect(tidy.kind == .choice(["box", "none"]))
        #expect(tidy.scope == .models([1, 2]))
    }

    @Test func customerNeedsAName() throws {
        let customer = Customer(id: 0, name: "", kind: .person, isReseller: false, address: "")
        #expect(throws: Problem.invalid("name", .required)) { try AdminRules.validated(customer) }
        var named = customer
        named.name = " Anna "
        #expect(try AdminRules.validated(named).name == "Anna")
    }
}
