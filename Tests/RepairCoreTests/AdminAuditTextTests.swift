import Testing

@testable import RepairCore

@Suite("Audit change text")
struct AdminAuditTextTests {
    static let old = Location(
        id: 1, name: "Warszawa", address: "ul. A 1", tatDays: 5, isPublic: true, methodIDs: [2, 1])

    static func changed(_ change: (inout Location) -> Void) -> Location {
        var location = old
        change(&location)
        return location
    }

    @Test(arguments: [
        (changed { $0.tatDays = 7 }, "tatDays: 5 → 7"),
        (
            changed {
                $0.isPublic = false
                $0.tatDays = 6
            }, "tatDays: 5 → 6; isPublic: true → false"
        ),
        (changed { $0.methodIDs = [1] }, "methodIDs: 1,2 → 1"),
        (changed { $0.address = "ul. B\n00-001" }, "address: ul. A 1 → ul. B / 00-001"),
        (changed { $0.methodIDs = [1, 2] }, "no changes"),
    ])
    func updatesListOnlyWhatChanged(new: Location, text: String) {
        #expect(Location.describeChanges(Self.old, new) == text)
    }

    @Test func aNewEntryListsEveryField() {
        #expect(
            ShippingMethod.describeChanges(nil, ShippingMethod(id: 3, name: "Courier")) == "name: Courier")
        let task = ServiceTask(
            id: 1, text: "Box?", kind: .choice(["a", "b"]), isFilledByCustomer: true, isRequiredInPortal: false,
            scope: .models([4]))
        #expect(
            ServiceTask.describeChanges(nil, task)
                == "text: Box?; kind: choice; choices: a | b; isFilledByCustomer: true; isRequiredInPortal: false; scope: models; scopeIDs: 4"
        )
    }

    @Test func customerResellerFlag() {
        let old = Customer(id: 1, name: "Firma", kind: .company, isReseller: false, address: "")
        var new = old
        new.isReseller = true
        #expect(Customer.describeChanges(old, new) == "isReseller: false → true")
    }
}
