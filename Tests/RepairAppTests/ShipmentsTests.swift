import Foundation
import RepairApp
import RepairCore
import RepairStore
import Testing

@Suite("Shipment use cases over a real SQLite file")
struct ShipmentsTests {
    let store: SQLiteStore
    let app: RepairApp
    let reseller: User

    init() throws {
        store = try AppTestStore.make()
        app = RepairApp(store: store, now: { AppTestStore.now })
        reseller = try store.requireUser("reseller@example.com")
    }

    @Test func createConfirmAndRecordTheCarrier() throws {
        let shipment = try app.shipments.create(orderNumbers: ["RS-9PWX-6T1C"], by: reseller)
        #expect(try app.shipments.shipment(shipment.reference, for: reseller).id == shipment.id)
        let confirmed = try app.shipments.confirm(
            String(shipment.id), parcelText: " 2 ", weightText: "1,5", by: reseller)
        #expect(confirmed.parcelCount == 2)
        #expect(confirmed.weightKg == 1.5)
        let carried = try app.shipments.recordCarrier(
            "DPD", trackingNumber: "123456", url: nil, on: String(shipment.id), by: reseller)
        #expect(carried.carrier?.carrier == "DPD")
    }

    @Test func aMalformedNumberOrWeightChangesNothing() throws {
        let error = #expect(throws: Problem.self) { try app.shipments.create(orderNumbers: ["nope"], by: reseller) }
        #expect(error?.fieldErrors.first?.rule.code == .orderNumberFormat)
        #expect(try store.count("shipments") == 0)
        let shipment = try app.shipments.create(orderNumbers: ["RS-9PWX-6T1C"], by: reseller)
        let weight = #expect(throws: Problem.self) {
            try app.shipments.confirm(String(shipment.id), parcelText: "", weightText: "heavy", by: reseller)
        }
        #expect(weight?.fieldErrors.first?.field == "weightKg")
        #expect(try store.shipment(id: shipment.id)?.status == .draft)
    }

    // Another company's shipment answers exactly like one that does not exist.
    @Test func anotherCompanysShipmentIsNotFound() throws {
        let shipment = try app.shipments.create(orderNumbers: ["RS-9PWX-6T1C"], by: reseller)
        let other = try store.addUser(
            User(
                id: 0, email: "other@example.com", displayName: "Other", role: .reseller, customerID: 3,
                passwordHash: ""))
        let hidden = #expect(throws: Problem.self) { try app.shipments.discard(String(shipment.id), by: other) }
        let missing = #expect(throws: Problem.self) { try app.shipments.discard("999", by: other) }
        #expect(hidden?.code == "shipment_not_found")
        #expect(missing?.code == "shipment_not_found")
        #expect(try store.shipment(id: shipment.id) != nil)
    }

    @Test func onlyResellersHaveShipments() throws {
        let customer = try store.requireUser("customer@example.com")
        let error = #expect(throws: Problem.self) { try app.shipments.overview(for: customer) }
        #expect(error == Problem.forbidden(.resellersOnly))
    }
}
