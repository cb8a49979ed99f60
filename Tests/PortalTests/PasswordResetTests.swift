import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing
import WebSecurity

@testable import Portal

/// Forgot password: one answer for every address, a single-use expiring link through the outbox, in the
/// recipient's language, rate-limited per address and per account.
@Suite("Password reset")
struct PasswordResetTests {
    static func ask(_ harness: PortalHarness, _ email: String, client: HTTPTestClient? = nil) throws
        -> HTTPTestResponse
    {
        let client = try client ?? harness.client()
        let token = try PortalHarness.csrfToken(in: try client.request(.get, "/password/forgot").text)
        return try client.postForm("/password/forgot", ["email": email, "csrf_token": token])
    }

    /// The reset path in the newest queued mail.
    static func link(in harness: PortalHarness) throws -> String {
        let body = try #require(try harness.store.outboxEntries().first).mail.body
        let start = try #require(body.range(of: "/password/reset/"))
        return String(body[start.lowerBound...].prefix { !$0.isWhitespace })
    }

    static func reset(_ path: String, _ password: String, client: HTTPTestClient) throws -> HTTPTestResponse {
        let token = try PortalHarness.csrfToken(in: try client.request(.get, path).text)
        return try client.postForm(
            path, ["password": password, "password_repeat": password, "csrf_token": token])
    }

    @Test func theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() throws {
        let harness = try PortalHarness()
        let known = try Self.ask(harness, PortalHarness.Account.customer.rawValue)
        let unknown = try Self.ask(harness, "nobody@example.com")
        #expect(known.status == 200 && unknown.status == 200)
        #expect(
            known.text.replacing(PortalHarness.Account.customer.rawValue, with: "X")
                == unknown.text.replacing("nobody@example.com", with: "X"))
        #expect(try harness.store.outboxEntries().count == 1)
    }

    @Test func theLinkSetsANewPasswordOnceAndEndsEverySession() throws {
        let harness = try PortalHarness()
        let account = PortalHarness.Account.customer
        let session = try harness.signedIn(account)
        _ = try Self.ask(harness, account.rawValue)
        let path = try Self.link(in: harness)
        let client = try harness.client()
        #expect(try client.request(.get, path).status == 200)
        let done = try Self.reset(path, "another long passphrase", client: client)
        #expect(done.status == 200 && done.text.contains("Your new password is set"))
        #expect(try session.request(.get, "/orders").status == 303, "the old session ended")
        _ = try harness.signedIn(email: account.rawValue, password: "another long passphrase")
        let again = try client.request(.get, path)
        #expect(again.status == 410 && again.text.contains("data-problem=\"link_used\""))
        #expect(again.text.contains("This password reset link was already used."))
    }

    @Test func anExpiredLinkIsAClearErrorAndChangesNothing() throws {
        let harness = try PortalHarness(shop: ShopSettings(language: "pl"))
        let account = PortalHarness.Account.customer
        _ = try Self.ask(harness, account.rawValue)
        let path = try Self.link(in: harness)
        let client = try harness.client()
        let token = try PortalHarness.csrfToken(in: try client.request(.get, path).text)
        try harness.store.write { db in try db.run("UPDATE password_resets SET expires_at = 0") }
        let refused = try client.postForm(
            path,
            ["password": "another long passphrase", "password_repeat": "another long passphrase", "csrf_token": token])
        #expect(refused.status == 410)
        #expect(refused.text.contains("Ten link do zmiany hasła wygasł."))
        _ = try harness.signedIn(account)
        let unknown = try client.request(.get, "/password/reset/not-a-token")
        #expect(unknown.status == 404 && unknown.text.contains("data-problem=\"link_unknown\""))
    }

    @Test func aWeakPasswordIsRefusedAndTheLinkStaysUsable() throws {
        let harness = try PortalHarness()
        _ = try Self.ask(harness, PortalHarness.Account.customer.rawValue)
        let path = try Self.link(in: harness)
        let client = try harness.client()
        let weak = try Self.reset(path, "short", client: client)
        #expect(weak.status == 422 && weak.text.contains("at least 10 characters"))
        #expect(try Self.reset(path, "another long passphrase", client: client).status == 200)
    }

    @Test func theMailIsInTheRecipientsLanguageElseTheShops() throws {
        let harness = try PortalHarness(shop: ShopSettings(language: "pl", timeZone: "Europe/Warsaw"))
        _ = try Self.ask(harness, PortalHarness.Account.customer.rawValue)
        let polish = try #require(try harness.store.outboxEntries().first).mail
        #expect(polish.subject == "Zmiana hasła w repairshop")
        #expect(polish.body.contains("Dzień dobry, Jan Łukasiewicz!") && polish.body.contains("wygasa"))
        let reseller = try #require(try harness.store.user(email: PortalHarness.Account.reseller.rawValue))
        try harness.store.saveUserPreferences(UserPreferences(language: "ru"), userID: reseller.id)
        _ = try Self.ask(harness, PortalHarness.Account.reseller.rawValue)
        let russian = try #require(try harness.store.outboxEntries().first).mail
        #expect(russian.subject == "Сброс пароля в repairshop")
        #expect(russian.body.contains("Здравствуйте") && russian.body.contains("Ссылка действует один раз"))
        let delivered = try harness.deliverAll()
        #expect(delivered.count == 2)
    }

    @Test func requestsAreLimitedPerAccountSilentlyAndPerAddressOpenly() throws {
        let harness = try PortalHarness()
        let email = PortalHarness.Account.customer.rawValue
        for _ in 0..<3 { #expect(try Self.ask(harness, email).status == 200) }
        #expect(try harness.store.outboxEntries().count == PasswordReset.maxPerAccount)
        let limited = try Self.ask(harness, email)
        #expect(limited.status == 429 && limited.headers["Retry-After"] != nil)
        #expect(try harness.store.outboxEntries().count == PasswordReset.maxPerAccount)
        // The per-account limit holds when the address is typed differently (a fresh per-address bucket).
        #expect(try Self.ask(harness, email.uppercased()).status == 429, "the address is folded before limiting")
    }

    @Test func theAccountLimitHoldsEvenWhenTheAddressLimitWouldNot() throws {
        let harness = try PortalHarness { $0.passwordResetsPerAddress = RateLimitPolicy(burst: 100, refillInterval: 1) }
        let email = PortalHarness.Account.customer.rawValue
        for _ in 0..<(PasswordReset.maxPerAccount + 2) { #expect(try Self.ask(harness, email).status == 200) }
        #expect(try harness.store.outboxEntries().count == PasswordReset.maxPerAccount)
    }

    @Test(arguments: ["", "a\u{0}b@example.com"])
    func badAddressesAreNamed(email: String) throws {
        let harness = try PortalHarness()
        let response = try Self.ask(harness, email)
        #expect(response.status == 422 && response.text.contains("data-problem=\"invalid_field\""))
        #expect(try harness.store.outboxEntries().isEmpty)
    }
}
