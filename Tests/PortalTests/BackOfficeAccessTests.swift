import Foundation
import HTTPServer
import HTTPTesting
import Testing

@testable import Portal

/// The route × role table for the staff and account routes: who gets in, who gets 401, 403 or a sign-in redirect.
@Suite("Access table: staff and account routes by role")
struct BackOfficeAccessTests {
    enum Who: String, CaseIterable {
        case anonymous, customer, reseller, agent, admin
    }

    struct Route: CustomStringConvertible {
        var method: HTTPMethod
        var path: String
        /// Roles that get past the access check (any answer but 401 and 403).
        var allowed: Set<Who>
        var description: String { "\(method.rawValue) \(path)" }
        var isAPI: Bool { path.hasPrefix("/api/") }
    }

    static let staff: Set<Who> = [.agent, .admin]
    static let admin: Set<Who> = [.admin]
    static let order = "RS-Q3V5-K8MZ"
    static let routes: [Route] = [
        Route(method: .get, path: "/staff/orders", allowed: staff),
        Route(method: .get, path: "/staff/orders/\(order)", allowed: staff),
        Route(method: .post, path: "/staff/orders/\(order)/assign", allowed: staff),
        Route(method: .post, path: "/staff/orders/\(order)/status", allowed: staff),
        Route(method: .post, path: "/staff/orders/\(order)/confirm", allowed: staff),
        Route(method: .get, path: "/api/v1/staff/orders", allowed: staff),
        Route(method: .get, path: "/api/v1/staff/orders/\(order)", allowed: staff),
        Route(method: .post, path: "/api/v1/staff/orders/\(order)/assign", allowed: staff),
        Route(method: .post, path: "/api/v1/staff/orders/\(order)/status", allowed: staff),
        Route(method: .post, path: "/api/v1/staff/orders/\(order)/confirm", allowed: staff),
        Route(method: .get, path: "/admin/accounts", allowed: admin),
        Route(method: .post, path: "/admin/accounts", allowed: admin),
        Route(method: .post, path: "/admin/accounts/5/resend", allowed: admin),
        Route(method: .post, path: "/admin/accounts/5/disable", allowed: admin),
        Route(method: .post, path: "/admin/accounts/5/enable", allowed: admin),
        Route(method: .get, path: "/api/v1/admin/accounts", allowed: admin),
        Route(method: .post, path: "/api/v1/admin/accounts", allowed: admin),
        Route(method: .post, path: "/api/v1/admin/accounts/5/resend", allowed: admin),
        Route(method: .post, path: "/api/v1/admin/accounts/5/disable", allowed: admin),
        Route(method: .post, path: "/api/v1/admin/accounts/5/enable", allowed: admin),
        Route(method: .get, path: "/admin/outbox", allowed: admin),
        Route(method: .post, path: "/admin/outbox/1/retry", allowed: admin),
        Route(method: .get, path: "/api/v1/admin/outbox", allowed: admin),
        Route(method: .post, path: "/api/v1/admin/outbox/1/retry", allowed: admin),
    ]

    @Test(arguments: Who.allCases)
    func everyRouteAnswersEachRoleAsTheTableSays(who: Who) throws {
        let harness = try PortalHarness()
        let client: HTTPTestClient
        var csrf = ""
        if let account = PortalHarness.Account(rawValue: "\(who.rawValue)@example.com") {
            client = try harness.signedIn(account)
            // Any page in the layout carries the session's token (the sign-out form); send it so only the role decides.
            csrf = try PortalHarness.csrfToken(in: try client.request(.get, "/no-such-page").text)
        } else {
            client = try harness.client()
        }
        for route in Self.routes {
            let response: HTTPTestResponse
            if route.isAPI {
                var headers = HTTPHeaders()
                headers.add("Content-Type", "application/json")
                headers.add("X-CSRF-Token", csrf)
                response = try client.request(route.method, route.path, headers: headers, body: Array("{}".utf8))
            } else if route.method == .post {
                response = try client.postForm(route.path, ["csrf_token": csrf])
            } else {
                response = try client.request(route.method, route.path)
            }
            if route.allowed.contains(who) {
                #expect(![401, 403].contains(response.status), "\(who) \(route) answered \(response.status)")
            } else if who == .anonymous {
                let expected = route.method == .get && !route.isAPI ? 303 : 401
                #expect(response.status == expected, "\(who) \(route)")
            } else {
                #expect(response.status == 403, "\(who) \(route)")
                if route.isAPI { #expect(try response.jsonObject()["error"] as? String == "forbidden") }
            }
        }
        if who != .admin && who != .agent {
            #expect(try harness.store.order(number: #require(.init(Self.order)))?.status == .submitted)
            #expect(try harness.store.user(id: 5)?.isDisabled == false)
        }
    }
}
