import Foundation
import Testing

@testable import RepairCore

@Suite("Shipment rules: selection, editing, confirmation, carrier")
struct ShipmentRulesTests {
    static let reseller = User.make(id: 2, role: .reseller, customerID: 20)
    static let date = Date(timeIntervalSince1970: 2_000)

    static func order(
        _ id: Int64, customerID: Int64 = 20, location: Int64 = 1, method: Int64 = 1, status: OrderStatus = .confirmed
    ) -> ServiceOrder {
        var order = ServiceOrder.make(customerID: customerID, status: status)
        order.id = id
        order.number = OrderNumber("RS-AAAA-\(String(repeating: "B", count: 3))\(id % 10)")!
        order.intake.locationID = location
        order.intake.methodID = method
        return order
    }

    static func draft(_ orders: [ServiceOrder]) throws -> Shipment {
        var shipment = try Shipment.makeDraft(orders, by: reseller, holders: [:], at: date)
        shipment.id = 5
        return shipment
    }

    /// Selections and the rule each breaks (nil: accepted).
    static let selections: [(String, [ServiceOrder], [Int64: String], User, ProblemCode?)] = [
        ("one group", [order(1), order(2)], [:], reseller, nil),
        ("nothing selected", [], [:], reseller, .emptySelection),
        ("two groups", [order(1), order(2, method: 2)], [:], reseller, .mixedGroups),
        ("two locations", [order(1), order(2, location: 2)], [:], reseller, .mixedGroups),
        ("another customer's order", [order(1), order(2, customerID: 21)], [:], reseller, .orderNotFound),
        ("order already in a shipment", [order(1), order(2)], [2: "SH-000009"], reseller, .orderInShipment),
        ("submitted order", [order(1, status: .submitted)], [:], reseller, .orderNotConfirmed),
        ("draft order", [order(1, status: .draft)], [:], reseller, .orderNotConfirmed),
        ("shipped order", [order(1, status: .shipped)], [:], reseller, .orderNotConfirmed),
        ("customer user", [order(1)], [:], User.make(id: 1, role: .customer, customerID: 20), .notReseller),
        ("agent", [order(1)], [:], User.make(id: 3, role: .agent, customerID: nil), .notReseller),
        (
            "unconfirmed reseller account",
            [order(1)], [:],
            User(
                id: 2, email: "r@example.com", displayName: "R", role: .reseller, customerID: 20, passwordHash: "x",
                isConfirmed: false), .notReseller
        ),
    ]

    @Test(arguments: 0..<12) func makeDraftFollowsTheRules(row: Int) {
        let (name, orders, holders, user, rule) = Self.selections[row]
        do {
            let shipment = try Shipment.makeDraft(orders, by: user, holders: holders, at: Self.date)
            #expect(rule == nil, "\(name): accepted")
            #expect(shipment.orderIDs == orders.map(\.id) && shipment.status == .draft)
            #expect(shipment.group == ShipmentGroupKey(locationID: 1, methodID: 1) && shipment.customerID == 20)
        } catch {
            #expect(error.code == rule, "\(name): \(error)")
        }
    }

    @Test func duplicatesCountOnce() throws {
        let shipment = try Self.draft([Self.order(1), Self.order(1), Self.order(2)])
        #expect(shipment.orderIDs == [1, 2])
    }

    @Test func addingKeepsTheShipmentsGroup() throws {
        let shipment = try Self.draft([Self.order(1)])
        let added = try shipment.adding([Self.order(2)], by: Self.reseller, holders: [:], at: Self.date)
        #expect(added.orderIDs == [1, 2])
        #expect(throws: Problem(.mixedGroups, orderNumber: "RS-AAAA-BBB3", field: "orders")) {
            try shipment.adding([Self.order(3, method: 2)], by: Self.reseller, holders: [:], at: Self.date)
        }
        let other = User.make(id: 9, role: .reseller, customerID: 21)
        #expect(throws: Problem(.shipmentNotFound, reference: "SH-000005")) {
            try shipment.adding([Self.order(2)], by: other, holders: [:], at: Self.date)
        }
    }

    @Test func removingNeedsOrdersOfTheShipment() throws {
        let shipment = try Self.draft([Self.order(1), Self.order(2)])
        #expect(try shipment.removing([Self.order(1)], by: Self.reseller, at: Self.date).orderIDs == [2])
        #expect(throws: Problem.self) { try shipment.removing([Self.order(3)], by: Self.reseller, at: Self.date) }
        #expect(throws: Problem.self) { try shipment.removing([], by: Self.reseller, at: Self.date) }
        let foreign = Self.order(4, customerID: 21)
        let error = try #require(throws: Problem.self) {
            try shipment.removing([foreign], by: Self.reseller, at: Self.date)
        }
        #expect(error.code == .orderNotFound)
    }

    @Test func confirmingShipsEveryOrderWithAnEvent() throws {
        let orders = [Self.order(1), Self.order(2)]
        let shipment = try Self.draft(orders)
        let result = try shipment.confirming(
            orders: orders, parcelCount: 2, weightKg: 4.5, by: Self.reseller, at: Self.date)
        #expect(result.shipment.status == .confirmed && result.shipment.confirmedAt == Self.date)
        #expect(result.shipment.parcelCount == 2 && result.shipment.weightText == "4.5 kg")
        #expect(result.orders.map(\.status) == [.shipped, .shipped])
        #expect(result.events.map(\.note) == ["shipped in SH-000005", "shipped in SH-000005"])
        #expect(result.events.allSatisfy { $0.fromStatus == .confirmed && $0.toStatus == .shipped && $0.isPublic })
        #expect(throws: Problem(.alreadyConfirmed, reference: "SH-000005")) {
            try result.shipment.confirming(
                orders: orders, parcelCount: 1, weightKg: nil, by: Self.reseller, at: Self.date)
        }
    }

    @Test func confirmRefusesBadInput() throws {
        let orders = [Self.order(1)]
        var shipment = try Self.draft(orders)
        for (parcels, weight, field) in [
            (0, nil, "parcelCount"), (100, nil, "parcelCount"), (1, 0.0, "weightKg"),
            (1, -2.0, "weightKg"), (1, 1_000.5, "weightKg"), (1, Double.nan, "weightKg"),
        ] {
            let error = try #require(throws: Problem.self) {
                try shipment.confirming(
                    orders: orders, parcelCount: parcels, weightKg: weight, by: Self.reseller, at: Self.date)
            }
            #expect(error.code == .invalidField && error.field == field)
        }
        let moved = [Self.order(1, status: .cancelled)]
        #expect(throws: Problem.self) {
            try shipment.confirming(orders: moved, parcelCount: 1, weightKg: nil, by: Self.reseller, at: Self.date)
        }
        shipment.orderIDs = []
        #expect(throws: Problem(.emptyShipment, reference: "SH-000005")) {
            try shipment.confirming(orders: [], parcelCount: 1, weightKg: nil, by: Self.reseller, at: Self.date)
        }
    }

    @Test func groupingKeepsOnlyOpenOrdersSortedByKey() {
        let orders = [
            Self.order(1, location: 2, method: 1), Self.order(2), Self.order(3, status: .submitted),
            Self.order(4), Self.order(5, location: 1, method: 3), Self.order(6),
        ]
        let groups = ShipmentGroup.grouping(orders, excluding: [6])
        #expect(
            groups.map(\.key) == [
                ShipmentGroupKey(locationID: 1, methodID: 1), ShipmentGroupKey(locationID: 1, methodID: 3),
                ShipmentGroupKey(locationID: 2, methodID: 1),
            ])
        #expect(groups.map { $0.orders.map(\.id) } == [[2, 4], [5], [1]])
        #expect(ShipmentGroup.grouping([]).isEmpty)
        #expect(
            ShipmentGroup.counts(orders, by: ShipmentGroupKey.init)[ShipmentGroupKey(locationID: 1, methodID: 1)] == 4)
    }

    /// Carrier input and the field it is refused on (nil: accepted).
    static let carriers: [(String, String, String?, String?)] = [
        ("DPD", "0123 4567-89", "https://tracktrace.dpd.com.pl/parcelDetails?p1=012345", nil),
        ("DPD", "0123456789", nil, nil),
        ("DPD", "0123456789", "  ", nil),
        ("", "0123456789", nil, "carrier"),
        ("   ", "0123456789", nil, "carrier"),
        (String(repeating: "x", count: 81), "1", nil, "carrier"),
        ("DPD\nX", "1", nil, "carrier"),
        ("DPD", "", nil, "trackingNumber"),
        ("DPD", "12<script>", nil, "trackingNumber"),
        ("DPD", String(repeating: "1", count: 65), nil, "trackingNumber"),
        ("DPD", "1", "javascript:alert(1)", "trackingURL"),
        ("DPD", "1", "ftp://example.com/x", "trackingURL"),
        ("DPD", "1", "https://", "trackingURL"),
        ("DPD", "1", "https://example.com/a b", "trackingURL"),
        ("DPD", "1", "https://example.com/\"onclick", "trackingURL"),
    ]

    @Test(arguments: 0..<15) func carrierInputIsValidated(row: Int) {
        let (carrier, number, url, field) = Self.carriers[row]
        do {
            let tracking = try CarrierTracking.validated(carrier: carrier, trackingNumber: number, url: url)
            #expect(field == nil, "row \(row) accepted")
            #expect(tracking.url == url.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 })
        } catch {
            #expect(error.field == field, "row \(row): \(error)")
        }
    }

    @Test func recordingCarrierNeedsAConfirmedShipment() throws {
        let orders = [Self.order(1)]
        let shipment = try Self.draft(orders)
        let tracking = CarrierTracking(carrier: "DPD", trackingNumber: "1")
        #expect(throws: Problem(.notConfirmed, reference: "SH-000005")) {
            try shipment.recordingCarrier(tracking, by: Self.reseller, at: Self.date)
        }
        let confirmed = try shipment.confirming(
            orders: orders, parcelCount: 1, weightKg: nil, by: Self.reseller, at: Self.date)
        #expect(try confirmed.shipment.recordingCarrier(tracking, by: Self.reseller, at: Self.date).carrier == tracking)
    }
}
