import Foundation
import Localization
import RepairCore
import RepairStore
import Testing

@Suite("Admin edits in the store")
struct AdminStoreTests {
    static let now = TestStore.now

    @Test func updatingALocationKeepsItsAuditEntry() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        var location = try #require(try store.catalogue().location(id: 2))
        location.tatDays = 9
        location.isPublic = false
        location.methodIDs = [3]
        _ = try store.saveLocation(location, by: admin, at: Self.now)
        let saved = try #require(try store.catalogue().location(id: 2))
        #expect(saved.tatDays == 9 && !saved.isPublic && saved.methodIDs == [3])
        #expect(try !store.catalogue().publicLocations.contains { $0.id == 2 })
        let entry = try #require(try store.auditEntries().first)
        #expect(entry.action == "location.update" && entry.entityKey == "2" && entry.actorID == admin.id)
        #expect(entry.details == "tatDays: 7 → 9; isPublic: true → false; methodIDs: 1,3 → 3")
        #expect(entry.at == Self.now)
    }

    @Test func addingEachKindAssignsAnIDAndAudits() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let method = try store.saveShippingMethod(ShippingMethod(id: 0, name: "InPost"), by: admin, at: Self.now)
        let location = try store.saveLocation(
            Location(
                id: 0, name: "Poznań", address: "ul. Półwiejska 1", tatDays: 3, isPublic: true, methodIDs: [method.id]),
            by: admin, at: Self.now)
        let model = try store.saveDeviceModel(
            DeviceModel(id: 0, manufacturer: "Fairphone", name: "5"), by: admin, at: Self.now)
        let task = try store.saveTask(
            ServiceTask(
                id: 0, text: "Colour?", kind: .choice(["black", "white"]), isFilledByCustomer: true,
                isRequiredInPortal: true, scope: .models([model.id])), by: admin, at: Self.now)
        let customer = try store.saveCustomer(
            Customer(id: 0, name: "Nowa Firma", kind: .company, isReseller: true, address: "Łódź"), by: admin,
            at: Self.now)
        let catalogue = try store.catalogue()
        #expect(catalogue.location(id: location.id)?.methodIDs == [method.id])
        #expect(catalogue.model(id: model.id)?.displayName == "Fairphone 5")
        #expect(catalogue.tasks.first { $0.id == task.id } == task)
        #expect(try store.customer(id: customer.id)?.isReseller == true)
        #expect(
            try store.auditEntries().map(\.action) == [
                "customer.create", "task.create", "deviceModel.create", "location.create", "shippingMethod.create",
            ])
    }

    /// Each refused edit: the error, and the catalogue, customers and audit log as they were.
    @Test(arguments: [
        "invalid TAT", "duplicate location", "duplicate method", "duplicate model", "unknown scope models",
        "unknown location", "not an admin",
    ])
    func refusedEditsChangeNothing(name: String) throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let agent = try store.requireUser("agent@example.com")
        let before = try store.catalogue()
        let customersBefore = try store.customers()
        var location = try #require(before.location(id: 1))
        let error: Problem
        do {
            switch name {
            case "invalid TAT":
                location.tatDays = 0
                _ = try store.saveLocation(location, by: admin, at: Self.now)
            case "duplicate location":
                location.name = "KRAKÓW SERWIS"
                _ = try store.saveLocation(location, by: admin, at: Self.now)
            case "duplicate method":
                _ = try store.saveShippingMethod(ShippingMethod(id: 3, name: "Poczta Polska"), by: admin, at: Self.now)
            case "duplicate model":
                _ = try store.saveDeviceModel(
                    DeviceModel(id: 0, manufacturer: "Apple", name: "iPhone 13"), by: admin, at: Self.now)
            case "unknown scope models":
                _ = try store.saveTask(
                    ServiceTask(
                        id: 2, text: "x", kind: .text, isFilledByCustomer: true, isRequiredInPortal: false,
                        scope: .models([1, 404])), by: admin, at: Self.now)
            case "unknown location":
                location.id = 999
                _ = try store.saveLocation(location, by: admin, at: Self.now)
            default:
                location.tatDays = 8
                _ = try store.saveLocation(location, by: agent, at: Self.now)
            }
            Issue.record("\(name) was accepted")
            return
        } catch let caught as Problem {
            error = caught
        }
        switch name {
        case "invalid TAT": #expect(error.fieldErrors.map(\.field) == ["tatDays"])
        case "duplicate location", "duplicate method", "duplicate model":
            guard error.code == .conflict, error.field == "name" else {
                Issue.record("\(error)")
                break
            }
        case "unknown scope models":
            #expect(
                error.fieldErrors.first.map { Localizer.english.text($0.rule) }?.contains("unknown models: 404") == true
            )
        case "unknown location": #expect(error == .notFound(.location, key: "999"))
        default: #expect(error == .forbidden(.adminsOnly))
        }
        #expect(try store.catalogue() == before)
        #expect(try store.customers() == customersBefore)
        #expect(try store.auditEntries().isEmpty)
    }

    @Test func removingAMethodOpenOrdersUseIsRefusedWithTheCount() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let open = try store.read { db in
            try db.firstRow("SELECT count(*) FROM orders WHERE method_id = 1 AND status NOT IN ('closed', 'cancelled')")
            {
                Int($0.int64(0))
            } ?? 0
        }
        #expect(open > 0)
        let before = try store.catalogue()
        #expect(
            throws: Problem.conflict(field: "method", .methodInOpenOrders, ["count": .number(open)])
        ) {
            try store.removeShippingMethod(id: 1, by: admin, at: Self.now)
        }
        #expect(try store.catalogue() == before)
        #expect(try store.auditEntries().isEmpty)
    }

    @Test func removingAnUnusedMethodDropsItFromLocations() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let method = try store.saveShippingMethod(ShippingMethod(id: 0, name: "Pigeon"), by: admin, at: Self.now)
        var location = try #require(try store.catalogue().location(id: 3))
        location.methodIDs.append(method.id)
        _ = try store.saveLocation(location, by: admin, at: Self.now)
        try store.removeShippingMethod(id: method.id, by: admin, at: Self.now)
        let catalogue = try store.catalogue()
        #expect(catalogue.method(id: method.id) == nil)
        #expect(catalogue.location(id: 3)?.methodIDs == [1])
        let entry = try #require(try store.auditEntries().first)
        #expect(entry.action == "shippingMethod.remove")
        #expect(entry.details == "name: Pigeon; dropped from locations: Gdańsk Magazyn")
        #expect(throws: Problem.notFound(.shippingMethod, key: String(method.id))) {
            try store.removeShippingMethod(id: method.id, by: admin, at: Self.now)
        }
    }

    @Test func aMethodOnlyClosedOrdersUsedIsKeptForTheirHistory() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let method = try store.saveShippingMethod(ShippingMethod(id: 0, name: "Pigeon"), by: admin, at: Self.now)
        try store.write { db in
            try db.run("UPDATE orders SET method_id = ? WHERE number = 'RS-6GHV-7R2E'", [.integer(method.id)])
        }
        #expect(
            throws: Problem.conflict(field: "method", .methodInHistory, ["count": 1])
        ) {
            try store.removeShippingMethod(id: method.id, by: admin, at: Self.now)
        }
        #expect(try store.catalogue().method(id: method.id) != nil)
        #expect(try store.auditEntries().count == 1)
    }
}
