import Foundation
import RepairCore
import Testing

/// `ShipmentRepository` and `ShipmentDocumentRepository`.
@Suite struct ShipmentRepositoryConformanceTests {
    static let numbers = ["RS-9PWX-6T1C", "RS-2DFG-H7JK"].compactMap(OrderNumber.init)

    @Test(arguments: Backend.all) func aShipmentIsCreatedConfirmedAndItsDocumentsKeptOnce(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let reseller = try store.requireUser("reseller@example.com")
        let now = StoreUnderTest.now
        let groupsBefore = try store.openOrderGroupCounts(customerID: 2).values.reduce(0, +)
        let draft = try store.createShipment(orderNumbers: [Self.numbers[0]], by: reseller, at: now)
        #expect(try store.shipment(id: draft.id) == draft)
        #expect(try store.openOrderGroupCounts(customerID: 2).values.reduce(0, +) == groupsBefore - 1)
        let texts = ShipmentDocumentTexts(packingListText: "1", packingListZPL: "2", labelText: "3", labelZPL: "4")
        // Documents are kept for confirmed shipments only.
        #expect(throws: Problem.self) {
            _ = try store.keepShipmentDocuments(texts, shipmentID: draft.id, at: now)
        }
        let confirmed = try store.confirmShipment(id: draft.id, parcelCount: 1, weightKg: 2, by: reseller, at: now)
        #expect(try store.shipmentOrders(shipmentID: confirmed.id).map(\.status) == [.shipped])
        #expect(try store.keepShipmentDocuments(texts, shipmentID: draft.id, at: now) == texts)
        var other = texts
        other.labelText = "x"
        #expect(try store.keepShipmentDocuments(other, shipmentID: draft.id, at: now) == texts)
        #expect(try store.shipmentDocuments(shipmentID: draft.id) == texts)
    }

    @Test(arguments: Backend.all) func aRefusedShipmentWritesNothing(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let customer = try store.requireUser("customer@example.com")
        #expect(throws: Problem.self) {
            _ = try store.createShipment(orderNumbers: Self.numbers, by: customer, at: StoreUnderTest.now)
        }
        #expect(try store.shipments(customerID: 2).isEmpty)
        #expect(try store.shipments(customerID: 1).isEmpty)
    }
}
