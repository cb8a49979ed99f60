import Foundation

@testable import RepairCore

// `.make()` factories with defaults, so each test states only what it is about.
extension Catalogue {
    static func make() -> Catalogue {
        Catalogue(
            models: [
                DeviceModel(id: 1, manufacturer: "Apple", name: "iPhone 13"),
                DeviceModel(id: 2, manufacturer: "Lenovo", name: "ThinkPad T14"),
            ],
            locations: [
                Location(
                    id: 1, name: "Warszawa", address: "ul. Marszałkowska 1", tatDays: 5, isPublic: true,
                    methodIDs: [1, 2]),
                Location(id: 2, name: "Kraków", address: "ul. Długa 2", tatDays: 1, isPublic: true, methodIDs: [2]),
                Location(id: 3, name: "Gdańsk", address: "ul. Elbląska 3", tatDays: 9, isPublic: false, methodIDs: [1]),
            ],
            methods: [ShippingMethod(id: 1, name: "Courier"), ShippingMethod(id: 2, name: "Drop-off")],
            tasks: [
                ServiceTask(
                    id: 1, text: "Warranty?", kind: .yesNo, isFilledByCustomer: true, isRequiredInPortal: true,
                    scope: .allDevices),
                ServiceTask(
                    id: 2, text: "Lock code", kind: .text, isFilledByCustomer: true, isRequiredInPortal: false,
                    scope: .models([1])),
                ServiceTask(
                    id: 3, text: "Packaging", kind: .choice(["box", "none"]), isFilledByCustomer: true,
                    isRequiredInPortal: true, scope: .customers([20])),
                ServiceTask(
                    id: 4, text: "Cycles", kind: .number, isFilledByCustomer: true, isRequiredInPortal: false,
                    scope: .models([2])),
                ServiceTask(
                    id: 5, text: "Parts (internal)", kind: .text, isFilledByCustomer: false, isRequiredInPortal: true,
                    scope: .allDevices),
            ])
    }
}

extension IntakeForm {
    static func make() -> IntakeForm {
        IntakeForm(
            modelID: "1", serial: "356789104523871", fault: "Cracked screen", locationID: "1", methodID: "1",
            contactFirstName: "Jan", contactSurname: "Łukasiewicz", contactEmail: "jan@example.com",
            contactPhone: "+48 600 100 200")
    }
}

extension User {
    static func make(id: Int64 = 1, role: Role = .customer, customerID: Int64? = 10) -> User {
        User(
            id: id, email: "u\(id)@example.com", displayName: "User \(id)", role: role, customerID: customerID,
            passwordHash: "$y$x")
    }
}

extension Customer {
    static func make(id: Int64 = 10, isReseller: Bool = false) -> Customer {
        Customer(
            id: id, name: "Customer \(id)", kind: isReseller ? .company : .person, isReseller: isReseller, address: "")
    }
}

extension ServiceOrder {
    static func make(customerID: Int64 = 10, modelID: Int64 = 1, status: OrderStatus = .draft) -> ServiceOrder {
        var intake = try! IntakeForm.make().validate(against: .make())
        intake.modelID = modelID
        return ServiceOrder(
            id: 7, number: OrderNumber("RS-7K2M-9QXD")!, customerID: customerID, createdByUserID: 1, intake: intake,
            status: status, createdAt: Date(timeIntervalSince1970: 1_000))
    }
}
