import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing

@testable import Portal

/// The settings page and API (seed 001): language, zone, list page size, password; bad input changes nothing.
@Suite("User settings")
struct SettingsTests {
    static func save(_ client: HTTPTestClient, _ fields: [String: String], path: String = "/account/settings")
        throws -> HTTPTestResponse
    {
        let token = try PortalHarness.csrfToken(in: try client.request(.get, "/account/settings").text)
        return try client.postForm(path, fields.merging(["csrf_token": token]) { $1 })
    }

    @Test func languageZoneAndPageSizeApplyToEveryPageOfTheUser() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let saved = try Self.save(client, ["language": "ru", "timeZone": "Europe/Moscow", "pageSize": "10"])
        #expect(saved.status == 303)
        let page = try client.request(.get, "/account/settings?saved=preferences", headers: ["Accept-Language": "pl"])
        #expect(page.text.contains("<html lang=\"ru\">"), "the user's choice beats the browser's header")
        #expect(page.text.contains("Настройки сохранены."))
        let orders = try client.request(.get, "/orders")
        #expect(orders.text.contains("Мои заявки") && orders.text.contains("В ремонте"))
        #expect(orders.text.contains("20.11.2026, 21:02 "), "the zone is named after the time")
        let user = try #require(try harness.store.user(email: PortalHarness.Account.customer.rawValue))
        #expect(
            try harness.store.userPreferences(userID: user.id)
                == UserPreferences(language: "ru", timeZone: "Europe/Moscow", pageSize: 10))
    }

    @Test func theStaffQueueShowsTheUsersPageSize() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.agent)
        _ = try Self.save(client, ["language": "", "timeZone": "", "pageSize": "10"])
        let queue = try client.request(.get, "/staff/orders?status=all")
        let rows = queue.text.components(separatedBy: "<a href=\"/staff/orders/RS-").count - 1
        #expect(rows <= 10)
        let user = try #require(try harness.store.user(email: PortalHarness.Account.agent.rawValue))
        #expect(try harness.store.userPreferences(userID: user.id)?.pageSize == 10)
    }

    @Test(arguments: [
        (["language": "de", "timeZone": "", "pageSize": "25"], "language", "jedną z wartości: en, pl, ru"),
        (["language": "", "timeZone": "Europe/Atlantis", "pageSize": "25"], "timeZone", "strefy czasowej"),
        (["language": "", "timeZone": "", "pageSize": "7"], "pageSize", "10, 25, 50, 100"),
        (["language": "", "timeZone": "", "pageSize": "ten"], "pageSize", "10, 25, 50, 100"),
    ])
    func badChoicesAreRefusedInTheUsersLanguageAndNothingIsSaved(
        fields: [String: String], field: String, words: String
    ) throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        _ = try Self.save(client, ["language": "pl", "timeZone": "", "pageSize": "50"])
        let refused = try Self.save(client, fields)
        #expect(refused.status == 422)
        #expect(refused.text.contains(words), "\(field)")
        #expect(refused.text.contains("Sprawdź zaznaczone pola."))
        let user = try #require(try harness.store.user(email: PortalHarness.Account.customer.rawValue))
        #expect(try harness.store.userPreferences(userID: user.id) == UserPreferences(language: "pl", pageSize: 50))
    }

    @Test func theAPIReadsAndWritesTheSameSettings() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.reseller)
        let put = try client.sendJSON(.put, "/api/v1/me/settings", json: #"{"language":"pl","pageSize":100}"#)
        #expect(put.status == 200)
        let body = try client.sendJSON(.get, "/api/v1/me/settings").jsonObject()
        #expect(body["language"] as? String == "pl" && body["pageSize"] as? Int == 100)
        let bad = try client.sendJSON(.put, "/api/v1/me/settings", json: #"{"timeZone":"Mars/Olympus"}"#)
        #expect(bad.status == 422)
        #expect(bad.text.contains("\"error\":\"invalid_field\"") && bad.text.contains("\"rule\":\"unknown_time_zone\""))
        #expect(try client.sendJSON(.get, "/api/v1/me/settings").jsonObject()["pageSize"] as? Int == 100)
    }

    @Test func changingThePasswordEndsTheOtherSessionsAndTokens() throws {
        let harness = try PortalHarness()
        let account = PortalHarness.Account.customer
        let here = try harness.signedIn(account)
        let elsewhere = try harness.signedIn(account)
        let script = try harness.apiClient(account)
        #expect(try script.sendJSON(.get, "/api/v1/me").status == 200)
        let changed = try Self.save(
            here,
            [
                "currentPassword": account.password, "password": "a new long passphrase",
                "password_repeat": "a new long passphrase",
            ],
            path: "/account/password")
        #expect(changed.status == 303)
        #expect(try here.request(.get, "/account/settings").status == 200, "the session that changed it stays")
        #expect(try elsewhere.request(.get, "/account/settings").status == 303, "another session is signed out")
        #expect(try script.sendJSON(.get, "/api/v1/me", bearer: script.bearerToken).status == 401)
        #expect(throws: HarnessError.self) { try harness.signedIn(email: account.rawValue, password: account.password) }
        _ = try harness.signedIn(email: account.rawValue, password: "a new long passphrase")
    }

    @Test func aWrongCurrentPasswordChangesNothing() throws {
        let harness = try PortalHarness(shop: ShopSettings(language: "ru"))
        let account = PortalHarness.Account.customer
        let client = try harness.signedIn(account)
        let other = try harness.signedIn(account)
        let refused = try Self.save(
            client,
            [
                "currentPassword": "not it at all", "password": "a new long passphrase",
                "password_repeat": "a new long passphrase",
            ],
            path: "/account/password")
        #expect(refused.status == 422)
        #expect(refused.text.contains("Это поле не совпадает с вашим текущим паролем"))
        #expect(try other.request(.get, "/account/settings").status == 200)
        _ = try harness.signedIn(account)
        let api = try harness.apiClient(account)
        let viaAPI = try api.sendJSON(
            .post, "/api/v1/me/password", json: #"{"currentPassword":"nope","newPassword":"a new long passphrase"}"#)
        #expect(viaAPI.status == 422 && viaAPI.text.contains("\"rule\":\"wrong_password\""))
        _ = try harness.signedIn(account)
    }
}
