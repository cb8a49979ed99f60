import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import RepairStore
import Testing
import WebSecurity

@testable import Portal

@Suite("Shipments JSON API over loopback")
struct ShipmentAPITests {
    static let demoGroup = ["RS-9PWX-6T1C", "RS-2DFG-H7JK"]

    static func ordersJSON(_ numbers: [String]) -> String {
        "{\"orders\": [" + numbers.map { "\"\($0)\"" }.joined(separator: ", ") + "]}"
    }

    @Test func listShowsGroupsWithCountsAndShipments() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.reseller)
        let response = try client.sendJSON(.get, "/api/v1/shipments")
        #expect(response.status == 200)
        let body = try response.jsonObject()
        let groups = try #require(body["groups"] as? [[String: Any]])
        #expect(groups.map { $0["locationName"] as? String } == ["Warszawa Centrum", "Kraków Serwis"])
        #expect(groups.map { $0["methodName"] as? String } == ["Courier (DPD)", "Drop-off at the counter"])
        #expect(groups.map { $0["count"] as? Int } == [2, 1])
        #expect((body["shipments"] as? [Any])?.isEmpty == true)
    }

    @Test func nonResellersGet403AndAnonymous401() throws {
        let harness = try PortalHarness()
        for account in [PortalHarness.Account.customer, .agent, .admin] {
            let client = try harness.apiClient(account)
            #expect(try client.sendJSON(.get, "/api/v1/shipments").status == 403, "\(account)")
            #expect(
                try client.sendJSON(.post, "/api/v1/shipments", json: Self.ordersJSON(Self.demoGroup)).status == 403)
        }
        #expect(try harness.client().sendJSON(.get, "/api/v1/shipments").status == 401)
        #expect(try harness.shipmentRowCount("shipments") == 0)
    }

    @Test func createConfirmAndDownloadWithAnAPIToken() throws {
        let harness = try PortalHarness()
        let reseller = try #require(try harness.store.user(email: "reseller@example.com"))
        let token = try APITokenStore(store: harness.store).create(
            userID: reseller.id, name: "test", at: harness.portal.now()
        ).token
        let client = try harness.client()
        let created = try client.sendJSON(
            .post, "/api/v1/shipments", json: Self.ordersJSON(Self.demoGroup), bearer: token)
        #expect(created.status == 201)
        let shipment = try created.jsonObject()
        #expect(shipment["reference"] as? String == "SH-000001" && shipment["status"] as? String == "draft")
        #expect((shipment["orders"] as? [[String: Any]])?.map { $0["number"] as? String } == Self.demoGroup)
        #expect(created.headers["Location"] == "/api/v1/shipments/1")
        #expect(try client.sendJSON(.get, "/api/v1/shipments/1/label.txt", bearer: token).status == 409)

        let confirmed = try client.sendJSON(
            .post, "/api/v1/shipments/1/confirm", json: #"{"parcelCount": 2, "weightKg": 3.5}"#, bearer: token)
        #expect(confirmed.status == 200)
        let body = try confirmed.jsonObject()
        #expect(body["status"] as? String == "confirmed" && body["parcelCount"] as? Int == 2)
        #expect((body["orders"] as? [[String: Any]])?.map { $0["status"] as? String } == ["shipped", "shipped"])
        let documents = try #require(body["documents"] as? [String: String])
        #expect(documents["label.zpl"] == "/api/v1/shipments/1/label.zpl")

        let label = try client.sendJSON(.get, "/api/v1/shipments/1/label.zpl", bearer: token)
        #expect(label.status == 200)
        #expect(label.headers["Content-Type"]?.hasPrefix("application/zpl") == true)
        #expect(label.headers["Content-Disposition"] == "attachment; filename=\"SH-000001-shipping-label.zpl\"")
        #expect(label.text.contains("^BCN") && label.text.contains("^FDSH-000001^FS"))
        let list = try client.sendJSON(.get, "/api/v1/shipments/1/packing-list.txt", bearer: token)
        #expect(list.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(list.text.contains("RS-9PWX-6T1C") && list.text.contains("Weight: 3.5 kg"))

        // Produced at confirmation and kept: a later template change does not alter what was packed.
        #expect(try harness.store.shipmentDocuments(shipmentID: 1)?.packingListText == list.text)
        try harness.store.saveLabelTemplate(
            fileName: "packing-list.txt", source: "NEW {{ shipment.id }}\n", byUserID: nil, at: harness.portal.now())
        #expect(try client.sendJSON(.get, "/api/v1/shipments/1/packing-list.txt", bearer: token).text == list.text)
    }

    /// Creations refused, with status and error code; none may change anything.
    static let refusals: [([String], Int, String)] = [
        (["RS-9PWX-6T1C", "RS-8NRS-5VYA"], 422, "mixed_groups"),
        (["RS-9PWX-6T1C", "RS-7K2M-9QXD"], 404, "order_not_found"),
        (["RS-5ZEB-3C0W"], 409, "order_not_confirmed"),
        ([], 422, "empty_selection"),
        (["not-a-number"], 422, "invalid_field"),
    ]

    @Test(arguments: 0..<5) func refusedCreationsChangeNothing(row: Int) throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.reseller)
        let (numbers, status, code) = Self.refusals[row]
        let before = try harness.shipmentSnapshot()
        let response = try client.sendJSON(.post, "/api/v1/shipments", json: Self.ordersJSON(numbers))
        #expect(response.status == status)
        let body = try response.jsonObject()
        #expect(body["error"] as? String == code)
        #expect(body["field"] as? String == "orders")
        #expect((body["message"] as? String)?.isEmpty == false)
        #expect(try harness.shipmentSnapshot() == before)
    }

    @Test func templateOverridesApplyToShipmentsConfirmedAfterThem() throws {
        let harness = try PortalHarness()
        try harness.store.saveLabelTemplate(
            fileName: "shipping-label.txt", source: "LABEL {{ shipment.id }} {{ receiver.name | upper }}\n",
            byUserID: nil,
            at: harness.portal.now())
        let client = try harness.apiClient(.reseller)
        _ = try client.sendJSON(.post, "/api/v1/shipments", json: Self.ordersJSON(["RS-8NRS-5VYA"]))
        _ = try client.sendJSON(.post, "/api/v1/shipments/1/confirm")
        #expect(try client.sendJSON(.get, "/api/v1/shipments/1/label.txt").text == "LABEL SH-000001 KRAKÓW SERWIS\n")
        #expect(try client.sendJSON(.get, "/api/v1/shipments/1/label.zpl").text.contains("^BCN"))
    }

    @Test func malformedBodiesAreRefusedNamingTheField() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.reseller)
        let missing = try client.sendJSON(.post, "/api/v1/shipments", json: "{}")
        #expect(missing.status == 400 && missing.errorField == "orders")
        let wrongType = try client.sendJSON(.post, "/api/v1/shipments", json: #"{"orders": "RS-9PWX-6T1C"}"#)
        // A value of the wrong type names its field with a 422, like any other field error.
        #expect(wrongType.status == 422 && wrongType.errorField == "orders")
        _ = try client.sendJSON(.post, "/api/v1/shipments", json: Self.ordersJSON(Self.demoGroup))
        let badWeight = try client.sendJSON(.post, "/api/v1/shipments/1/confirm", json: #"{"weightKg": -1}"#)
        #expect(badWeight.status == 422 && badWeight.errorField == "weightKg")
        let badCarrier = try client.sendJSON(
            .put, "/api/v1/shipments/1/carrier", json: #"{"carrier": "", "trackingNumber": "1"}"#)
        #expect(badCarrier.status == 422 || badCarrier.status == 409)
        #expect(try harness.shipmentRowCount("shipments") == 1)
        #expect(try harness.store.shipment(id: 1)?.status == .draft)
    }

    @Test func alreadyShippedEmptyAndTwiceConfirmedAreRefused() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.reseller)
        #expect(try client.sendJSON(.post, "/api/v1/shipments", json: Self.ordersJSON(["RS-9PWX-6T1C"])).status == 201)
        let again = try client.sendJSON(.post, "/api/v1/shipments", json: Self.ordersJSON(Self.demoGroup))
        #expect(again.status == 409 && again.errorCode == "order_in_shipment")
        #expect(try client.sendJSON(.delete, "/api/v1/shipments/1/orders/RS-9PWX-6T1C").status == 200)
        let empty = try client.sendJSON(.post, "/api/v1/shipments/1/confirm")
        #expect(empty.status == 422 && empty.errorCode == "empty_shipment")
        #expect(
            try client.sendJSON(.post, "/api/v1/shipments/1/orders", json: Self.ordersJSON(Self.demoGroup)).status
                == 200)
        #expect(try client.sendJSON(.post, "/api/v1/shipments/1/confirm").status == 200)
        let before = try harness.shipmentSnapshot()
        let twice = try client.sendJSON(.post, "/api/v1/shipments/1/confirm")
        #expect(twice.status == 409 && twice.errorCode == "already_confirmed")
        #expect(try client.sendJSON(.delete, "/api/v1/shipments/1").status == 409)
        #expect(try client.sendJSON(.delete, "/api/v1/shipments/1/orders/RS-9PWX-6T1C").status == 409)
        #expect(try harness.shipmentSnapshot() == before)
    }

    @Test func carrierTrackingIsRecordedAndReadBack() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.reseller)
        _ = try client.sendJSON(.post, "/api/v1/shipments", json: Self.ordersJSON(["RS-8NRS-5VYA"]))
        let early = try client.sendJSON(
            .put, "/api/v1/shipments/1/carrier", json: #"{"carrier": "DPD", "trackingNumber": "123"}"#)
        #expect(early.status == 409 && early.errorCode == "not_confirmed")
        _ = try client.sendJSON(.post, "/api/v1/shipments/1/confirm")
        let saved = try client.sendJSON(
            .put, "/api/v1/shipments/1/carrier",
            json: #"{"carrier": "DPD", "trackingNumber": "0123 4567", "trackingURL": "https://dpd.example/t/01234567"}"#
        )
        #expect(saved.status == 200)
        let carrier = try #require(try saved.jsonObject()["carrier"] as? [String: Any])
        #expect(carrier["trackingNumber"] as? String == "0123 4567")
        #expect(try harness.store.carrierTracking(orderNumber: OrderNumber("RS-8NRS-5VYA")!)?.carrier == "DPD")
        // Anonymous tracking of an order in the shipment now shows the parcel, as JSON and as a page.
        let anonymous = try harness.client()
        let tracked = try anonymous.request(.get, "/api/v1/track?number=RS-8NRS-5VYA&surname=W%C3%B3jcik")
        let parcel = try #require(try tracked.jsonObject()["carrier"] as? [String: Any])
        #expect(parcel["carrier"] as? String == "DPD")
        #expect(parcel["url"] as? String == "https://dpd.example/t/01234567")
        let page = try anonymous.request(.get, "/track?number=RS-8NRS-5VYA&surname=wojcik")
        #expect(
            page.text.contains(
                "<dd class=\"parcel\"><a href=\"https://dpd.example/t/01234567\" rel=\"noopener noreferrer\">0123 4567</a></dd>"
            ))
        let other = try anonymous.request(.get, "/api/v1/track?number=RS-9PWX-6T1C&surname=wojcik")
        #expect(try other.jsonObject()["carrier"] is NSNull)
        let script = try client.sendJSON(
            .put, "/api/v1/shipments/1/carrier",
            json: #"{"carrier": "X", "trackingNumber": "1", "trackingURL": "javascript:alert(1)"}"#)
        #expect(script.status == 422 && script.errorField == "trackingURL")
        #expect(try harness.store.carrierTracking(orderNumber: OrderNumber("RS-8NRS-5VYA")!)?.carrier == "DPD")
    }

    @Test func anotherCustomersShipmentIsNotFound() throws {
        let harness = try PortalHarness()
        let reseller = try harness.apiClient(.reseller)
        _ = try reseller.sendJSON(.post, "/api/v1/shipments", json: Self.ordersJSON(["RS-8NRS-5VYA"]))
        let company = try harness.store.addCustomer(
            Customer(id: 0, name: "Other", kind: .company, isReseller: true, address: "x"))
        let hash = try #require(try harness.store.user(email: "reseller@example.com")).passwordHash
        let otherUser = try harness.store.addUser(
            User(
                id: 0, email: "other@example.com", displayName: "Other", role: .reseller, customerID: company.id,
                passwordHash: hash))
        let other = try harness.client()
        let token = try APITokenStore(store: harness.store).create(userID: otherUser.id, name: "t", at: Date()).token
        let before = try harness.shipmentSnapshot()
        for (method, path) in [
            (HTTPMethod.get, "/api/v1/shipments/1"), (.delete, "/api/v1/shipments/1"),
            (.post, "/api/v1/shipments/1/confirm"), (.get, "/api/v1/shipments/1/label.txt"),
            (.get, "/api/v1/shipments/999"), (.get, "/api/v1/shipments/abc"),
        ] {
            #expect(try other.sendJSON(method, path, bearer: token).status == 404, "\(method) \(path)")
        }
        #expect(try harness.shipmentSnapshot() == before)
    }
}

extension PortalHarness {
    /// What a refusal must leave untouched: shipments, their orders, order statuses and the history.
    func shipmentSnapshot() throws -> [String] {
        try store.read { db in
            try db.rows("SELECT id || ':' || status || ':' || COALESCE(carrier, '') FROM shipments ORDER BY id") {
                $0.text(0)
            }
                + db.rows("SELECT order_id || '@' || shipment_id FROM shipment_orders ORDER BY order_id") { $0.text(0) }
                + db.rows("SELECT number || '=' || status FROM orders ORDER BY id") { $0.text(0) }
                + db.rows("SELECT count(*) FROM order_events") { String($0.int64(0)) }
        }
    }
}

extension PortalHarness {
    /// Counts rows of `table` (test-only; the name is a literal from the test).
    func shipmentRowCount(_ table: String) throws -> Int {
        try store.read { db in try db.firstRow("SELECT count(*) FROM \(table)") { Int($0.int64(0)) } ?? 0 }
    }
}

extension HTTPTestResponse {
    /// The `error` code of a JSON error body.
    fileprivate var errorCode: String? { (try? jsonObject())?["error"] as? String }
    /// The `field` of a JSON error body.
    fileprivate var errorField: String? { (try? jsonObject())?["field"] as? String }
}
