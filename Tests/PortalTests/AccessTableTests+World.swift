import Foundation
import HTMLKit
import HTTPServer
import HTTPTesting
import RepairCore
import RepairStore
import Testing
import WebSecurity

@testable import Portal

/// One role's run of the access table: its own demo database, its client and tokens, and the extra data
/// the table's changing rows use up (drafts to approve and discard, shipments, a token of Jan's to revoke).
final class AccessWorld {
    /// The second reseller company's user, made on every database (the demo data has one reseller).
    static let otherResellerEmail = "other-reseller@example.com"
    static let otherResellerPassword = "other-reseller-demo"

    let harness: PortalHarness
    let client: HTTPTestClient
    /// The role's API token, sent with API calls; nil when anonymous.
    let bearer: String?
    /// The CSRF token of the role's session; nil when anonymous.
    let sessionCSRF: String?
    /// The CSRF token of anonymous forms (sign-in, confirmation), bound to this client's `rs_form` cookie.
    let formCSRF: String
    /// What the `{name}` placeholders of the table stand for on this database.
    private(set) var values: [String: String] = [:]

    init(_ who: AccessTableTests.Who) throws {
        harness = try PortalHarness()
        try Self.makeCustomerData(harness, into: &values)
        try Self.makeShipments(harness, into: &values)
        try Self.makeOtherReseller(harness)
        if let (email, password) = who.credentials {
            client = try harness.signedIn(email: email, password: password)
            guard let user = try harness.store.user(email: email) else { throw HarnessError("no user \(email)") }
            bearer = try APITokenStore(store: harness.store).create(userID: user.id, name: "access", at: Date()).token
            // Every page in the layout carries the session's token (the sign-out form), even a 404.
            sessionCSRF = try PortalHarness.csrfToken(in: client.request(.get, "/no-such-page").text)
            guard let formCookie = client.cookies[Portal.formCookieName] else { throw HarnessError("no form cookie") }
            formCSRF = CSRFToken.make(
                secret: harness.portal.secret, sessionTokenHash: SecureToken.storageHash(formCookie))
        } else {
            client = try harness.client()
            bearer = nil
            sessionCSRF = nil
            formCSRF = try PortalHarness.csrfToken(in: client.request(.get, "/login").text)
        }
    }

    /// `path` with its placeholders filled.
    func resolve(_ path: String) -> String {
        values.reduce(path) { $0.replacing("{\($1.key)}", with: $1.value) }
    }

    /// Sends a row: API calls with the role's token (or its browser session and the `X-CSRF-Token` header),
    /// page POSTs as forms with the right CSRF token.
    func send(_ row: AccessTableTests.Row, path: String, viaSession: Bool) throws -> HTTPTestResponse {
        if row.isAPI {
            guard viaSession || bearer == nil else {
                return try client.sendJSON(row.method, path, json: row.json, bearer: bearer)
            }
            var headers = HTTPHeaders()
            if row.json != nil { headers.add("Content-Type", "application/json") }
            if let sessionCSRF { headers.add("X-CSRF-Token", sessionCSRF) }
            return try client.request(row.method, path, headers: headers, body: Array((row.json ?? "").utf8))
        }
        guard row.method != .get else { return try client.request(row.method, path) }
        var fields = row.form
        fields[Form.csrfFieldName] = row.isAnonymousForm ? formCSRF : (sessionCSRF ?? formCSRF)
        return try client.postForm(path, fields)
    }

    /// What refused calls must leave alone.
    func snapshot() throws -> AccessSnapshot {
        let store = harness.store
        return AccessSnapshot(
            jansOrders: Dictionary(
                uniqueKeysWithValues: try store.orders(customerID: 1).map { ($0.number.description, $0.status) }),
            jansLiveTokens: try APITokenStore(store: store).tokens(userID: 1).filter { $0.revokedAt == nil }.count,
            auditCount: try store.auditEntries(limit: 10_000).count,
            disabledUsers: Set(try store.users().filter(\.isDisabled).map(\.id)),
            shipments: Dictionary(
                uniqueKeysWithValues: try store.shipments(customerID: 2).map { ($0.id, "\($0.status)") }))
    }

    // Jan's drafts that rows approve or discard, a submitted order for the staff API, a token to revoke.
    private static func makeCustomerData(_ harness: PortalHarness, into values: inout [String: String]) throws {
        let store = harness.store
        guard let jan = try store.user(id: 1),
            let draft = try store.order(number: #require(OrderNumber("RS-4HJT-2B8N")))
        else { throw HarnessError("the demo data has no Jan or no draft") }
        func makeDraft(answered: Bool) throws -> ServiceOrder {
            let made = try store.createDraft(customerID: 1, intake: draft.intake, by: jan, at: Date())
            return answered ? try store.answerDraft(orderID: made.id, answers: [1: "no"], by: jan, at: Date()) : made
        }
        values["draftToApprove"] = try makeDraft(answered: true).number.description
        values["apiDraftToApprove"] = try makeDraft(answered: true).number.description
        values["draftToDiscard"] = try makeDraft(answered: false).number.description
        values["apiDraftToDiscard"] = try makeDraft(answered: false).number.description
        let submitted = try store.approve(orderID: makeDraft(answered: true).id, by: jan, at: Date())
        values["submittedOrder"] = submitted.number.description
        values["jansToken"] = String(
            try APITokenStore(store: store).create(userID: jan.id, name: "to revoke", at: Date()).record.id)
        values["trackingToken"] = String(
            try harness.portal.trackingPath(for: #require(OrderNumber("RS-7K2M-9QXD"))).dropFirst("/t/".count))
    }

    private static func makeOtherReseller(_ harness: PortalHarness) throws {
        let company = try harness.store.addCustomer(
            Customer(id: 0, name: "Other Reseller sp. z o.o.", kind: .company, isReseller: true, address: "Poznań"))
        _ = try harness.store.addUser(
            User(
                id: 0, email: otherResellerEmail, displayName: "Other Reseller", role: .reseller,
                customerID: company.id, passwordHash: try PasswordHasher().hash(otherResellerPassword)))
    }

    // Two draft shipments of the reseller's loc 1 / method 1 orders, and a confirmed one (loc 2 / method 3).
    private static func makeShipments(_ harness: PortalHarness, into values: inout [String: String]) throws {
        let store = harness.store
        guard let reseller = try store.user(id: 2) else { throw HarnessError("no reseller") }
        func ship(_ number: String) throws -> Shipment {
            try store.createShipment(orderNumbers: [#require(OrderNumber(number))], by: reseller, at: Date())
        }
        values["shipment"] = String(try ship("RS-9PWX-6T1C").id)
        values["shipmentToDiscard"] = String(try ship("RS-2DFG-H7JK").id)
        let confirmed = try store.confirmShipment(
            id: try ship("RS-8NRS-5VYA").id, parcelCount: 1, weightKg: nil, by: reseller, at: Date())
        values["confirmedShipment"] = String(confirmed.id)
    }
}

/// The data a refused call must not change.
struct AccessSnapshot: Equatable {
    var jansOrders: [String: OrderStatus]
    var jansLiveTokens: Int
    var auditCount: Int
    var disabledUsers: Set<Int64>
    var shipments: [Int64: String]
}
