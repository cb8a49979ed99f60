import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import RepairStore
import Testing
import WebSecurity

@testable import Portal

@Suite("Accounts: create, confirmation e-mail over SMTP, confirm, resend, disable")
struct AccountTests {
    static let goodPassword = "correct horse battery"

    /// Creates an account through the admin form; returns the response.
    static func createAccount(
        _ harness: PortalHarness, customerID: String = "3", email: String = "nowa@example.com",
        displayName: String = "Nowa Osoba", role: String = ""
    ) throws -> HTTPTestResponse {
        let admin = try harness.signedIn(.admin)
        let page = try admin.request(.get, "/admin/accounts")
        return try admin.postForm(
            "/admin/accounts",
            [
                "customerID": customerID, "email": email, "displayName": displayName, "role": role,
                "csrf_token": try PortalHarness.csrfToken(in: page.text),
            ])
    }

    /// Posts the set-password form of `token` from a fresh browser.
    static func confirm(_ harness: PortalHarness, token: String, password: String, repeated: String? = nil) throws
        -> HTTPTestResponse
    {
        let browser = try harness.client()
        // The sign-in page hands out the same anonymous form token, also when the link is dead.
        let csrf = try PortalHarness.csrfToken(in: try browser.request(.get, "/login").text)
        return try browser.postForm(
            "/confirm/\(token)", ["password": password, "password_repeat": repeated ?? password, "csrf_token": csrf])
    }

    @Test func createdAccountGetsTheLinkOverSMTPAndWorksAfterConfirmation() throws {
        let harness = try PortalHarness()
        let created = try Self.createAccount(harness)
        #expect(created.status == 303)
        #expect(created.headers["Location"] == "/admin/accounts?done=created")
        // Not confirmed yet: sign-in is refused.
        #expect(throws: HarnessError.self) {
            try harness.signedIn(email: "nowa@example.com", password: Self.goodPassword)
        }

        let envelopes = try harness.deliverAll()
        let mail = try #require(envelopes.first)
        #expect(envelopes.count == 1)
        #expect(mail.recipients == ["<nowa@example.com>"])
        #expect(mail.decodedText.contains("Subject: Confirm your repairshop account"))
        #expect(mail.decodedText.contains("Hello Nowa Osoba"))
        let token = try #require(mail.confirmationToken)
        #expect(try #require(mail.messageID).hasPrefix("<account-"))

        let form = try harness.client().request(.get, "/confirm/\(token)")
        #expect(form.status == 200)
        #expect(form.text.contains("nowa@example.com"))
        #expect(form.headers["Cache-Control"] == "no-store")

        let done = try Self.confirm(harness, token: token, password: Self.goodPassword)
        #expect(done.status == 200)
        #expect(done.text.contains("Your account is ready"))
        let client = try harness.signedIn(email: "nowa@example.com", password: Self.goodPassword)
        let me = try client.request(.get, "/api/v1/me").jsonObject()
        #expect(me["role"] as? String == "customer")
        #expect(me["customerID"] as? Int == 3)
    }

    @Test func aUsedLinkIsGoneAndCannotSetAnotherPassword() throws {
        let harness = try PortalHarness()
        _ = try Self.createAccount(harness)
        let token = try #require(try harness.deliverAll().first?.confirmationToken)
        #expect(try Self.confirm(harness, token: token, password: Self.goodPassword).status == 200)

        let again = try harness.client().request(.get, "/confirm/\(token)")
        #expect(again.status == 410)
        #expect(again.text.contains("already used"))
        let reuse = try Self.confirm(harness, token: token, password: "another fine password")
        #expect(reuse.status == 410)
        #expect(throws: HarnessError.self) {
            try harness.signedIn(email: "nowa@example.com", password: "another fine password")
        }
        _ = try harness.signedIn(email: "nowa@example.com", password: Self.goodPassword)
    }

    @Test func anExpiredLinkIsGoneAndUnknownLinksAreNotFound() throws {
        let harness = try PortalHarness()
        _ = try Self.createAccount(harness)
        let token = try #require(try harness.deliverAll().first?.confirmationToken)
        try harness.store.write { db in try db.run("UPDATE account_confirmations SET expires_at = 0") }

        let expired = try harness.client().request(.get, "/confirm/\(token)")
        #expect(expired.status == 410)
        #expect(expired.text.contains("expired"))
        #expect(try Self.confirm(harness, token: token, password: Self.goodPassword).status == 410)
        #expect(try harness.store.user(email: "nowa@example.com")?.isConfirmed == false)

        for path in ["/confirm/\(SecureToken.make())", "/confirm/not-a-token", "/confirm/%00%0A"] {
            #expect(try harness.client().request(.get, path).status == 404, "\(path)")
        }
        let api = try harness.client().sendJSON(
            .post, "/api/v1/confirm/\(token)", json: #"{"password":"x","passwordRepeat":"x"}"#)
        #expect(api.status == 410)
        #expect(try api.jsonObject()["error"] as? String == "link_expired")
    }

    @Test func passwordRulesAreCheckedAndNothingChangesOnFailure() throws {
        let harness = try PortalHarness()
        _ = try Self.createAccount(harness)
        let token = try #require(try harness.deliverAll().first?.confirmationToken)
        let cases: [(String, String, String)] = [
            ("short", "short", "at least 10 characters"),
            ("aaaaaaaaaaaa", "aaaaaaaaaaaa", "different characters"),
            (Self.goodPassword, "something else entirely", "the two passwords differ"),
            ("", "", "enter a password"),
        ]
        for (password, repeated, message) in cases {
            let response = try Self.confirm(harness, token: token, password: password, repeated: repeated)
            #expect(response.status == 422, "\(password)")
            #expect(response.text.contains(message), "\(password)")
        }
        #expect(try harness.store.user(email: "nowa@example.com")?.isConfirmed == false)
        #expect(try Self.confirm(harness, token: token, password: Self.goodPassword).status == 200)
    }

    @Test func resendSendsANewLinkAndRetiresTheOldOne() throws {
        let harness = try PortalHarness()
        _ = try Self.createAccount(harness)
        let first = try #require(try harness.deliverAll().first?.confirmationToken)
        let user = try #require(try harness.store.user(email: "nowa@example.com"))
        let admin = try harness.signedIn(.admin)
        let page = try admin.request(.get, "/admin/accounts")
        #expect(page.text.contains("Waiting for confirmation"))
        let resend = try admin.postForm(
            "/admin/accounts/\(user.id)/resend", ["csrf_token": try PortalHarness.csrfToken(in: page.text)])
        #expect(resend.status == 303)
        let second = try #require(try harness.deliverAll().first?.confirmationToken)
        #expect(second != first)
        #expect(try harness.client().request(.get, "/confirm/\(first)").status == 410)
        #expect(try Self.confirm(harness, token: second, password: Self.goodPassword).status == 200)
        // A confirmed account gets no more links.
        let late = try admin.postForm(
            "/admin/accounts/\(user.id)/resend", ["csrf_token": try PortalHarness.csrfToken(in: page.text)])
        #expect(late.status == 409)
    }

    @Test func badAccountInputIsRefusedAndWritesNothing() throws {
        let harness = try PortalHarness()
        let usersBefore = try harness.store.users().count
        let cases: [(customerID: String, email: String, name: String, role: String, status: Int, field: String)] = [
            ("1", "customer@example.com", "Duplicate", "", 409, "already has an account"),
            ("3", "not-an-address", "Someone", "", 422, "name@example.com"),
            ("3", "", "Someone", "", 422, "enter an e-mail address"),
            ("3", "new@example.com", "  ", "", 422, "enter the person"),
            ("1", "new@example.com", "Someone", "reseller", 422, "customer role"),
            ("2", "new@example.com", "Someone", "customer", 422, "reseller role"),
            ("3", "new@example.com", "Someone", "admin", 422, "customer, reseller"),
            ("999", "new@example.com", "Someone", "", 422, "no customer"),
            ("x", "new@example.com", "Someone", "", 422, "choose a customer"),
        ]
        for entry in cases {
            let response = try Self.createAccount(
                harness, customerID: entry.customerID, email: entry.email, displayName: entry.name, role: entry.role)
            #expect(response.status == entry.status, "\(entry)")
            #expect(response.text.contains(entry.field), "\(entry)")
        }
        #expect(try harness.store.users().count == usersBefore)
        #expect(try harness.store.outboxEntries().isEmpty)
    }

    @Test func disabledAccountsCannotSignInUntilEnabled() throws {
        let harness = try PortalHarness()
        let admin = try harness.signedIn(.admin)
        let customer = try harness.signedIn(.customer)
        let page = try admin.request(.get, "/admin/accounts")
        let csrf = try PortalHarness.csrfToken(in: page.text)
        #expect(try admin.postForm("/admin/accounts/1/disable", ["csrf_token": csrf]).status == 303)
        // The running session stops working at once.
        #expect(try customer.request(.get, "/api/v1/me").status == 401)
        #expect(throws: HarnessError.self) { try harness.signedIn(.customer) }
        #expect(try admin.postForm("/admin/accounts/1/disable", ["csrf_token": csrf]).status == 409)
        #expect(try admin.postForm("/admin/accounts/1/enable", ["csrf_token": csrf]).status == 303)
        _ = try harness.signedIn(.customer)
        // An admin cannot lock themself out; unknown accounts are 404; a missing CSRF token is refused.
        #expect(try admin.postForm("/admin/accounts/4/disable", ["csrf_token": csrf]).status == 403)
        #expect(try admin.postForm("/admin/accounts/999/disable", ["csrf_token": csrf]).status == 404)
        #expect(try admin.postForm("/admin/accounts/1/disable", [:]).status == 403)
        let audit = try harness.store.auditEntries(entity: "user").map(\.action)
        #expect(audit == ["account.enable", "account.disable"])
    }

    @Test(arguments: ["page", "api"])
    func disablingEndsSessionsAndTokensForGood(entryPoint: String) throws {
        let harness = try PortalHarness()
        let customer = try harness.apiClient(.customer)
        let token = try #require(customer.bearerToken)
        let cookieOnly = try harness.signedIn(.customer)
        #expect(try cookieOnly.request(.get, "/api/v1/me").status == 200)
        let admin = try harness.apiClient(.admin)
        func act(_ action: String) throws -> Int {
            switch entryPoint {
            case "page":
                let csrf = try PortalHarness.csrfToken(in: try admin.request(.get, "/admin/accounts").text)
                return try admin.postForm("/admin/accounts/1/\(action)", ["csrf_token": csrf]).status
            default:
                return try admin.sendJSON(.post, "/api/v1/admin/accounts/1/\(action)", json: "{}").status
            }
        }
        #expect(try [303, 200].contains(act("disable")))
        #expect(try [303, 200].contains(act("enable")))
        // Enabled again, but the old cookie and the old token stay dead: disabling ended them.
        #expect(try cookieOnly.request(.get, "/api/v1/me").status == 401)
        #expect(try customer.sendJSON(.get, "/api/v1/me", bearer: token).status == 401)
        #expect(
            try harness.store.read { db in try db.rows("SELECT 1 FROM sessions WHERE user_id = 1") { _ in 1 } }.isEmpty)
        #expect(try APITokenStore(store: harness.store).tokens(userID: 1).allSatisfy { $0.revokedAt != nil })
        // A fresh sign-in works as before.
        #expect(try harness.signedIn(.customer).request(.get, "/api/v1/me").status == 200)
    }

    @Test func onlyAdminsReachTheAccountRoutes() throws {
        let harness = try PortalHarness()
        for account in [PortalHarness.Account.customer, .reseller, .agent] {
            let client = try harness.signedIn(account)
            #expect(try client.request(.get, "/admin/accounts").status == 403, "\(account)")
            #expect(try client.postForm("/admin/accounts/1/disable", [:]).status == 403, "\(account)")
            #expect(try client.request(.get, "/api/v1/admin/accounts").status == 403, "\(account)")
        }
        let anonymous = try harness.client()
        let page = try anonymous.request(.get, "/admin/accounts")
        #expect(page.status == 303)
        #expect(page.headers["Location"]?.hasPrefix("/login?next=") == true)
        #expect(try anonymous.request(.get, "/api/v1/admin/accounts").status == 401)
        #expect(try harness.store.user(id: 1)?.isDisabled == false)
    }

    @Test func theJSONAPICreatesAndConfirmsAccounts() throws {
        let harness = try PortalHarness()
        let admin = try #require(try harness.store.user(email: "admin@example.com"))
        let token = try APITokenStore(store: harness.store).create(userID: admin.id, name: "test", at: Date()).token
        let client = try harness.client()
        let created = try client.sendJSON(
            .post, "/api/v1/admin/accounts",
            json: #"{"customerID":2,"email":"partner2@example.com","displayName":"Drugi Partner"}"#, bearer: token)
        #expect(created.status == 201)
        let body = try created.jsonObject()
        #expect(body["role"] as? String == "reseller")
        #expect(body["state"] as? String == "invited")
        #expect(body["passwordHash"] == nil)
        let bad = try client.sendJSON(.post, "/api/v1/admin/accounts", json: #"{"customerID":2}"#, bearer: token)
        #expect(bad.status == 400)
        #expect(try bad.jsonObject()["field"] as? String == "email")

        let link = try #require(try harness.deliverAll().first?.confirmationToken)
        let short = try client.sendJSON(
            .post, "/api/v1/confirm/\(link)", json: #"{"password":"short","passwordRepeat":"short"}"#)
        #expect(short.status == 422)
        #expect(try short.jsonObject()["field"] as? String == "password")
        let mismatch = try client.sendJSON(
            .post, "/api/v1/confirm/\(link)",
            json: #"{"password":"a long enough phrase","passwordRepeat":"another long phrase"}"#)
        #expect(mismatch.status == 422)
        #expect(try mismatch.jsonObject()["field"] as? String == "passwordRepeat")
        var plain = HTTPHeaders()
        plain.add("Authorization", "Bearer \(token)")
        let untyped = try client.request(
            .post, "/api/v1/admin/accounts", headers: plain,
            body: Array(#"{"customerID":2,"email":"x@example.com","displayName":"X"}"#.utf8))
        #expect(untyped.status == 415)
        let confirmed = try client.sendJSON(
            .post, "/api/v1/confirm/\(link)",
            json: #"{"password":"a long enough phrase","passwordRepeat":"a long enough phrase"}"#)
        #expect(confirmed.status == 200)
        #expect(try confirmed.jsonObject()["state"] as? String == "active")
        let list = try client.sendJSON(.get, "/api/v1/admin/accounts", bearer: token)
        #expect(list.text.contains("partner2@example.com"))
    }
}
