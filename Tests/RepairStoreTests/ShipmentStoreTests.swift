import Foundation
import RepairCore
import Synchronization
import Testing

@testable import RepairStore

@Suite("Shipments in the store")
struct ShipmentStoreTests {
    static let now = TestStore.now
    static func number(_ text: String) -> OrderNumber { OrderNumber(text)! }

    /// Everything a refusal must leave untouched: shipments, their orders, order statuses, history.
    static func snapshot(_ store: SQLiteStore) throws -> [String] {
        try store.read { db in
            try db.rows(
                "SELECT id || ':' || status || ':' || parcel_count || ':' || COALESCE(carrier, '') FROM shipments ORDER BY id"
            ) { $0.text(0) }
                + db.rows(
                    "SELECT order_id || '@' || shipment_id || '#' || position FROM shipment_orders ORDER BY order_id"
                ) { $0.text(0) }
                + db.rows("SELECT number || '=' || status FROM orders ORDER BY id") { $0.text(0) }
                + db.rows("SELECT count(*) FROM order_events") { String($0.int64(0)) }
        }
    }

    @Test func groupsListTheResellersOpenOrdersByLocationAndMethod() throws {
        let store = try TestStore.make()
        let groups = try store.shipmentGroups(customerID: 2)
        #expect(
            groups.map(\.key) == [
                ShipmentGroupKey(locationID: 1, methodID: 1), ShipmentGroupKey(locationID: 2, methodID: 3),
            ])
        #expect(
            groups.map { $0.orders.map(\.number.description) } == [["RS-9PWX-6T1C", "RS-2DFG-H7JK"], ["RS-8NRS-5VYA"]])
        #expect(try store.openOrderGroupCounts(customerID: 2) == [groups[0].key: 2, groups[1].key: 1])
        #expect(try store.shipmentGroups(customerID: 1).isEmpty)
    }

    @Test func createTakesOrdersOutOfTheirGroup() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let shipment = try store.createShipment(
            orderNumbers: [Self.number("RS-2DFG-H7JK"), Self.number("RS-9PWX-6T1C")], by: reseller, at: Self.now)
        #expect(shipment.reference == "SH-000001" && shipment.status == .draft)
        #expect(try store.shipment(id: shipment.id) == shipment)
        #expect(
            try store.shipmentOrders(shipmentID: shipment.id).map(\.number.description) == [
                "RS-2DFG-H7JK", "RS-9PWX-6T1C",
            ])
        #expect(try store.shipmentGroups(customerID: 2).map(\.count) == [1])
        #expect(try store.shipments(customerID: 2) == [shipment])
    }

    /// Selections refused on create, with the rule; each leaves the store as it was.
    static let refusals: [([String], String, ProblemCode)] = [
        (["RS-9PWX-6T1C", "RS-8NRS-5VYA"], "reseller@example.com", .mixedGroups),
        (["RS-9PWX-6T1C", "RS-7K2M-9QXD"], "reseller@example.com", .orderNotFound),
        (["RS-ZZZZ-ZZZZ"], "reseller@example.com", .orderNotFound),
        (["RS-5ZEB-3C0W"], "reseller@example.com", .orderNotConfirmed),
        ([], "reseller@example.com", .emptySelection),
        (["RS-9PWX-6T1C"], "customer@example.com", .notReseller),
        (["RS-9PWX-6T1C"], "agent@example.com", .notReseller),
    ]

    @Test(arguments: 0..<7) func refusedSelectionsChangeNothing(row: Int) throws {
        let store = try TestStore.make()
        let (numbers, email, rule) = Self.refusals[row]
        let before = try Self.snapshot(store)
        let error = try #require(throws: Problem.self) {
            try store.createShipment(
                orderNumbers: numbers.map(Self.number), by: try store.requireUser(email), at: Self.now)
        }
        #expect(error.code == rule)
        #expect(try Self.snapshot(store) == before)
    }

    @Test func anOrderGoesIntoOneShipmentOnly() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let first = try store.createShipment(orderNumbers: [Self.number("RS-9PWX-6T1C")], by: reseller, at: Self.now)
        let before = try Self.snapshot(store)
        let error = try #require(throws: Problem.self) {
            try store.createShipment(
                orderNumbers: [Self.number("RS-2DFG-H7JK"), Self.number("RS-9PWX-6T1C")], by: reseller, at: Self.now)
        }
        #expect(
            error
                == Problem(
                    .orderInShipment, orderNumber: "RS-9PWX-6T1C", field: "orders",
                    parameters: ["holder": .text(first.reference)]))
        #expect(throws: Problem.self) {
            try store.addOrders([Self.number("RS-9PWX-6T1C")], toShipment: first.id, by: reseller, at: Self.now)
        }
        #expect(try Self.snapshot(store) == before)
    }

    @Test func draftsGrowShrinkAndAreDiscarded() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let shipment = try store.createShipment(orderNumbers: [Self.number("RS-9PWX-6T1C")], by: reseller, at: Self.now)
        let grown = try store.addOrders(
            [Self.number("RS-2DFG-H7JK")], toShipment: shipment.id, by: reseller, at: Self.now)
        #expect(try store.shipment(id: shipment.id)?.orderIDs == grown.orderIDs)
        #expect(throws: Problem.self) {
            try store.addOrders([Self.number("RS-8NRS-5VYA")], toShipment: shipment.id, by: reseller, at: Self.now)
        }
        _ = try store.removeOrders([Self.number("RS-9PWX-6T1C")], fromShipment: shipment.id, by: reseller, at: Self.now)
        #expect(try store.shipmentOrders(shipmentID: shipment.id).map(\.number.description) == ["RS-2DFG-H7JK"])
        #expect(throws: Problem.self) {
            try store.removeOrders([Self.number("RS-9PWX-6T1C")], fromShipment: shipment.id, by: reseller, at: Self.now)
        }
        try store.discardShipment(id: shipment.id, by: reseller)
        #expect(try store.shipment(id: shipment.id) == nil)
        #expect(try store.count("shipment_orders") == 0)
        #expect(try store.shipmentGroups(customerID: 2).map(\.count) == [2, 1])
    }

    @Test func confirmShipsTheOrdersOnceAndFreezesTheShipment() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let numbers = [Self.number("RS-9PWX-6T1C"), Self.number("RS-2DFG-H7JK")]
        let draft = try store.createShipment(orderNumbers: numbers, by: reseller, at: Self.now)
        let confirmed = try store.confirmShipment(
            id: draft.id, parcelCount: 2, weightKg: 3.5, by: reseller, at: Self.now)
        #expect(try store.shipment(id: draft.id) == confirmed)
        #expect(confirmed.status == .confirmed && confirmed.confirmedAt == Self.now && confirmed.weightKg == 3.5)
        for number in numbers {
            let order = try #require(try store.order(number: number))
            #expect(order.status == .shipped)
            let last = try #require(try store.events(orderID: order.id).last)
            #expect(last.toStatus == .shipped && last.note == "shipped in SH-000001" && last.actorUserID == reseller.id)
        }
        let before = try Self.snapshot(store)
        let refusals: [() throws -> Void] = [
            { _ = try store.confirmShipment(id: draft.id, parcelCount: 1, weightKg: nil, by: reseller, at: Self.now) },
            { try store.discardShipment(id: draft.id, by: reseller) },
            {
                _ = try store.addOrders([Self.number("RS-8NRS-5VYA")], toShipment: draft.id, by: reseller, at: Self.now)
            },
            { _ = try store.removeOrders([numbers[0]], fromShipment: draft.id, by: reseller, at: Self.now) },
        ]
        for refusal in refusals {
            let error = try #require(throws: Problem.self) { try refusal() }
            #expect(error.code == .alreadyConfirmed)
        }
        #expect(try Self.snapshot(store) == before)
    }

    @Test func confirmedShipmentsAreFrozenEvenForRawSQL() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let draft = try store.createShipment(orderNumbers: [Self.number("RS-8NRS-5VYA")], by: reseller, at: Self.now)
        _ = try store.confirmShipment(id: draft.id, parcelCount: 1, weightKg: nil, by: reseller, at: Self.now)
        let before = try Self.snapshot(store)
        let statements = [
            "UPDATE shipments SET status = 'draft', confirmed_at = NULL",
            "UPDATE shipments SET parcel_count = 5",
            "DELETE FROM shipments",
            "DELETE FROM shipment_orders",
            "INSERT INTO shipment_orders (order_id, shipment_id, position) VALUES (5, 1, 9)",
        ]
        for sql in statements {
            #expect(throws: DatabaseError.self, "\(sql)") { try store.write { db in try db.execute(sql) } }
        }
        #expect(try Self.snapshot(store) == before)
        try store.write { db in try db.execute("UPDATE shipments SET carrier = 'DPD', tracking_number = '1'") }
    }

    @Test func anOrderMovedByStaffBlocksTheConfirm() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let agent = try store.requireUser("agent@example.com")
        let draft = try store.createShipment(
            orderNumbers: [Self.number("RS-9PWX-6T1C"), Self.number("RS-2DFG-H7JK")], by: reseller, at: Self.now)
        let order = try #require(try store.order(number: Self.number("RS-2DFG-H7JK")))
        _ = try store.moveOrder(orderID: order.id, to: .onHold, by: agent, note: "", isPublic: false, at: Self.now)
        let before = try Self.snapshot(store)
        let error = try #require(throws: Problem.self) {
            try store.confirmShipment(id: draft.id, parcelCount: 1, weightKg: nil, by: reseller, at: Self.now)
        }
        #expect(error.code == .orderNotConfirmed && error.parameters["number"] == .text("RS-2DFG-H7JK"))
        #expect(try Self.snapshot(store) == before)
    }

    @Test func confirmOfAnEmptyShipmentIsRefused() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let draft = try store.createShipment(orderNumbers: [Self.number("RS-8NRS-5VYA")], by: reseller, at: Self.now)
        _ = try store.removeOrders([Self.number("RS-8NRS-5VYA")], fromShipment: draft.id, by: reseller, at: Self.now)
        let before = try Self.snapshot(store)
        #expect(throws: Problem(.emptyShipment, reference: draft.reference)) {
            try store.confirmShipment(id: draft.id, parcelCount: 1, weightKg: nil, by: reseller, at: Self.now)
        }
        #expect(throws: Problem.self) {
            try store.confirmShipment(id: 999, parcelCount: 1, weightKg: nil, by: reseller, at: Self.now)
        }
        #expect(try Self.snapshot(store) == before)
    }

    @Test func anotherResellersShipmentIsNotFound() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let draft = try store.createShipment(orderNumbers: [Self.number("RS-8NRS-5VYA")], by: reseller, at: Self.now)
        let company = try store.addCustomer(
            Customer(id: 0, name: "Other", kind: .company, isReseller: true, address: "x"))
        let other = try store.addUser(
            User(
                id: 0, email: "other@example.com", displayName: "Other", role: .reseller, customerID: company.id,
                passwordHash: "x"))
        let before = try Self.snapshot(store)
        let expected = Problem(.shipmentNotFound, reference: draft.reference)
        #expect(throws: expected) { try store.discardShipment(id: draft.id, by: other) }
        #expect(throws: expected) {
            try store.confirmShipment(id: draft.id, parcelCount: 1, weightKg: nil, by: other, at: Self.now)
        }
        #expect(throws: expected) {
            try store.addOrders([Self.number("RS-9PWX-6T1C")], toShipment: draft.id, by: other, at: Self.now)
        }
        #expect(try Self.snapshot(store) == before)
    }

    @Test func concurrentConfirmsOfOneShipmentHaveOneWinner() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let draft = try store.createShipment(
            orderNumbers: [Self.number("RS-9PWX-6T1C"), Self.number("RS-2DFG-H7JK")], by: reseller, at: Self.now)
        // Separate store objects on the same file: separate connections, as separate processes would have.
        let stores = try (0..<4).map { _ in try SQLiteStore(path: store.configuration.path) } + [store, store]
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            let outcome: String
            do {
                _ = try stores[index].confirmShipment(
                    id: draft.id, parcelCount: 1, weightKg: nil, by: reseller, at: Self.now)
                outcome = "won"
            } catch let error as Problem {
                outcome = error.code.rawValue
            } catch {
                outcome = "\(error)"
            }
            outcomes.withLock { $0.append(outcome) }
        }
        let results = outcomes.withLock { $0 }.sorted()
        #expect(
            results == [
                "already_confirmed", "already_confirmed", "already_confirmed", "already_confirmed", "already_confirmed",
                "won",
            ])
        let shipped = try store.read { db in
            try db.firstRow("SELECT count(*) FROM order_events WHERE to_status = 'shipped'") { $0.int64(0) }
        }
        #expect(shipped == 2)
    }

    @Test func carrierTrackingIsRecordedOnConfirmedShipmentsOnly() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let draft = try store.createShipment(orderNumbers: [Self.number("RS-8NRS-5VYA")], by: reseller, at: Self.now)
        let tracking = CarrierTracking(
            carrier: "DPD", trackingNumber: "0123456789", url: "https://dpd.example/0123456789")
        let before = try Self.snapshot(store)
        #expect(throws: Problem(.notConfirmed, reference: draft.reference)) {
            try store.recordCarrier(tracking, shipmentID: draft.id, by: reseller, at: Self.now)
        }
        #expect(try Self.snapshot(store) == before)
        #expect(try store.carrierTracking(orderNumber: Self.number("RS-8NRS-5VYA")) == nil)
        _ = try store.confirmShipment(id: draft.id, parcelCount: 1, weightKg: nil, by: reseller, at: Self.now)
        #expect(try store.carrierTracking(orderNumber: Self.number("RS-8NRS-5VYA")) == nil)
        let recorded = try store.recordCarrier(tracking, shipmentID: draft.id, by: reseller, at: Self.now)
        #expect(recorded.carrier == tracking)
        #expect(try store.shipment(id: draft.id)?.carrier == tracking)
        #expect(try store.carrierTracking(orderNumber: Self.number("RS-8NRS-5VYA")) == tracking)
        #expect(try store.carrierTracking(orderNumber: Self.number("RS-9PWX-6T1C")) == nil)
    }

    @Test func documentsAreKeptOnceForConfirmedShipmentsOnly() throws {
        let store = try TestStore.make()
        let reseller = try store.requireUser("reseller@example.com")
        let draft = try store.createShipment(orderNumbers: [Self.number("RS-8NRS-5VYA")], by: reseller, at: Self.now)
        let first = ShipmentDocumentTexts(packingListText: "1", packingListZPL: "2", labelText: "3", labelZPL: "4")
        #expect(throws: Problem(.notConfirmed, reference: draft.reference)) {
            try store.keepShipmentDocuments(first, shipmentID: draft.id, at: Self.now)
        }
        #expect(throws: Problem.self) { try store.keepShipmentDocuments(first, shipmentID: 99, at: Self.now) }
        #expect(try store.shipmentDocuments(shipmentID: draft.id) == nil)
        _ = try store.confirmShipment(id: draft.id, parcelCount: 1, weightKg: nil, by: reseller, at: Self.now)
        #expect(try store.keepShipmentDocuments(first, shipmentID: draft.id, at: Self.now) == first)
        let second = ShipmentDocumentTexts(packingListText: "x", packingListZPL: "x", labelText: "x", labelZPL: "x")
        #expect(try store.keepShipmentDocuments(second, shipmentID: draft.id, at: Self.now) == first)
        #expect(try store.shipmentDocuments(shipmentID: draft.id) == first)
    }

    @Test func labelTemplateOverridesAreSavedReplacedAndResetWithAudit() throws {
        let store = try TestStore.make(seeded: false)
        #expect(try store.labelTemplateOverrides().isEmpty)
        try store.saveLabelTemplate(fileName: "shipping-label.txt", source: "one", byUserID: nil, at: Self.now)
        try store.saveLabelTemplate(fileName: "shipping-label.txt", source: "two", byUserID: nil, at: Self.now)
        #expect(try store.labelTemplateOverrides() == ["shipping-label.txt": "two"])
        #expect(throws: Problem.self) {
            try store.saveLabelTemplate(fileName: "../etc/passwd", source: "x", byUserID: nil, at: Self.now)
        }
        #expect(throws: Problem.self) {
            try store.deleteLabelTemplateOverride(fileName: "label.txt", byUserID: nil, at: Self.now)
        }
        try store.deleteLabelTemplateOverride(fileName: "shipping-label.txt", byUserID: nil, at: Self.now)
        try store.deleteLabelTemplateOverride(fileName: "shipping-label.txt", byUserID: nil, at: Self.now)
        #expect(try store.labelTemplateOverrides().isEmpty)
        let audit = try store.auditEntries(entity: "labelTemplate")
        #expect(audit.map(\.action) == ["labelTemplate.reset", "labelTemplate.save", "labelTemplate.save"])
        #expect(audit.allSatisfy { $0.entityKey == "shipping-label.txt" })
    }
}
