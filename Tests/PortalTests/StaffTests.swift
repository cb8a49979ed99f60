import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import RepairStore
import Testing
import WebSecurity

@testable import Portal

@Suite("Staff order handling: queue, confirm, status with notes, assign")
struct StaffTests {
    static let submitted = "RS-Q3V5-K8MZ"  // customer 1, Warszawa, submitted
    static let inRepair = "RS-7K2M-9QXD"  // customer 1, Warszawa, in repair
    static let draft = "RS-4HJT-2B8N"

    /// Posts `fields` to a staff form of `number` with the CSRF token from its page.
    static func post(_ client: HTTPTestClient, _ number: String, _ action: String, _ fields: [String: String]) throws
        -> HTTPTestResponse
    {
        let page = try client.request(.get, "/staff/orders/\(number)")
        var fields = fields
        fields["csrf_token"] = try PortalHarness.csrfToken(in: page.text)
        return try client.postForm("/staff/orders/\(number)/\(action)", fields)
    }

    static func order(_ harness: PortalHarness, _ number: String) throws -> ServiceOrder {
        let orderNumber = try #require(OrderNumber(number))
        return try #require(try harness.store.order(number: orderNumber))
    }

    @Test func theQueueFiltersByLocationAndStatusAndNeverShowsDrafts() throws {
        let harness = try PortalHarness()
        let agent = try harness.signedIn(.agent)
        let all = try agent.request(.get, "/staff/orders")
        #expect(all.status == 200)
        #expect(all.text.contains(Self.submitted))
        #expect(all.text.contains(Self.inRepair))
        #expect(!all.text.contains(Self.draft))
        let submittedOnly = try agent.request(.get, "/staff/orders?location=1&status=submitted")
        #expect(submittedOnly.text.contains(Self.submitted))
        #expect(!submittedOnly.text.contains(Self.inRepair))
        #expect(!(try agent.request(.get, "/staff/orders?location=2&status=submitted").text.contains(Self.submitted)))
        let closed = try agent.request(.get, "/staff/orders?status=all")
        #expect(closed.text.contains("RS-6GHV-7R2E"))
        #expect(!(all.text.contains("RS-6GHV-7R2E")))

        let api = try agent.request(.get, "/api/v1/staff/orders?status=submitted")
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(api.body)) as? [[String: Any]])
        #expect(lines.map { $0["number"] as? String } == [Self.submitted])
        let twoStatuses = try agent.request(.get, "/api/v1/staff/orders?status=submitted&status=in_repair")
        #expect(twoStatuses.text.contains(Self.submitted) && twoStatuses.text.contains(Self.inRepair))
        #expect(try agent.request(.get, "/api/v1/staff/orders?page=2").text == "[]")
        for bad in ["status=draft", "status=bogus", "location=abc", "location=-1", "page=0", "page=x", "page=10001"] {
            let response = try agent.request(.get, "/api/v1/staff/orders?\(bad)")
            #expect(response.status == 422, "\(bad)")
            #expect(try response.jsonObject()["field"] as? String != nil, "\(bad)")
        }
        #expect(try agent.request(.get, "/staff/orders/\(Self.draft)").status == 404)
        #expect(try agent.request(.get, "/staff/orders/RS-0000-0000").status == 404)
        #expect(try agent.request(.get, "/staff/orders/junk").status == 404)
    }

    @Test func staffConfirmASubmittedOrderOnce() throws {
        let harness = try PortalHarness()
        let agent = try harness.signedIn(.agent)
        let response = try Self.post(agent, Self.submitted, "confirm", [:])
        #expect(response.status == 303)
        #expect(try Self.order(harness, Self.submitted).status == .confirmed)
        let again = try Self.post(agent, Self.submitted, "confirm", [:])
        #expect(again.status == 409)
        #expect(again.text.contains("only a submitted order can be confirmed"))
        let events = try harness.store.events(orderID: try Self.order(harness, Self.submitted).id)
        #expect(events.last?.toStatus == .confirmed)
        #expect(events.last?.actorUserID == 3)
    }

    @Test func statusChangesFollowTheTableWithPublicOrInternalNotes() throws {
        let harness = try PortalHarness()
        let agent = try harness.signedIn(.agent)
        let internalNote = try Self.post(
            agent, Self.inRepair, "status",
            ["status": "waiting_for_customer", "note": "Need the PIN", "visibility": "internal"])
        #expect(internalNote.status == 303)
        let open = try Self.post(
            agent, Self.inRepair, "status", ["status": "in_repair", "note": "Parts arrived", "visibility": "public"])
        #expect(open.status == 303)
        let id = try Self.order(harness, Self.inRepair).id
        let notes = try harness.store.events(orderID: id).filter { !$0.note.isEmpty }.suffix(2)
        #expect(notes.map(\.note) == ["Need the PIN", "Parts arrived"])
        #expect(notes.map(\.isPublic) == [false, true])
        // Staff see internal notes on the order page; the customer's view keeps only public ones.
        let page = try agent.request(.get, "/staff/orders/\(Self.inRepair)")
        #expect(page.text.contains("Need the PIN"))
        #expect(page.text.contains("internal"))
        let customerView = try harness.store.events(orderID: id).filter(\.isPublic).map(\.note)
        #expect(!customerView.contains("Need the PIN"))

        let before = try Self.order(harness, Self.inRepair)
        let illegal = try Self.post(agent, Self.inRepair, "status", ["status": "submitted", "note": "x"])
        #expect(illegal.status == 409)
        #expect(illegal.text.contains("cannot go from in_repair to submitted"))
        let unknown = try Self.post(agent, Self.inRepair, "status", ["status": "fixed"])
        #expect(unknown.status == 422)
        let badVisibility = try Self.post(
            agent, Self.inRepair, "status", ["status": "resolved", "visibility": "everyone"])
        #expect(badVisibility.status == 422)
        let tooLong = try Self.post(
            agent, Self.inRepair, "status",
            ["status": "resolved", "note": String(repeating: "x", count: ServiceOrder.maxNoteLength + 1)])
        #expect(tooLong.status == 422)
        #expect(try Self.order(harness, Self.inRepair) == before)
    }

    @Test func theAssignedAgentIsShownToAnonymousTracking() throws {
        let harness = try PortalHarness()
        let agent = try harness.signedIn(.agent)
        #expect(try Self.post(agent, Self.submitted, "assign", ["agentID": "4"]).status == 303)
        let number = try #require(OrderNumber(Self.submitted))
        #expect(try harness.store.tracking(number: number)?.agentDisplayName == "Małgorzata Admin")
        #expect(try Self.post(agent, Self.submitted, "assign", ["agentID": "1"]).status == 422)
        #expect(try Self.post(agent, Self.submitted, "assign", ["agentID": "abc"]).status == 422)
        #expect(try harness.store.tracking(number: number)?.agentDisplayName == "Małgorzata Admin")
        #expect(try Self.post(agent, Self.submitted, "assign", ["agentID": ""]).status == 303)
        #expect(try harness.store.tracking(number: number)?.agentDisplayName == nil)
    }

    @Test func theJSONAPIDoesTheSameWithBearerTokens() throws {
        let harness = try PortalHarness()
        let token = try APITokenStore(store: harness.store).create(userID: 3, name: "test", at: Date()).token
        let client = try harness.client()
        let detail = try client.sendJSON(.get, "/api/v1/staff/orders/\(Self.submitted)", bearer: token).jsonObject()
        #expect(detail["status"] as? String == "submitted")
        #expect(detail["nextStatuses"] as? [String] == ["confirmed", "cancelled"])
        #expect(
            try client.sendJSON(.post, "/api/v1/staff/orders/\(Self.submitted)/confirm", bearer: token).status == 200)
        let illegal = try client.sendJSON(
            .post, "/api/v1/staff/orders/\(Self.submitted)/status", json: #"{"status":"closed"}"#, bearer: token)
        #expect(illegal.status == 409)
        #expect(try illegal.jsonObject()["error"] as? String == "illegal_transition")
        let moved = try client.sendJSON(
            .post, "/api/v1/staff/orders/\(Self.submitted)/status",
            json: #"{"status":"received","note":"Arrived at the counter","isPublic":true}"#, bearer: token)
        #expect(moved.status == 200)
        let events = try #require(try moved.jsonObject()["events"] as? [[String: Any]])
        #expect(events.last?["note"] as? String == "Arrived at the counter")
        #expect(events.last?["isPublic"] as? Bool == true)
        let assigned = try client.sendJSON(
            .post, "/api/v1/staff/orders/\(Self.submitted)/assign", json: #"{"agentID":3}"#, bearer: token)
        #expect(try assigned.jsonObject()["agentName"] as? String == "Paweł Zieliński")
        let bad = try client.sendJSON(
            .post, "/api/v1/staff/orders/\(Self.submitted)/status", json: #"{"note":1}"#, bearer: token)
        #expect(bad.status == 400)
    }

    @Test func nonStaffGet403AndAnonymousMustSignIn() throws {
        let harness = try PortalHarness()
        for account in [PortalHarness.Account.customer, .reseller] {
            let client = try harness.signedIn(account)
            #expect(try client.request(.get, "/staff/orders").status == 403, "\(account)")
            #expect(try client.request(.get, "/staff/orders/\(Self.submitted)").status == 403, "\(account)")
            #expect(try client.postForm("/staff/orders/\(Self.submitted)/confirm", [:]).status == 403, "\(account)")
            #expect(try client.request(.get, "/api/v1/staff/orders").status == 403, "\(account)")
            #expect(
                try client.sendJSON(
                    .post, "/api/v1/staff/orders/\(Self.submitted)/status", json: #"{"status":"confirmed"}"#
                ).status == 403)
        }
        let admin = try harness.signedIn(.admin)
        #expect(try admin.request(.get, "/staff/orders").status == 200)
        let anonymous = try harness.client()
        #expect(try anonymous.request(.get, "/staff/orders").status == 303)
        #expect(try anonymous.request(.get, "/api/v1/staff/orders").status == 401)
        #expect(try anonymous.postForm("/staff/orders/\(Self.submitted)/confirm", [:]).status == 401)
        // A staff form without its CSRF token changes nothing.
        let agent = try harness.signedIn(.agent)
        #expect(try agent.postForm("/staff/orders/\(Self.submitted)/confirm", [:]).status == 403)
        #expect(try agent.sendJSON(.post, "/api/v1/staff/orders/\(Self.submitted)/confirm").status == 403)
        #expect(try Self.order(harness, Self.submitted).status == .submitted)
    }
}
