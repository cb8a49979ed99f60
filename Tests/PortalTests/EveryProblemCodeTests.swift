import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import RepairStore
import Testing

@testable import Portal

/// Issue #10: every problem code the server can send is provoked by one real request over loopback, and
/// answered with the status of `Problem.httpStatus`'s table and the code itself on the wire.
///
/// The rows run in groups, each group on one harness and in order (a later row may build on an earlier one).
/// `theTablesAndTheUnreachableCodesAreEveryCode` makes a new code without a row (or a reason) fail the suite.
@Suite("Every problem code, provoked over loopback")
struct EveryProblemCodeTests {
    /// Orders of the demo reseller (customer 2): two confirmed in Warszawa by courier, one confirmed in Kraków
    /// over the counter, one submitted.
    static let warszawaOrders = ["RS-9PWX-6T1C", "RS-2DFG-H7JK"]
    static let krakowOrder = "RS-8NRS-5VYA"
    static let submittedResellerOrder = "RS-5ZEB-3C0W"
    /// Orders of the demo customer (customer 1).
    static let customerDraft = "RS-4HJT-2B8N"
    static let customerSubmitted = "RS-Q3V5-K8MZ"
    static let customerInRepair = "RS-7K2M-9QXD"

    static func orders(_ numbers: [String]) -> String {
        "{\"orders\": [" + numbers.map { "\"\($0)\"" }.joined(separator: ", ") + "]}"
    }

    // MARK: The tables

    /// The core's codes, on the orders, staff and admin APIs.
    static let core: [ProblemCase] = [
        ProblemCase(.invalidField) { try $0.api(.reseller).sendJSON(.post, "/api/v1/shipments", json: orders(["x"])) },
        ProblemCase(.notFound) { try $0.api(.customer).sendJSON(.get, "/api/v1/orders/RS-0000-0000") },
        ProblemCase(.illegalTransition) {
            try $0.api(.agent).sendJSON(
                .post, "/api/v1/staff/orders/\(customerSubmitted)/status", json: #"{"status":"closed"}"#)
        },
        ProblemCase(.alreadyApproved) {
            try $0.api(.customer).sendJSON(.post, "/api/v1/orders/\(customerSubmitted)/approve")
        },
        ProblemCase(.notADraft) {
            try $0.api(.customer).sendJSON(
                .put, "/api/v1/orders/\(customerSubmitted)/answers", json: #"{"answers":{"1":"yes"}}"#)
        },
        ProblemCase(.forbidden) { try $0.api(.customer).sendJSON(.get, "/api/v1/staff/orders") },
        ProblemCase(.conflict) {
            try $0.api(.admin).sendJSON(.post, "/api/v1/admin/shipping-methods", json: #"{"name": "courier (dpd)"}"#)
        },
    ]

    /// The shipment codes, in the order a reseller meets them; shipment 1 is made by `order_in_shipment`.
    static let shipments: [ProblemCase] = [
        ProblemCase(.shipmentNotFound) { try $0.api(.reseller).sendJSON(.get, "/api/v1/shipments/999") },
        ProblemCase(.orderNotFound) {
            // Another customer's order is reported as missing.
            try $0.api(.reseller).sendJSON(.post, "/api/v1/shipments", json: orders([customerInRepair]))
        },
        ProblemCase(.orderNotConfirmed) {
            try $0.api(.reseller).sendJSON(.post, "/api/v1/shipments", json: orders([submittedResellerOrder]))
        },
        ProblemCase(.mixedGroups) {
            try $0.api(.reseller).sendJSON(
                .post, "/api/v1/shipments", json: orders([warszawaOrders[0], krakowOrder]))
        },
        ProblemCase(.emptySelection) { try $0.api(.reseller).sendJSON(.post, "/api/v1/shipments", json: orders([])) },
        ProblemCase(.orderInShipment) {
            let client = try $0.api(.reseller)
            let created = try client.sendJSON(.post, "/api/v1/shipments", json: orders([warszawaOrders[0]]))
            guard created.status == 201 else { throw HarnessError("setup: \(created.status) \(created.text)") }
            return try client.sendJSON(.post, "/api/v1/shipments", json: orders(warszawaOrders))
        },
        ProblemCase(.orderNotInShipment) {
            try $0.api(.reseller).sendJSON(.delete, "/api/v1/shipments/1/orders/\(warszawaOrders[1])")
        },
        ProblemCase(.emptyShipment) {
            let client = try $0.api(.reseller)
            let removed = try client.sendJSON(.delete, "/api/v1/shipments/1/orders/\(warszawaOrders[0])")
            guard removed.status == 200 else { throw HarnessError("setup: \(removed.status) \(removed.text)") }
            return try client.sendJSON(.post, "/api/v1/shipments/1/confirm")
        },
        ProblemCase(.notConfirmed) {
            try $0.api(.reseller).sendJSON(
                .put, "/api/v1/shipments/1/carrier", json: #"{"carrier": "DPD", "trackingNumber": "123"}"#)
        },
        ProblemCase(.alreadyConfirmed) {
            let client = try $0.api(.reseller)
            let added = try client.sendJSON(.post, "/api/v1/shipments/1/orders", json: orders(warszawaOrders))
            let confirmed = try client.sendJSON(.post, "/api/v1/shipments/1/confirm")
            guard added.status == 200, confirmed.status == 200 else {
                throw HarnessError("setup: \(added.status) \(confirmed.status) \(confirmed.text)")
            }
            return try client.sendJSON(.post, "/api/v1/shipments/1/confirm")
        },
        ProblemCase(.tooManyOrders) {
            // `ShipmentLimits.maxOrders` (1 000) is not a portal setting, so the limit is passed for real:
            // 1 001 confirmed orders of one group, copies of a demo order made with SQL.
            let numbers = try $0.harness.copies(of: krakowOrder, count: ShipmentLimits.default.maxOrders + 1)
            return try $0.api(.reseller).sendJSON(.post, "/api/v1/shipments", json: orders(numbers))
        },
    ]

    /// The web edge's own codes that the portal answers (as JSON under /api/, as a page elsewhere).
    static let web: [ProblemCase] = [
        ProblemCase(.unauthorized) { try $0.harness.client().sendJSON(.get, "/api/v1/orders") },
        ProblemCase(.csrf, on: .page) {
            // A signed-in browser posting a staff form without its token.
            try $0.api(.agent).postForm("/staff/orders/\(customerSubmitted)/confirm", [:])
        },
        ProblemCase(.tooManyRequests) {
            // The harness allows one tracking request per address (`ProblemWorld.web`); the second is refused.
            let client = try $0.harness.client()
            _ = try client.request(.get, "/api/v1/track?number=\(krakowOrder)&surname=wojcik")
            return try client.request(.get, "/api/v1/track?number=\(krakowOrder)&surname=wojcik")
        },
        ProblemCase(.badRequest) { try $0.api(.customer).sendJSON(.post, "/api/v1/orders", json: "{") },
        ProblemCase(.unsupportedMediaType) {
            var headers = HTTPHeaders()
            headers.add("Content-Type", "text/plain")
            headers.add("Authorization", "Bearer \(try $0.api(.customer).bearerToken ?? "")")
            return try $0.harness.client().request(.post, "/api/v1/orders", headers: headers, body: Array("{}".utf8))
        },
        ProblemCase(.methodNotAllowed) { try $0.api(.reseller).sendJSON(.patch, "/api/v1/shipments") },
        ProblemCase(.invalidTemplate) {
            try $0.api(.admin).sendJSON(
                .put, "/api/v1/admin/templates/shipping-label.txt", json: #"{"source": "{{ reciever.name }}"}"#)
        },
    ]

    /// The confirmation-link codes on their page, and the outbox retry of a mail that was delivered.
    static let links: [ProblemCase] = [
        ProblemCase(.linkUnknown, on: .page) { try $0.harness.client().request(.get, "/confirm/not-a-token") },
        ProblemCase(.linkUsed, on: .page) {
            let token = try $0.invite("used@example.com")
            let confirmed = try AccountTests.confirm($0.harness, token: token, password: AccountTests.goodPassword)
            guard confirmed.status == 200 else { throw HarnessError("setup: \(confirmed.status)") }
            return try $0.harness.client().request(.get, "/confirm/\(token)")
        },
        ProblemCase(.linkExpired, on: .page) {
            let token = try $0.invite("expired@example.com")
            try $0.harness.store.write { db in try db.run("UPDATE account_confirmations SET expires_at = 0") }
            return try $0.harness.client().request(.get, "/confirm/\(token)")
        },
        ProblemCase(.notDead) {
            // The invitations above were delivered: their outbox entries are sent, not given up on.
            try $0.api(.admin).sendJSON(.post, "/api/v1/admin/outbox/1/retry")
        },
    ]

    /// Codes the HTTP server answers itself, while parsing, before any portal code runs: the status is the
    /// table's, but the body is the HTTP module's plain text (`413 Content Too Large: Content-Length: …`) with
    /// `Connection: close`, so the code never reaches the wire (`Problem(HTTPServerError)` maps only what a
    /// handler throws). Raw wire bytes, since the test client cannot send most of these.
    static let wire: [ProblemCase] = [
        ProblemCase(.contentTooLarge, on: .plainText) {
            try $0.raw("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n")
        },
        ProblemCase(.uriTooLong, on: .plainText) {
            try $0.raw("GET /api/v1/\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: x\r\n\r\n")
        },
        ProblemCase(.headerFieldsTooLarge, on: .plainText) {
            let fields = (0...100).map { "X-Field-\($0): v\r\n" }.joined()
            return try $0.raw("GET /api/v1/orders HTTP/1.1\r\nHost: x\r\n\(fields)\r\n")
        },
        ProblemCase(.requestTimeout, on: .plainText) {
            // The head never ends; the harness's header timeout is 5 s (`makeTestConfiguration`).
            try $0.raw("GET /api/v1/orders HTTP/1.1\r\nHost: x\r\n", readTimeout: .seconds(15))
        },
        ProblemCase(.notImplemented, on: .plainText) {
            try $0.raw("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
        },
        ProblemCase(.expectationFailed, on: .plainText) {
            try $0.raw("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}")
        },
        ProblemCase(.httpVersionNotSupported, on: .plainText) {
            try $0.raw("GET /api/v1/orders HTTP/2.0\r\nHost: x\r\n\r\n")
        },
    ]

    /// Codes no request can provoke, each with the reason; a code moves to a table once one can.
    static let unreachable: [ProblemCode: String] = [
        // A bug path: any error that is not a `Problem` becomes a logged 500 with a generic body. A request that
        // provoked it would be a bug to fix, not a row to keep.
        .internal: "a bug or broken installation, never a designed answer",
        // The portal checks `AccessPolicy` `.manageShipments` first (`requireReseller`, then `company(of:)`), which
        // answers `forbidden` (`role`, `resellers_only`, `no_company`) for everyone `Shipment.checkReseller` would
        // refuse; that check is the store transaction's second line, with the same user and the same policy.
        .notReseller: "shadowed by the portal's own `forbidden` for the same rule",
    ]

    // MARK: The tests

    @Test func coreCodes() throws {
        try ProblemWorld().check(Self.core)
    }

    @Test func shipmentCodes() throws {
        try ProblemWorld().check(Self.shipments)
    }

    @Test func webCodes() throws {
        try ProblemWorld { $0.trackingPerAddress = .init(burst: 1, refillInterval: 3600) }.check(Self.web)
    }

    @Test func linkAndOutboxCodes() throws {
        try ProblemWorld().check(Self.links)
    }

    @Test func wireCodesAnsweredByTheHTTPServer() throws {
        try ProblemWorld().check(Self.wire)
    }

    @Test func aBodyWithoutItsLengthIsNot411() throws {
        let world = try ProblemWorld()
        let token = try world.api(.customer).bearerToken ?? ""
        let response = try world.raw(
            "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\n\r\n")
        // The route ran and read an empty body: not JSON, so the portal's own 400, never the server's 411.
        #expect(response.status == 400)
        #expect(try response.jsonObject()["error"] as? String == "bad_request")
    }

    @Test func theTablesAndTheUnreachableCodesAreEveryCode() {
        let tested = [Self.core, Self.shipments, Self.web, Self.links, Self.wire].flatMap { $0.map(\.code) }
        let excluded = Array(Self.unreachable.keys)
        #expect(Set(tested).count == tested.count, "a code has two rows")
        #expect(Set(tested).isDisjoint(with: excluded), "a code is both tested and excluded")
        #expect(Set(ProblemCode.all).subtracting(tested + excluded).isEmpty, "codes without a row")
        #expect(Set(tested + excluded).subtracting(ProblemCode.all).isEmpty, "rows for codes the server lacks")
        #expect(Self.unreachable.values.allSatisfy { !$0.isEmpty })
    }
}

/// One row: a problem code and the request that provokes it.
struct ProblemCase: Sendable {
    /// Where the answer names its code.
    enum Carrier: Sendable {
        /// The JSON body's `error`.
        case json
        /// The page's `data-problem` attribute.
        case page
        /// Nowhere: the HTTP server's plain-text refusal, status only.
        case plainText
    }

    var code: ProblemCode
    var carrier: Carrier
    var provoke: @Sendable (ProblemWorld) throws -> HTTPTestResponse

    init(
        _ code: ProblemCode, on carrier: Carrier = .json,
        _ provoke: @escaping @Sendable (ProblemWorld) throws -> HTTPTestResponse
    ) {
        self.code = code
        self.carrier = carrier
        self.provoke = provoke
    }
}

/// A harness and its signed-in clients, made once per group.
final class ProblemWorld {
    let harness: PortalHarness
    private var clients: [PortalHarness.Account: HTTPTestClient] = [:]

    init(configure: (inout PortalConfiguration) -> Void = { _ in }) throws {
        harness = try PortalHarness(configure: configure)
    }

    /// A client signed in as `account` that also carries one of its API tokens.
    func api(_ account: PortalHarness.Account) throws -> HTTPTestClient {
        if let client = clients[account] { return client }
        let client = try harness.apiClient(account)
        clients[account] = client
        return client
    }

    /// Sends `text` on a new connection and reads one response.
    func raw(_ text: String, readTimeout: Duration = .seconds(5)) throws -> HTTPTestResponse {
        let client = try HTTPTestClient(port: harness.port, readTimeout: readTimeout)
        try client.send(text)
        return try client.readResponse()
    }

    /// Creates a customer account for `email` through the admin form and returns its delivered link's token.
    func invite(_ email: String) throws -> String {
        let created = try AccountTests.createAccount(harness, email: email)
        guard created.status == 303 else { throw HarnessError("account \(email): \(created.status)") }
        guard let token = try harness.deliverAll().first?.confirmationToken else {
            throw HarnessError("no confirmation mail for \(email)")
        }
        return token
    }

    /// Runs each row in order and checks its status and code.
    func check(_ cases: [ProblemCase]) throws {
        for row in cases {
            let code = row.code.rawValue
            let response: HTTPTestResponse
            do { response = try row.provoke(self) } catch {
                Issue.record("\(code): \(error)")
                continue
            }
            let expected = Problem(row.code).httpStatus.code
            #expect(response.status == expected, "\(code): \(response.text.prefix(300))")
            switch row.carrier {
            case .json:
                #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true, "\(code)")
                #expect((try? response.jsonObject())?["error"] as? String == code, "\(code): \(response.text)")
            case .page:
                #expect(response.headers["Content-Type"]?.hasPrefix("text/html") == true, "\(code)")
                #expect(response.text.contains("data-problem=\"\(code)\""), "\(code): \(response.text.prefix(300))")
            case .plainText:
                #expect(response.headers["Content-Type"]?.hasPrefix("text/plain") == true, "\(code)")
                #expect(response.headers["Connection"] == "close", "\(code)")
                #expect(response.text.hasPrefix("\(expected) "), "\(code): \(response.text)")
            }
        }
    }
}

extension PortalHarness {
    /// Makes `count` copies of the order `number` (same customer, group and status) and returns their numbers.
    func copies(of number: String, count: Int) throws -> [String] {
        var generator = SplitMix64(seed: 10)
        let numbers = (0..<count).map { _ in OrderNumber.random(using: &generator).description }
        let columns =
            "customer_id, created_by, model_id, serial, fault, location_id, method_id, contact_first_name, "
            + "contact_surname, contact_email, contact_phone, status, assigned_agent_id, created_at, updated_at"
        try store.write { db in
            for copy in numbers {
                try db.run(
                    "INSERT INTO orders (number, \(columns)) SELECT ?, \(columns) FROM orders WHERE number = ?",
                    [.text(copy), .text(number)])
            }
        }
        return numbers
    }
}
