import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing

@testable import Portal

/// The request context: its viewer is looked up once per request, whatever the handler, the error page and the
/// JSON-write CSRF rule need; and each route group's permission answers every role as the access table says.
@Suite("Request context and route groups")
struct RequestContextTests {
    /// How a group answers someone.
    enum Outcome: Equatable { case allowed, unauthorized, forbidden }

    enum Who: CaseIterable { case anonymous, customer, reseller, agent, admin }

    /// Group × role: the groups' permissions, decided by the core's policy where one fits.
    static let table: [(Permission, [Who: Outcome])] = [
        (.open, [.anonymous: .allowed, .customer: .allowed, .reseller: .allowed, .agent: .allowed, .admin: .allowed]),
        (
            .visitor,
            [.anonymous: .allowed, .customer: .allowed, .reseller: .allowed, .agent: .allowed, .admin: .allowed]
        ),
        (
            .anyone,
            [.anonymous: .allowed, .customer: .allowed, .reseller: .allowed, .agent: .allowed, .admin: .allowed]
        ),
        (
            .signedIn,
            [.anonymous: .unauthorized, .customer: .allowed, .reseller: .allowed, .agent: .allowed, .admin: .allowed]
        ),
        (
            .allowed(.manageOwnTokens),
            [.anonymous: .unauthorized, .customer: .allowed, .reseller: .allowed, .agent: .allowed, .admin: .allowed]
        ),
        (
            .customerAccount,
            [
                .anonymous: .unauthorized, .customer: .allowed, .reseller: .allowed, .agent: .forbidden,
                .admin: .forbidden,
            ]
        ),
        (
            .allowed(.manageShipments),
            [
                .anonymous: .unauthorized, .customer: .forbidden, .reseller: .allowed, .agent: .forbidden,
                .admin: .forbidden,
            ]
        ),
        (
            .allowed(.runStaffQueue),
            [
                .anonymous: .unauthorized, .customer: .forbidden, .reseller: .forbidden, .agent: .allowed,
                .admin: .allowed,
            ]
        ),
        (
            .allowed(.administer),
            [
                .anonymous: .unauthorized, .customer: .forbidden, .reseller: .forbidden, .agent: .forbidden,
                .admin: .allowed,
            ]
        ),
    ]

    @Test func eachGroupAnswersEachRoleAsTheTableSays() throws {
        for (permission, outcomes) in Self.table {
            for who in Who.allCases {
                let outcome: Outcome
                do {
                    _ = try permission.check(try Self.context(who), policy: .standard)
                    outcome = .allowed
                } catch let problem as Problem {
                    outcome = problem.httpStatus == .unauthorized ? .unauthorized : .forbidden
                    #expect([.unauthorized, .forbidden].contains(problem.httpStatus), "\(permission) \(who)")
                }
                #expect(outcome == outcomes[who], "\(permission) \(who)")
            }
        }
    }

    /// A refusal for the account's role names the roles the group is for, word for word as before the groups.
    @Test func aRoleRefusalNamesTheRolesThePolicyOpensTheActionTo() throws {
        #expect(throws: Problem.forbidden("role", ["roles": .list(["admin", "agent"])])) {
            try Permission.allowed(.runStaffQueue).check(try Self.context(.customer), policy: .standard)
        }
        #expect(throws: Problem.forbidden("role", ["roles": .list(["reseller"])])) {
            try Permission.allowed(.manageShipments).check(try Self.context(.admin), policy: .standard)
        }
        #expect(Permission.roles(allowedTo: .administer, by: .standard) == [.admin])
    }

    /// Refused credentials (an unknown bearer token) are a 401 wherever a viewer counts, and anonymous for visitors.
    @Test func refusedCredentialsAnswer401ExceptForVisitors() throws {
        let context = RequestContext(
            request: try HTTPRequest(method: .get, target: "/"), viewer: nil,
            refusal: Problem.unauthorized("token_unknown"),
            locale: "en", timeZone: .gmt, localizer: .english)
        #expect(try Permission.visitor.check(context, policy: .standard) == nil)
        for permission in [Permission.anyone, .signedIn, .allowed(.manageOwnTokens), .customerAccount] {
            #expect(throws: Problem.unauthorized("token_unknown")) { try permission.check(context, policy: .standard) }
        }
    }

    /// One look-up per request: the handler, the JSON-write CSRF rule and the error page share it; the inline
    /// tracking API and the static files look nobody up.
    @Test func theViewerIsLookedUpOncePerRequest() throws {
        let harness = try PortalHarness()
        let customer = try harness.signedIn(.customer)
        func lookUps(_ send: () throws -> HTTPTestResponse) throws -> (Int, Int) {
            let before = harness.portal.viewerLookUps.load(ordering: .relaxed)
            let status = try send().status
            return (status, harness.portal.viewerLookUps.load(ordering: .relaxed) - before)
        }
        // Found, refused by the group (an error page with the viewer's navigation), missing (the use case's 404
        // page), the router's own 404 page, and a JSON write with its CSRF header.
        #expect(try lookUps { try customer.request(.get, "/orders") } == (200, 1))
        #expect(try lookUps { try customer.request(.get, "/staff/orders") } == (403, 1))
        #expect(try lookUps { try customer.request(.get, "/orders/RS-2222-2222") } == (404, 1))
        #expect(try lookUps { try customer.request(.get, "/no/such/page") } == (404, 1))
        #expect(try lookUps { try customer.sendJSON(.delete, "/api/v1/orders/RS-2222-2222") }.1 == 1)
        #expect(try lookUps { try customer.request(.get, "/api/v1/track?number=RS-2222-2222&surname=X") }.1 == 0)
        #expect(try lookUps { try customer.request(.get, "/static/style.css") } == (200, 0))
    }

    private static func context(_ who: Who) throws -> RequestContext {
        let role: User.Role? =
            switch who {
            case .anonymous: nil
            case .customer: .customer
            case .reseller: .reseller
            case .agent: .agent
            case .admin: .admin
            }
        let viewer = role.map { role in
            Viewer(
                user: User(
                    id: 1, email: "someone@example.com", displayName: "Someone", role: role,
                    customerID: role.isStaff ? nil : 1, passwordHash: ""),
                sessionTokenHash: nil, csrfToken: nil)
        }
        return RequestContext(
            request: try HTTPRequest(method: .get, target: "/"), viewer: viewer, refusal: nil, locale: "en",
            timeZone: .gmt, localizer: .english)
    }
}
