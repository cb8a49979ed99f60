import Foundation
import HTTPServer
import RepairCore
import RepairStore
import Testing
import WebSecurity

@testable import Portal

@Suite("Admin JSON API over loopback")
struct AdminAPITests {
    @Test func listsEachSection() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.admin)
        for (path, key, count) in [
            ("/api/v1/admin/locations", "locations", 3), ("/api/v1/admin/shipping-methods", "shippingMethods", 3),
            ("/api/v1/admin/device-models", "deviceModels", 10), ("/api/v1/admin/tasks", "tasks", 5),
            ("/api/v1/admin/customers", "customers", 3),
        ] {
            let response = try client.request(.get, path)
            #expect(response.status == 200, "\(path)")
            #expect((try response.jsonObject()[key] as? [Any])?.count == count, "\(path)")
        }
    }

    @Test func updatingALocationIsAudited() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.admin)
        let response = try client.sendJSON(
            .put, "/api/v1/admin/locations/1",
            json:
                #"{"name": "Warszawa Centrum", "address": "ul. Marszałkowska 100", "tatDays": 3, "isPublic": false, "methodIDs": [1, 2]}"#
        )
        #expect(response.status == 200)
        #expect(try response.jsonObject()["tatDays"] as? Int == 3)
        #expect(try harness.store.catalogue().location(id: 1)?.isPublic == false)
        let audit = try client.request(.get, "/api/v1/admin/audit?entity=location")
        let entries = try #require(try audit.jsonObject()["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["action"] as? String == "location.update")
        #expect(entries.first?["actorName"] as? String == "Małgorzata Admin")
        #expect((entries.first?["details"] as? String)?.contains("tatDays: 5 → 3") == true)
    }

    /// Each bad call: the status, the field named, and nothing written.
    @Test(
        arguments: [
            (
                HTTPMethod.put, "/api/v1/admin/locations/1",
                #"{"name": "Warszawa Centrum", "address": "x", "tatDays": 0, "isPublic": true, "methodIDs": [1]}"#, 422,
                "tatDays"
            ),
            (
                .put, "/api/v1/admin/locations/1",
                #"{"name": "Warszawa Centrum", "address": "x", "tatDays": "five", "isPublic": true, "methodIDs": [1]}"#,
                422, "tatDays"
            ),
            (
                .post, "/api/v1/admin/locations",
                #"{"name": "Kraków Serwis", "address": "x", "tatDays": 5, "isPublic": true, "methodIDs": []}"#, 409,
                "name"
            ),
            (
                .put, "/api/v1/admin/locations/99",
                #"{"name": "Nowa", "address": "x", "tatDays": 5, "isPublic": true, "methodIDs": []}"#, 404, nil
            ),
            (.post, "/api/v1/admin/shipping-methods", #"{"name": "courier (dpd)"}"#, 409, "name"),
            (.delete, "/api/v1/admin/shipping-methods/1", nil, 409, "method"),
            (.post, "/api/v1/admin/device-models", #"{"manufacturer": "Apple", "name": "iPhone 13"}"#, 409, "name"),
            (
                .post, "/api/v1/admin/tasks",
                #"{"text": "Lock?", "kind": "text", "isFilledByCustomer": true, "isRequiredInPortal": false, "scope": "models", "scopeIDs": [1, 404]}"#,
                422, "scope"
            ),
            (
                .post, "/api/v1/admin/tasks",
                #"{"text": "Lock?", "kind": "poem", "isFilledByCustomer": true, "isRequiredInPortal": false, "scope": "all"}"#,
                422, "kind"
            ),
            (
                .post, "/api/v1/admin/tasks",
                #"{"text": "Colour?", "kind": "choice", "choices": ["red\nblue", "green"], "isFilledByCustomer": true, "isRequiredInPortal": false, "scope": "all"}"#,
                422, "choices"
            ),
            (.post, "/api/v1/admin/customers", #"{"name": "X", "kind": "robot", "isReseller": false}"#, 422, "kind"),
            (.post, "/api/v1/admin/customers", #"{"kind": "person", "isReseller": false}"#, 400, "name"),
        ] as [(HTTPMethod, String, String?, Int, String?)])
    func badCallsNameTheFieldAndChangeNothing(
        method: HTTPMethod, path: String, json: String?, status: Int, field: String?
    ) throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.admin)
        let before = try harness.store.catalogue()
        let customers = try harness.store.customers()
        let response = try client.sendJSON(method, path, json: json)
        #expect(response.status == status)
        let body = try response.jsonObject()
        if let field { #expect(body["field"] as? String == field, "\(body)") }
        #expect(try harness.store.catalogue() == before)
        #expect(try harness.store.customers() == customers)
        #expect(try harness.store.auditEntries().isEmpty)
    }

    @Test func removingAMethodInUseSaysHowManyOpenOrdersUseIt() throws {
        let harness = try PortalHarness()
        let open = try harness.store.read { db in
            try db.firstRow("SELECT count(*) FROM orders WHERE method_id = 1 AND status NOT IN ('closed', 'cancelled')")
            {
                Int($0.int64(0))
            } ?? 0
        }
        let response = try harness.apiClient(.admin).sendJSON(.delete, "/api/v1/admin/shipping-methods/1")
        #expect(response.status == 409)
        #expect(
            try response.jsonObject()["message"] as? String
                == "method: " + (open == 1 ? "1 open order uses this method" : "\(open) open orders use this method"))
    }

    @Test func addingAndRemovingAnUnusedMethod() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.admin)
        let created = try client.sendJSON(.post, "/api/v1/admin/shipping-methods", json: #"{"name": "Pigeon"}"#)
        #expect(created.status == 201)
        let id = try #require(try created.jsonObject()["id"] as? Int)
        #expect(
            try client.sendJSON(.put, "/api/v1/admin/shipping-methods/\(id)", json: #"{"name": "Raven"}"#).status == 200
        )
        #expect(try client.sendJSON(.delete, "/api/v1/admin/shipping-methods/\(id)").status == 204)
        #expect(try client.sendJSON(.delete, "/api/v1/admin/shipping-methods/\(id)").status == 404)
        #expect(
            try harness.store.auditEntries().map(\.action) == [
                "shippingMethod.remove", "shippingMethod.update", "shippingMethod.create",
            ])
    }

    @Test func tasksRoundTrip() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.admin)
        let created = try client.sendJSON(
            .post, "/api/v1/admin/tasks",
            json:
                #"{"text": "Colour?", "kind": "choice", "choices": ["black", "white"], "isFilledByCustomer": true, "isRequiredInPortal": true, "scope": "customers", "scopeIDs": [2]}"#
        )
        #expect(created.status == 201)
        let body = try created.jsonObject()
        #expect(body["choices"] as? [String] == ["black", "white"])
        #expect(body["scopeIDs"] as? [Int] == [2])
        let id = try #require(body["id"] as? Int)
        let task = try #require(try harness.store.catalogue().tasks.first { $0.id == id })
        #expect(task.scope == .customers([2]))
    }

    @Test func customersAreAddedAndEdited() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.admin)
        let response = try client.sendJSON(
            .put, "/api/v1/admin/customers/1",
            json: #"{"name": "Jan Łukasiewicz", "kind": "person", "isReseller": true, "address": "Warszawa"}"#)
        #expect(response.status == 200)
        #expect(try harness.store.customer(id: 1)?.isReseller == true)
        #expect(try harness.store.auditEntries().first?.details.contains("isReseller: false → true") == true)
    }

    @Test func aBodyWithoutTheJSONContentTypeIsRefused() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.admin)
        let token = try #require(client.bearerToken)
        var headers = HTTPHeaders()
        headers.add("Authorization", "Bearer \(token)")
        var plainHeaders = headers
        plainHeaders.add("Content-Type", "text/plain")
        let plain = try client.request(
            .post, "/api/v1/admin/shipping-methods", headers: plainHeaders, body: Array(#"{"name": "X"}"#.utf8))
        #expect(plain.status == 415)
        let none = try client.request(
            .post, "/api/v1/admin/shipping-methods", headers: headers, body: Array(#"{"name": "X"}"#.utf8))
        #expect(none.status == 415)
        #expect(try harness.store.catalogue().methods.count == 3)
    }

    @Test func anAdminAPITokenNeedsNoCSRFAndAnAgentTokenIsRefused() throws {
        let harness = try PortalHarness()
        let tokens = APITokenStore(store: harness.store)
        let admin = try tokens.create(userID: 4, name: "script", at: harness.portal.now()).token
        let agent = try tokens.create(userID: 3, name: "script", at: harness.portal.now()).token
        let client = try harness.client()
        let created = try client.sendJSON(
            .post, "/api/v1/admin/device-models", json: #"{"manufacturer": "Nokia", "name": "3310"}"#, bearer: admin)
        #expect(created.status == 201)
        let refused = try client.sendJSON(
            .post, "/api/v1/admin/device-models", json: #"{"manufacturer": "Nokia", "name": "105"}"#, bearer: agent)
        #expect(refused.status == 403)
        #expect(try harness.store.catalogue().models.filter { $0.manufacturer == "Nokia" }.map(\.name) == ["3310"])
    }

    @Test func nonAdminsGet403AndAnonymous401() throws {
        let harness = try PortalHarness()
        #expect(try harness.client().request(.get, "/api/v1/admin/audit").status == 401)
        let agent = try harness.apiClient(.agent)
        let response = try agent.sendJSON(.post, "/api/v1/admin/shipping-methods", json: #"{"name": "X"}"#)
        #expect(response.status == 403)
        #expect(try response.jsonObject()["error"] as? String == "forbidden")
    }
}
