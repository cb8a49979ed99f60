import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing

@testable import Portal

/// Every registered route × every role: who gets in (and what they get), and how everyone else is refused.
///
/// A role that is let in gets one of the row's `answers`; anyone else is refused: anonymous pages redirect to
/// sign-in (GET) or answer 401 (POST), anonymous API calls answer 401 JSON, a wrong role 403, and another
/// customer's order (another user's token, another reseller's shipment) 404, exactly like one that does not exist.
/// A new route fails `theTableHasOneRowPerRegisteredRouteAndNoOther` until it has a row here.
@Suite("Access table: every route by role")
struct AccessTableTests {
    @Test(arguments: Who.allCases)
    func everyRouteAnswersEachRoleAsTheTableSays(who: Who) throws {
        let world = try AccessWorld(who)
        let before = try world.snapshot()
        for row in Self.rows {
            let expected = row.rule.outcome(for: who, isAPI: row.isAPI, method: row.method)
            let path = world.resolve(row.path)
            let response = try world.send(row, path: path, viaSession: false)
            check(response, expected, row: row, path: path, who: who)
            // The API takes browser sessions too: refusals and reads answer the same as with an API token.
            if row.isAPI, who != .anonymous, expected != .allowed || row.method == .get {
                check(try world.send(row, path: path, viaSession: true), expected, row: row, path: path, who: who)
            }
            if expected == .notFound { try checkAnswersLikeAMissingOne(row, path: path, response: response, world) }
            if row.method == .get, expected != .allowed { try checkHEADIsRefusedLikeGET(path, response, world) }
        }
        try checkOnlyAllowedRowsChangedData(who: who, before: before, after: world.snapshot(), world)
        // The last row signed the session out: it no longer opens anything.
        if who != .anonymous {
            #expect(try world.client.request(.get, "/api/v1/me").status == 401)
        }
    }

    @Test func theTableHasOneRowPerRegisteredRouteAndNoOther() throws {
        let harness = try PortalHarness(seed: false)
        let registered = harness.portal.makeRouter().registeredRoutes.map { "\($0.method.rawValue) \($0.pattern)" }
        var covered: [String: String] = [:]
        for row in Self.rows {
            // Placeholders stand for IDs and numbers; any value but a literal segment names the same route.
            let path = row.path.replacing(#/\{[a-zA-Z]+\}/#, with: "X1")
            guard let route = Self.route(of: row.method, path, in: registered) else {
                Issue.record("row \(row) matches no registered route")
                continue
            }
            if let earlier = covered[route] { Issue.record("rows \(earlier) and \(row) both test \(route)") }
            covered[route] = row.description
        }
        let missing = registered.filter { covered[$0] == nil }
        #expect(missing.isEmpty, "routes without an access row: \(missing)")
        #expect(covered.count == registered.count)
    }

    /// The route the router would pick for `method` and `path`: the first registered pattern that fits.
    static func route(of method: HTTPMethod, _ path: String, in registered: [String]) -> String? {
        let parts = path.split(separator: "?")[0].split(separator: "/", omittingEmptySubsequences: false)
        return registered.first { route in
            let (routeMethod, pattern) = (route.split(separator: " ")[0], route.split(separator: " ")[1])
            let segments = pattern.split(separator: "/", omittingEmptySubsequences: false)
            guard routeMethod == method.rawValue, segments.count == parts.count else { return false }
            return zip(segments, parts).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }
    }

    private func check(_ response: HTTPTestResponse, _ expected: Outcome, row: Row, path: String, who: Who) {
        let context = Comment(
            rawValue: "\(who) \(row.method.rawValue) \(path) answered \(response.status): \(response.text.prefix(240))")
        let location = response.headers["Location"] ?? ""
        switch expected {
        case .allowed:
            let answers = who == .anonymous ? row.anonymousAnswers ?? row.answers : row.answers
            #expect(answers.contains(response.status), context)
            #expect(!location.hasPrefix("/login"), context)
        case .signInRedirect:
            #expect(response.status == 303, context)
            #expect(location == "/login?next=" + percentEncodedQueryValue(path), context)
        case .unauthorized, .forbidden, .notFound:
            #expect(response.status == expected.status, context)
            if row.isAPI {
                // A feature may name what is missing (`shipment_not_found`); the status and suffix are what matter.
                let code = (try? response.jsonObject()["error"] as? String) ?? ""
                #expect(code == expected.errorCode || expected == .notFound && code.hasSuffix("_not_found"), context)
            } else {
                // Refused for who they are, not for a missing form token.
                #expect(!response.text.contains("did not come from this site"), context)
            }
        }
    }

    /// Someone else's order or token answers byte for byte like one that does not exist: no oracle.
    private func checkAnswersLikeAMissingOne(
        _ row: Row, path: String, response: HTTPTestResponse, _ world: AccessWorld
    ) throws {
        let match = try #require(path.firstMatch(of: #/RS-[0-9A-Z]{4}-[0-9A-Z]{4}|(tokens|shipments)/([0-9]+)/#))
        let ownPart = String(match.output.0)
        var replacements = [(ownPart, "RS-2222-2222")]
        if let kind = match.output.1, let id = match.output.2.flatMap({ Int64($0) }) {
            replacements = [(ownPart, "\(kind)/999999")]
            // A shipment's answers name it by reference.
            if kind == "shipments" {
                replacements.append((Shipment.reference(for: id), Shipment.reference(for: 999_999)))
            }
        }
        let missing = try world.send(row, path: path.replacing(ownPart, with: replacements[0].1), viaSession: false)
        let expected = replacements.reduce(response.text) { $0.replacing($1.0, with: $1.1) }
        #expect(missing.status == response.status, "\(row)")
        #expect(expected == missing.text, "\(row)")
    }

    /// HEAD is answered by the GET route (RFC 9110 §9.3.2): it must never open what GET refuses, and answers alike.
    private func checkHEADIsRefusedLikeGET(_ path: String, _ get: HTTPTestResponse, _ world: AccessWorld) throws {
        let head = try world.client.request(.head, path)
        #expect(head.status == get.status, "HEAD \(path)")
        #expect(head.headers["Location"] == get.headers["Location"], "HEAD \(path)")
    }

    /// The run changed exactly what its allowed rows change (Jan's approvals and discards and token, the staff's
    /// confirmations, the reseller's discarded shipment) and nothing that was refused; only the admin's edits
    /// leave audit entries, and the admin's disable is undone by the enable after it.
    private func checkOnlyAllowedRowsChangedData(
        who: Who, before: AccessSnapshot, after: AccessSnapshot, _ world: AccessWorld
    ) throws {
        var expected = before
        let value = { (name: String) in world.resolve("{\(name)}") }
        switch who {
        case .customer:
            expected.jansOrders[value("draftToApprove")] = .submitted
            expected.jansOrders[value("apiDraftToApprove")] = .submitted
            expected.jansOrders[value("draftToDiscard")] = nil
            expected.jansOrders[value("apiDraftToDiscard")] = nil
            expected.jansLiveTokens -= 1
        case .agent, .admin:
            expected.jansOrders["RS-Q3V5-K8MZ"] = .confirmed
            expected.jansOrders[value("submittedOrder")] = .confirmed
        case .reseller:
            expected.shipments[try #require(Int64(value("shipmentToDiscard")))] = nil
        case .anonymous, .otherCustomer, .otherReseller:
            break
        }
        if who == .admin {
            #expect(after.auditCount > before.auditCount)
            expected.auditCount = after.auditCount
        }
        #expect(after == expected)
    }
}
