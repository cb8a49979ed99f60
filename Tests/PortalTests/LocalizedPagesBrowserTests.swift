import Foundation
import Localization
import RepairCore
import Testing

@testable import Portal

/// Every page of every role, rendered by a real headless Chromium in Polish and in Russian, shows no English UI
/// word: no word of the English catalogue that the language's own catalogue does not use as well.
@Suite("Every page in Polish and Russian, in a headless browser", .serialized)
struct LocalizedPagesBrowserTests {
    /// Words that are the same in every language here: names, formats and the like.
    static let allowed: Set<String> = ["repairshop", "imei", "api", "zpl", "json", "https", "http", "bearer", "token"]

    /// The words of the English catalogue that `language`'s catalogue never uses: if a page shows one, that text
    /// was not translated.
    static func englishOnlyWords(against language: String) throws -> Set<String> {
        func words(_ catalogue: MessageCatalogue) -> Set<String> {
            var result: Set<String> = []
            for entry in catalogue.entries.values {
                let texts: [String]
                switch entry {
                case .text(let text): texts = [text]
                case .plural(_, let forms): texts = Array(forms.values)
                }
                for text in texts { result.formUnion(Self.words(in: text)) }
            }
            return result
        }
        let english = words(try MessageCatalogue.bundled("en"))
        let other = words(try MessageCatalogue.bundled(language))
        return english.subtracting(other).subtracting(allowed)
    }

    /// The shop's own data in the demo fixtures (device names, faults, questions, people, addresses): words a
    /// shop typed, not the interface's, taken out of a page before its words are checked. Longest first, so a
    /// text is removed before a shorter text inside it.
    static let fixtureTexts: [String] = {
        let url = PortalHarness.fixturesURL.appendingPathComponent("demo.json")
        guard let data = try? Data(contentsOf: url), let json = try? JSONSerialization.jsonObject(with: data) else {
            return []
        }
        var texts: Set<String> = []
        func collect(_ value: Any) {
            if let text = value as? String, text.count >= 3 { texts.insert(text) }
            if let array = value as? [Any] { array.forEach(collect) }
            if let object = value as? [String: Any] { object.values.forEach(collect) }
        }
        collect(json)
        return texts.sorted { $0.count > $1.count }
    }()

    /// The page's text without the shop's data, IANA zone names (`Europe/Warsaw`) and the label templates'
    /// placeholders and file names (`{{ order.fault }}`, `packing-list.txt`: names, the same in every language).
    static func interfaceText(_ text: String) -> String {
        var result = text.replacing(#/\{\{[^}]*\}\}/#, with: " ").replacing(#/[a-z-]+\.(txt|zpl|md)/#, with: " ")
        for data in fixtureTexts { result = result.replacingOccurrences(of: data, with: " ") }
        return result.replacing(#/[A-Z][A-Za-z_-]+(?:/[A-Za-z_+-]+)+/#, with: " ")
    }

    /// Lower-cased Latin words of three letters or more, outside `{parameters}`.
    static func words(in text: String) -> Set<String> {
        let plain = text.replacing(#/\{[a-zA-Z]+\}/#, with: " ")
        return Set(
            plain.split { !($0.isASCII && $0.isLetter) }.map { $0.lowercased() }.filter { $0.count >= 3 })
    }

    /// Each role's pages (`{name}` filled from the world the test makes).
    static let pagesByRole: [(email: String?, password: String, landing: String, paths: [String])] = [
        (
            nil, "", "/",
            [
                "/", "/login", "/track", "/track?number=RS-7K2M-9QXD&surname=lukasiewicz", "/t/{trackingToken}",
                "/password/forgot", "/password/reset/not-a-token", "/no-such-page",
            ]
        ),
        (
            "customer@example.com", "customer-demo", "/orders",
            [
                "/orders", "/orders?filter=all", "/orders/new", "/orders/RS-7K2M-9QXD", "/orders/RS-4HJT-2B8N/intake",
                "/orders/RS-4HJT-2B8N/questions", "/orders/RS-4HJT-2B8N/summary", "/orders/RS-4HJT-2B8N/discard",
                "/orders/RS-Q3V5-K8MZ/intake", "/account/tokens", "/account/settings", "/track",
            ]
        ),
        (
            "reseller@example.com", "reseller-demo", "/orders",
            [
                "/orders", "/shipments", "/shipments/{shipment}", "/shipments/{confirmedShipment}",
                "/shipments/{confirmedShipment}/packing-list",
            ]
        ),
        (
            "agent@example.com", "agent-demo", "/staff/orders",
            ["/staff/orders", "/staff/orders?status=all", "/staff/orders/RS-7K2M-9QXD", "/staff/orders/RS-Q3V5-K8MZ"]
        ),
        (
            "admin@example.com", "admin-demo", "/staff/orders",
            [
                "/admin", "/admin/locations", "/admin/locations/1", "/admin/locations/new", "/admin/methods",
                "/admin/models", "/admin/models/1", "/admin/tasks", "/admin/tasks/1", "/admin/tasks/new",
                "/admin/customers", "/admin/customers/1", "/admin/customers/new", "/admin/accounts",
                "/admin/templates", "/admin/audit", "/admin/outbox", "/account/settings",
            ]
        ),
    ]

    @Test(
        .enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason),
        arguments: [("pl", "Europe/Warsaw"), ("ru", "Europe/Moscow")])
    func everyPageOfEveryRoleIsInTheLanguage(language: String, zone: String) async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        let harness = try PortalHarness(shop: ShopSettings(language: language, timeZone: zone))
        let values = try Self.makeWorld(harness)
        let english = try Self.englishOnlyWords(against: language)
        let base = "http://127.0.0.1:\(harness.port)"
        try await WebDriver.withBrowser { browser in
            for role in Self.pagesByRole {
                if let email = role.email {
                    try await AdminBrowserTests.signIn(browser, base: base, email, role.password, landing: role.landing)
                } else {
                    _ = try await browser.command("DELETE", "/cookie")
                }
                // Chromium asks for English in Accept-Language; the visitors' switch (a cookie) asks for the language.
                try await browser.navigate(to: base + "/language/\(language)?return=/")
                for template in role.paths {
                    var path = template
                    for (name, value) in values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                    try await browser.navigate(to: base + path)
                    let text = try await browser.title() + "\n" + browser.element("body").text()
                    let found = Self.words(in: Self.interfaceText(text)).intersection(english)
                    #expect(found.isEmpty, "\(language) \(role.email ?? "visitor") \(path): \(found.sorted())")
                }
            }
        }
    }

    @Test(.enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason))
    func screenshotsAtBothSizes() async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        for language in ["pl", "ru"] {
            let harness = try PortalHarness(shop: ShopSettings(language: language, timeZone: "Europe/Warsaw"))
            let base = "http://127.0.0.1:\(harness.port)"
            try await WebDriver.withBrowser { browser in
                try await browser.navigate(
                    to: base + "/language/\(language)?return=/track%3Fnumber%3DRS-7K2M-9QXD%26surname%3Dlukasiewicz")
                try await browser.saveScreenshot("i18n-\(language)-tracking")
                try await AdminBrowserTests.signIn(
                    browser, base: base, "customer@example.com", "customer-demo", landing: "/orders")
                try await browser.navigate(to: base + "/language/\(language)?return=/orders")
                try await browser.saveScreenshot("i18n-\(language)-orders")
                try await browser.navigate(to: base + "/account/settings")
                try await browser.saveScreenshot("i18n-\(language)-settings")
            }
        }
    }

    /// Shipments for the reseller's pages and a tracking link, as the access table's world makes them.
    static func makeWorld(_ harness: PortalHarness) throws -> [String: String] {
        let store = harness.store
        guard let reseller = try store.user(id: 2) else { throw HarnessError("no reseller") }
        func ship(_ number: String) throws -> Shipment {
            try store.createShipment(orderNumbers: [#require(OrderNumber(number))], by: reseller, at: Date())
        }
        var values: [String: String] = [:]
        values["shipment"] = String(try ship("RS-9PWX-6T1C").id)
        let confirmed = try store.confirmShipment(
            id: try ship("RS-8NRS-5VYA").id, parcelCount: 1, weightKg: nil, by: reseller, at: Date())
        values["confirmedShipment"] = String(confirmed.id)
        values["trackingToken"] = String(
            harness.portal.trackingPath(for: try #require(OrderNumber("RS-7K2M-9QXD"))).dropFirst(3))
        return values
    }
}
