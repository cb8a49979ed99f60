import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import RepairStore
import Testing

@testable import Portal

@Suite("Shipment pages over loopback")
struct ShipmentPageTests {
    /// Signs in as the reseller and returns the client and a CSRF token of the Shipments tab.
    static func reseller(_ harness: PortalHarness) throws -> (HTTPTestClient, String) {
        let client = try harness.signedIn(.reseller)
        let page = try client.request(.get, "/shipments")
        return (client, try PortalHarness.csrfToken(in: page.text))
    }

    @Test func tabListsGroupsWithCountsAndCheckboxes() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.reseller)
        let page = try client.request(.get, "/shipments")
        #expect(page.status == 200)
        #expect(page.text.contains("Warszawa Centrum — Courier (DPD) (2 orders)"))
        #expect(page.text.contains("Kraków Serwis — Drop-off at the counter (1 order)"))
        for number in ["RS-9PWX-6T1C", "RS-2DFG-H7JK", "RS-8NRS-5VYA"] {
            #expect(page.text.contains("name=\"order\" value=\"\(number)\""))
        }
        #expect(!page.text.contains("RS-5ZEB-3C0W"))
        #expect(page.text.contains("href=\"/shipments\""))
    }

    @Test func othersAreRefused() throws {
        let harness = try PortalHarness()
        for account in [PortalHarness.Account.customer, .agent, .admin] {
            let client = try harness.signedIn(account)
            #expect(try client.request(.get, "/shipments").status == 403, "\(account)")
            #expect(try client.postForm("/shipments", ["order": "RS-9PWX-6T1C"]).status == 403)
        }
        let anonymous = try harness.client().request(.get, "/shipments")
        #expect(anonymous.status == 303 && anonymous.headers["Location"]?.hasPrefix("/login") == true)
        #expect(try harness.shipmentRowCount("shipments") == 0)
    }

    @Test func refusedSelectionsShowTheErrorAndChangeNothing() throws {
        let harness = try PortalHarness()
        let (client, token) = try Self.reseller(harness)
        let before = try harness.shipmentSnapshot()
        let cases: [([String], Int, String)] = [
            (["RS-9PWX-6T1C", "RS-8NRS-5VYA"], 422, "different locations or by different methods"),
            (["RS-9PWX-6T1C", "RS-7K2M-9QXD"], 404, "RS-7K2M-9QXD not found among your orders"),
            (["RS-5ZEB-3C0W"], 409, "RS-5ZEB-3C0W is resolved"),
            ([], 422, "Select at least one order"),
        ]
        for (numbers, status, message) in cases {
            let response = try client.postFields("/shipments", [("csrf_token", token)] + numbers.map { ("order", $0) })
            #expect(response.status == status, "\(numbers)")
            #expect(response.text.contains(message), "\(numbers)")
            #expect(response.text.contains("flash-error"))
        }
        let forged = try client.postFields("/shipments", [("order", "RS-9PWX-6T1C")])
        #expect(forged.status == 403)
        #expect(try harness.shipmentSnapshot() == before)
        #expect(try client.postFields("/shipments", [("csrf_token", token), ("order", "RS-9PWX-6T1C")]).status == 303)
        let taken = try harness.shipmentSnapshot()
        let again = try client.postFields(
            "/shipments", [("csrf_token", token), ("order", "RS-2DFG-H7JK"), ("order", "RS-9PWX-6T1C")])
        #expect(again.status == 409 && again.text.contains("RS-9PWX-6T1C is already in shipment SH-000001"))
        #expect(try harness.shipmentSnapshot() == taken)
    }

    @Test func createConfirmPrintAndRecordTheCarrier() throws {
        let harness = try PortalHarness()
        let (client, token) = try Self.reseller(harness)
        let created = try client.postFields(
            "/shipments", [("csrf_token", token), ("order", "RS-9PWX-6T1C"), ("order", "RS-2DFG-H7JK")])
        #expect(created.status == 303 && created.headers["Location"] == "/shipments/1")
        let draft = try client.request(.get, "/shipments/1")
        #expect(draft.text.contains("SH-000001") && draft.text.contains("Confirm shipment"))
        #expect(try client.request(.get, "/shipments/1/packing-list.txt").status == 409)

        let badParcels = try client.postForm("/shipments/1/confirm", ["csrf_token": token, "parcelCount": "many"])
        #expect(badParcels.status == 422)
        #expect(badParcels.text.contains("aria-invalid=\"true\"") && badParcels.text.contains("value=\"many\""))
        #expect(try harness.store.shipment(id: 1)?.status == .draft)

        let confirmed = try client.postForm(
            "/shipments/1/confirm", ["csrf_token": token, "parcelCount": "2", "weightKg": "4,5"])
        #expect(confirmed.status == 303)
        let page = try client.request(.get, "/shipments/1")
        #expect(page.text.contains("Confirmed — ready for pickup") && page.text.contains("4.5 kg"))
        #expect(page.text.contains("href=\"/shipments/1/label.zpl\""))
        #expect(try harness.store.order(number: OrderNumber("RS-9PWX-6T1C")!)?.status == .shipped)

        let text = try client.request(.get, "/shipments/1/label.txt")
        #expect(text.status == 200 && text.text.contains("Shipment: SH-000001"))
        #expect(text.headers["Content-Disposition"] == "attachment; filename=\"SH-000001-shipping-label.txt\"")
        let print = try client.request(.get, "/shipments/1/packing-list")
        #expect(print.status == 200 && print.text.contains("<title>Packing list SH-000001"))
        #expect(print.text.contains("Serwis Partner sp. z o.o.") && print.text.contains("RS-2DFG-H7JK"))
        let css = try client.request(.get, PackingListPage.stylesheetPath)
        #expect(css.status == 200 && css.headers["Content-Type"] == "text/css; charset=utf-8")

        let twice = try client.postForm("/shipments/1/confirm", ["csrf_token": token, "parcelCount": "1"])
        #expect(twice.status == 409 && twice.text.contains("already confirmed"))
        let discard = try client.postForm("/shipments/1/discard", ["csrf_token": token])
        #expect(discard.status == 409)

        let badLink = try client.postForm(
            "/shipments/1/carrier",
            ["csrf_token": token, "carrier": "DPD", "trackingNumber": "1", "trackingURL": "javascript:x"])
        #expect(badLink.status == 422 && badLink.text.contains("aria-invalid=\"true\""))
        let carrier = try client.postForm(
            "/shipments/1/carrier",
            [
                "csrf_token": token, "carrier": "DPD", "trackingNumber": "0123456789",
                "trackingURL": "https://dpd.example/0123456789",
            ])
        #expect(carrier.status == 303)
        #expect(try client.request(.get, "/shipments/1").text.contains("DPD: 0123456789"))
    }

    @Test func draftsGrowShrinkAndAreDiscarded() throws {
        let harness = try PortalHarness()
        let (client, token) = try Self.reseller(harness)
        _ = try client.postFields("/shipments", [("csrf_token", token), ("order", "RS-9PWX-6T1C")])
        let detail = try client.request(.get, "/shipments/1")
        #expect(detail.text.contains("Add selected") && detail.text.contains("value=\"RS-2DFG-H7JK\""))
        #expect(!detail.text.contains("value=\"RS-8NRS-5VYA\""))
        #expect(
            try client.postFields("/shipments/1/orders", [("csrf_token", token), ("order", "RS-2DFG-H7JK")]).status
                == 303)
        let mixed = try client.postFields("/shipments/1/orders", [("csrf_token", token), ("order", "RS-8NRS-5VYA")])
        #expect(mixed.status == 422)
        #expect(
            try client.postFields("/shipments/1/remove", [("csrf_token", token), ("order", "RS-9PWX-6T1C")]).status
                == 303)
        #expect(try harness.store.shipment(id: 1)?.orderIDs.count == 1)
        #expect(try client.postForm("/shipments/1/discard", ["csrf_token": token]).status == 303)
        #expect(try harness.store.shipment(id: 1) == nil)
        #expect(try client.request(.get, "/shipments/1").status == 404)
    }
}

extension HTTPTestClient {
    /// POSTs form fields in order, repeated names allowed (checkbox lists).
    fileprivate func postFields(_ path: String, _ fields: [(String, String)]) throws -> HTTPTestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-www-form-urlencoded")
        return try request(.post, path, headers: headers, body: Array(body.utf8))
    }
}
