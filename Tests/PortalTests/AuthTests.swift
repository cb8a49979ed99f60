import Foundation
import HTTPServer
import RepairCore
import Synchronization
import Testing
import WebSecurity

@testable import Portal

@Suite("Sign-in, sessions and CSRF over loopback")
struct AuthTests {
    @Test func openMigratesTheFileAndKeepsTheServerSecret() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("open-\(UUID().uuidString).sqlite")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try Portal.open(databasePath: path)
        // A second start reads the stored secret rather than making one, so signed links survive restarts.
        #expect(try Portal.open(databasePath: path).secret == first.secret)
        #expect(try first.store.customers().isEmpty)
    }

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
            [
                "email": "customer@example.com", "password": "customer-demo",
                "csrf_token": try PortalHarness.csrfToken(in: form.text),
            ])
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
                "/login",
                ["email": email, "password": "wrong", "csrf_token": try PortalHarness.csrfToken(in: form.text)])
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
        let harness = try PortalHarness {
            $0.loginThrottle = LoginThrottle.Configuration(perAccount: RateLimitPolicy(burst: 2, refillInterval: 600))
        }
        let client = try harness.client()
        var statuses: [Int] = []
        for _ in 0..<3 {
            let form = try client.request(.get, "/login")
            let response = try client.postForm(
                "/login",
                [
                    "email": "customer@example.com", "password": "wrong",
                    "csrf_token": try PortalHarness.csrfToken(in: form.text),
                ])
            statuses.append(response.status)
            if response.status == 429 { #expect(Int(response.headers["Retry-After"] ?? "") ?? 0 > 0) }
        }
        #expect(statuses == [401, 401, 429])
    }

    /// Signs in from a fresh client (its own form token) and returns the status.
    static func signInStatus(_ harness: PortalHarness, email: String, password: String) throws -> Int {
        let client = try harness.client()
        let form = try client.request(.get, "/login")
        return try client.postForm(
            "/login", ["email": email, "password": password, "csrf_token": try PortalHarness.csrfToken(in: form.text)]
        ).status
    }

    @Test func aNULOrCaseVariantDoesNotBypassTheAccountLockout() throws {
        let harness = try PortalHarness()
        for _ in 0..<5 {
            #expect(try Self.signInStatus(harness, email: "agent@example.com", password: "wrong") == 401)
        }
        #expect(try Self.signInStatus(harness, email: "agent@example.com", password: "agent-demo") == 429)
        // The address as the look-up finds it is the throttle's key: case and spaces make no new account.
        #expect(try Self.signInStatus(harness, email: " AGENT@Example.com ", password: "agent-demo") == 429)
        // A control character is refused before the throttle and the look-up, naming the field.
        let client = try harness.client()
        let form = try client.request(.get, "/login")
        let nul = try client.postForm(
            "/login",
            [
                "email": "agent@example.com\u{0}zz", "password": "agent-demo",
                "csrf_token": try PortalHarness.csrfToken(in: form.text),
            ])
        #expect(nul.status == 422)
        #expect(nul.text.contains("E-mail: must not contain control characters"))
        #expect(client.cookies["rs_session"] == nil)
        #expect(try Self.signInStatus(harness, email: "agent@example.com", password: "agent\u{1B}-demo") == 422)
    }

    @Test func concurrentWrongGuessesCheckAtMostTheBurst() throws {
        let harness = try PortalHarness()
        let guesses = 40
        let statuses = Mutex<[Int]>([])
        // One thread each (not `concurrentPerform`, which runs on as many threads as there are cores).
        let group = DispatchGroup()
        for index in 0..<guesses {
            group.enter()
            Thread.detachNewThread {
                let status =
                    (try? Self.signInStatus(harness, email: "agent@example.com", password: "wrong-\(index)")) ?? 0
                statuses.withLock { $0.append(status) }
                group.leave()
            }
        }
        group.wait()
        let all = statuses.withLock { $0 }
        // A 401 is a password that was verified; the per-account burst is 5.
        #expect(all.filter { $0 == 401 }.count == 5)
        #expect(all.filter { $0 == 429 }.count == guesses - 5)
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

    @Test(arguments: [
        "/", "/orders/RS-1234-5678", "/orders?filter=open&page=2", "/track?number=RS-1&surname=%C5%81uk",
        "/a/b:c@d/e;f=g,h", "/search?q=a?b/c", "/%2F%2Fencoded-slashes-stay-a-path",
    ])
    func signInFollowsLocalNextPaths(path: String) {
        #expect(Portal.isLocalPath(path))
    }

    @Test(arguments: [
        "", "orders", "//evil.example/", "///evil.example", "https://evil.example/", "/\\evil.example",
        "\\/evil.example", "/\t/evil.example", "/\t\t/evil.example", "/\n/evil.example", "/\r/evil.example",
        "/\r\n/evil.example", "/\u{0}/evil.example", "/\u{7F}x", "/\u{1B}x", "/ /evil.example", "/orders#frag",
        "/%", "/%2", "/%zz", "/ünicode", "/a\u{200B}b", "\t//evil.example", " /evil", "/x\"y", "/x<y", "/x`y",
        "/x{y}", "/x|y", "/x^y", "/x[y]",
    ])
    func signInRefusesAnythingButALocalPath(path: String) {
        #expect(!Portal.isLocalPath(path))
    }

    @Test func aTabInNextCannotRedirectOffSite() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let form = try client.request(.get, "/login?next=/%09/evil.example")
        let response = try client.postForm(
            "/login",
            [
                "email": "customer@example.com", "password": "customer-demo", "next": "/\t/evil.example",
                "csrf_token": try PortalHarness.csrfToken(in: form.text),
            ])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/")
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
        let accepted = try client.request(
            .post, "/api/v1/admin/shipping-methods", headers: headers, body: Array(body.utf8))
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
