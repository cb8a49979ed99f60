import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing

@testable import Portal

@Suite("API tokens: created in the portal, used as Bearer, revoked")
struct APITokenTests {
    /// Creates a token named `name` through the page; returns the token text shown once.
    static func createToken(_ client: HTTPTestClient, name: String = "script") throws -> String {
        let page = try client.request(.get, "/account/tokens")
        let response = try client.postForm(
            "/account/tokens", ["name": name, "csrf_token": try PortalHarness.csrfToken(in: page.text)])
        guard response.status == 200, let range = response.text.range(of: #"<code class="new-token">"#) else {
            throw HarnessError("token creation answered \(response.status)")
        }
        return String(response.text[range.upperBound...].prefix { $0 != "<" })
    }

    @Test func tokenCreatedOnThePageWorksAsBearerUntilRevoked() throws {
        let harness = try PortalHarness()
        let browser = try harness.signedIn(.customer)
        let token = try Self.createToken(browser, name: "my script")
        let api = try harness.client()
        let me = try api.sendJSON(.get, "/api/v1/me", bearer: token)
        #expect(me.status == 200)
        #expect(try me.jsonObject()["email"] as? String == "customer@example.com")

        let list = try browser.request(.get, "/account/tokens")
        #expect(list.text.contains("my script"))
        // The token itself is never shown again.
        #expect(!list.text.contains(token))
        let id = try #require(list.text.firstMatch(of: /\/account\/tokens\/(\d+)\/revoke/)?.1)
        let revoked = try browser.postForm(
            "/account/tokens/\(id)/revoke", ["csrf_token": try PortalHarness.csrfToken(in: list.text)])
        #expect(revoked.status == 303)
        #expect(try api.sendJSON(.get, "/api/v1/me", bearer: token).status == 401)
        let after = try browser.request(.get, "/account/tokens")
        #expect(after.text.contains("Revoked"))
        let again = try browser.postForm(
            "/account/tokens/\(id)/revoke", ["csrf_token": try PortalHarness.csrfToken(in: after.text)])
        #expect(again.status == 404)
    }

    @Test func nameIsRequired() throws {
        let harness = try PortalHarness()
        let browser = try harness.signedIn(.customer)
        let page = try browser.request(.get, "/account/tokens")
        let csrf = try PortalHarness.csrfToken(in: page.text)
        let empty = try browser.postForm("/account/tokens", ["name": "  ", "csrf_token": csrf])
        #expect(empty.status == 422)
        #expect(empty.text.contains("Give the token a name."))
        let long = try browser.postForm(
            "/account/tokens",
            ["name": String(repeating: "n", count: APITokenName.maxLength + 1), "csrf_token": csrf])
        #expect(long.status == 422)
        #expect(long.text.contains("At most 100 characters."))
        #expect(!long.text.contains("new-token"))
        let bell = try browser.postForm("/account/tokens", ["name": "ci\u{7}bot", "csrf_token": csrf])
        #expect(bell.status == 422)
        #expect(bell.text.contains("The name must not contain control characters (found U+0007)."))
    }

    @Test func creationNeedsCSRFAndASignIn() throws {
        let harness = try PortalHarness()
        let browser = try harness.signedIn(.customer)
        #expect(try browser.postForm("/account/tokens", ["name": "x"]).status == 403)
        let anonymous = try harness.client()
        #expect(try anonymous.request(.get, "/account/tokens").status == 303)
        #expect(try anonymous.postForm("/account/tokens", ["name": "x"]).status == 401)
    }

    @Test func anotherUsersTokenCannotBeRevoked() throws {
        let harness = try PortalHarness()
        let owner = try harness.signedIn(.customer)
        let token = try Self.createToken(owner)
        let ownerList = try owner.request(.get, "/account/tokens")
        let id = try #require(ownerList.text.firstMatch(of: /\/account\/tokens\/(\d+)\/revoke/)?.1)

        let other = try harness.signedIn(.reseller)
        let otherPage = try other.request(.get, "/account/tokens")
        let attempt = try other.postForm(
            "/account/tokens/\(id)/revoke", ["csrf_token": try PortalHarness.csrfToken(in: otherPage.text)])
        #expect(attempt.status == 404)
        #expect(try harness.client().sendJSON(.get, "/api/v1/me", bearer: token).status == 200)
        let bad = try other.postForm(
            "/account/tokens/abc/revoke", ["csrf_token": try PortalHarness.csrfToken(in: otherPage.text)])
        #expect(bad.status == 404)
    }
}
