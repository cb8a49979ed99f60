import HTTPServer
import Testing

@testable import Portal

@Suite("Sign-in, sessions and CSRF over loopback")
struct AuthTests {
    @Test func demoAccountsSignInAndReachTheirHome() throws {
        let harness = try PortalHarness()
        for (account, home) in [(PortalHarness.Account.customer, "/orders"), (.agent, "/staff/orders")] {
            let client = try harness.signedIn(account)
            let response = try client.request(.get, "/")
            #expect(response.status == 303)
            #expect(response.headers["Location"] == home)
        }
    }

    @Test func sessionCookieIsHttpOnlyAndSameSite() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let form = try client.request(.get, "/login")
        let response = try client.postForm(
            "/login",
            ["email": "customer@example.com", "password": "customer-demo", "csrf_token": try PortalHarness.csrfToken(in: form.text)])
        let cookie = try #require(response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("rs_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        #expect(!cookie.contains("Secure"))
    }

    @Test func wrongPasswordAndUnknownEmailGiveTheSameAnswer() throws {
        let harness = try PortalHarness()
        var answers: [Int] = []
        for email in ["customer@example.com", "nobody@example.com"] {
            let client = try harness.client()
            let form = try client.request(.get, "/login")
            let response = try client.postForm(
                "/login", ["email": email, "password": "wrong", "csrf_token": try PortalHarness.csrfToken(in: form.text)])
            #expect(response.text.contains("The e-mail or the password is wrong."))
            #expect(client.cookies["rs_session"] == nil)
            answers.append(response.status)
        }
        #expect(answers == [401, 401])
    }

    @Test func signInWithoutCSRFTokenIsRefused() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        _ = try client.request(.get, "/login")
        let response = try client.postForm("/login", ["email": "customer@example.com", "password": "customer-demo"])
        #expect(response.status == 403)
        #expect(response.text.contains("reload it"))
        #expect(client.cookies["rs_session"] == nil)
    }

    @Test func repeatedFailuresAreThrottledWithRetryAfter() throws {
        let harness = try PortalHarness { $0.loginThrottle = LoginThrottle.Configuration(perAccount: RateLimitPolicy(burst: 2, refillInterval: 600)) }
        let client = try harness.client()
        var statuses: [Int] = []
        for _ in 0..<3 {
            let form = try client.request(.get, "/login")
            let response = try client.postForm(
                "/login",
                ["email": "customer@example.com", "password": "wrong", "csrf_token": try PortalHarness.csrfToken(in: form.text)])
            statuses.append(response.status)
            if response.status == 429 { #expect(Int(response.headers["Retry-After"] ?? "") ?? 0 > 0) }
        }
        #expect(statuses == [401, 401, 429])
    }

    @Test func signOutEndsTheSessionOnTheServer() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let oldCookie = try #require(client.cookies["rs_session"])
        let home = try client.request(.get, "/orders")
        let token = try PortalHarness.csrfToken(in: home.text)
        let response = try client.postForm("/logout", ["csrf_token": token])
        #expect(response.status == 303)
        client.cookies["rs_session"] = oldCookie
        let after = try client.request(.get, "/")
        #expect(after.status == 200)
        #expect(after.text.contains("Sign in"))
    }

    @Test func signInFollowsOnlyLocalNextPaths() {
        #expect(Portal.isLocalPath("/orders/RS-1234-5678"))
        #expect(!Portal.isLocalPath("//evil.example/"))
        #expect(!Portal.isLocalPath("https://evil.example/"))
        #expect(!Portal.isLocalPath("/\\evil.example"))
    }

    @Test func meNeedsASignIn() throws {
        let harness = try PortalHarness()
        #expect(try harness.client().request(.get, "/api/v1/me").status == 401)
        let me = try harness.signedIn(.reseller).request(.get, "/api/v1/me")
        #expect(me.status == 200)
        #expect(try me.jsonObject()["role"] as? String == "reseller")
    }

    @Test func aJSONWriteWithASessionCookieNeedsTheCSRFHeader() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.admin)
        let body = #"{"name": "Pigeon post"}"#
        let refused = try client.sendJSON(.post, "/api/v1/admin/shipping-methods", json: body)
        #expect(refused.status == 403)
        #expect(try refused.jsonObject()["error"] as? String == "csrf")
        #expect(try harness.store.catalogue().methods.count == 3)
        let page = try client.request(.get, "/account/tokens")
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        headers.add("X-CSRF-Token", try PortalHarness.csrfToken(in: page.text))
        let accepted = try client.request(.post, "/api/v1/admin/shipping-methods", headers: headers, body: Array(body.utf8))
        #expect(accepted.status == 201)
        #expect(try harness.store.catalogue().methods.count == 4)
    }

    @Test func unknownPathsAnswer404InTheirOwnFormat() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let page = try client.request(.get, "/no-such-page")
        #expect(page.status == 404)
        #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
        let api = try client.request(.get, "/api/v1/no-such-thing")
        #expect(api.status == 404)
        #expect(try api.jsonObject()["error"] as? String == "not_found")
    }

    @Test func badBearerTokenIsRefusedWithJSON() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let response = try client.sendJSON(.get, "/api/v1/me", bearer: "not-a-token")
        #expect(response.status == 401)
        #expect(try response.jsonObject()["error"] as? String == "unauthorized")
    }
}
