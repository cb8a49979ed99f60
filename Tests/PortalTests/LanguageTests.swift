import Foundation
import HTTPServer
import HTTPTesting
import LabelTemplates
import Localization
import RepairCore
import Testing

@testable import Portal

/// Which language and zone a request is answered in, and the Polish and Russian words themselves.
@Suite("Languages: resolution, switch, plurals, dates")
struct LanguageTests {
    static let trackQuery = "/track?number=RS-7K2M-9QXD&surname=lukasiewicz"

    @Test(
        arguments: [
            ("pl-PL,pl;q=0.9,en;q=0.8", "pl"), ("ru;q=0.5, pl;q=0.7", "pl"), ("de-DE, ru;q=0.3", "ru"),
            ("en-GB", "en"), ("*", "en"), ("de, fr;q=0.9", nil), ("ru;q=0, en;q=0.1", "en"), ("", nil),
            ("pl;q=abc, ru", "ru"),
        ] as [(String, String?)])
    func acceptLanguageHonoursWeights(header: String, expected: String?) {
        #expect(AcceptLanguage.best(in: header, of: ["en", "pl", "ru"]) == expected)
    }

    @Test func pluralsFollowCLDR() {
        let polish = Localizer.of("pl")
        let russian = Localizer.of("ru")
        let english = Localizer.of("en")
        func days(_ localizer: Localizer, _ n: Int) -> String {
            localizer.text("count.working_days", ["count": .number(n)])
        }
        #expect(
            [1, 2, 5, 22, 12, 112].map { days(polish, $0) } == [
                "1 dzień roboczy", "2 dni robocze", "5 dni roboczych", "22 dni robocze", "12 dni roboczych",
                "112 dni roboczych",
            ])
        #expect(
            [1, 2, 5, 21, 11, 104].map { days(russian, $0) } == [
                "1 рабочий день", "2 рабочих дня", "5 рабочих дней", "21 рабочий день", "11 рабочих дней",
                "104 рабочих дня",
            ])
        #expect([1, 2].map { days(english, $0) } == ["1 working day", "2 working days"])
    }

    @Test func shopDefaultIsPolishWithoutAnyChoice() throws {
        let harness = try PortalHarness(shop: ShopSettings(language: "pl", timeZone: "Europe/Warsaw"))
        let page = try harness.client().request(.get, Self.trackQuery)
        #expect(page.status == 200)
        #expect(page.text.contains("<html lang=\"pl\">"))
        #expect(page.text.contains("Śledzenie zlecenia"))
        #expect(page.text.contains("W naprawie"))
        #expect(page.text.contains("Przewidywany czas realizacji"))
        #expect(page.text.contains("dni roboczych") || page.text.contains("dni robocze"))
        let json = try harness.client().request(.get, "/api/v1" + Self.trackQuery.dropFirst(0))
        #expect(json.status == 200)
        #expect(json.text.contains("\"statusLabel\":\"W naprawie\""))
    }

    @Test func acceptLanguageBeatsTheShopDefault() throws {
        let harness = try PortalHarness(shop: ShopSettings(language: "pl", timeZone: "Europe/Warsaw"))
        let page = try harness.client().request(.get, Self.trackQuery, headers: ["Accept-Language": "ru-RU,ru;q=0.9"])
        #expect(page.text.contains("<html lang=\"ru\">"))
        #expect(page.text.contains("Отследить заявку"))
        #expect(page.text.contains("В ремонте"))
        #expect(page.text.contains("Ожидаемый срок ремонта"))
    }

    @Test func theSwitchSetsACookieAndReturnsToTheSamePage() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let english = try client.request(.get, Self.trackQuery)
        #expect(
            english.text.contains("href=\"/language/ru?return=/track%3Fnumber%3DRS-7K2M-9QXD%26surname%3Dlukasiewicz\"")
        )
        let switched = try client.request(
            .get, "/language/ru?return=/track%3Fnumber%3DRS-7K2M-9QXD%26surname%3Dlukasiewicz")
        #expect(switched.status == 303)
        #expect(switched.headers["Location"] == "/track?number=RS-7K2M-9QXD&surname=lukasiewicz")
        #expect(client.cookies[Portal.languageCookieName] == "ru")
        let russian = try client.request(.get, Self.trackQuery, headers: ["Accept-Language": "pl"])
        #expect(russian.text.contains("В ремонте"), "the switch beats the browser's header")
        #expect(russian.text.contains("<strong lang=\"ru\" aria-current=\"true\">Русский</strong>"))
    }

    @Test(arguments: ["//evil.example/", "https://evil.example/", "/\t/evil.example", "javascript:alert(1)"])
    func theSwitchFollowsOnlyLocalPaths(target: String) throws {
        let harness = try PortalHarness()
        let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let response = try harness.client().request(.get, "/language/pl?return=\(encoded)")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/")
    }

    @Test func anUnknownLanguageIsRefusedInTheVisitorsLanguage() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let response = try client.request(.get, "/language/de?return=/", headers: ["Accept-Language": "pl"])
        #expect(response.status == 422)
        #expect(response.text.contains("data-problem=\"invalid_field\""))
        #expect(response.text.contains("musi mieć jedną z wartości: en, pl, ru"))
        #expect(client.cookies[Portal.languageCookieName] == nil)
    }

    @Test func apiMessagesFollowAcceptLanguageAndCodesStay() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let polish = try client.request(.get, "/api/v1/track?number=&surname=x", headers: ["Accept-Language": "pl"])
        let russian = try client.request(.get, "/api/v1/track?number=&surname=x", headers: ["Accept-Language": "ru"])
        let english = try client.request(.get, "/api/v1/track?number=&surname=x")
        #expect(polish.status == 400 && russian.status == 400 && english.status == 400)
        #expect(polish.text.contains("\"message\":\"Wpisz numer zlecenia.\""))
        #expect(russian.text.contains("\"message\":\"Введите номер заявки.\""))
        #expect(english.text.contains("\"message\":\"Enter the order number.\""))
        for response in [polish, russian, english] { #expect(response.text.contains("\"error\":\"bad_request\"")) }
    }

    @Test(arguments: ["pl", "ru"])
    func everyLanguagesLabelTemplatesParse(language: String) throws {
        let folder = LabelFolder(
            path: PortalHarness.fixturesURL.deletingLastPathComponent().appendingPathComponent("Labels").path)
        var sources: [String: String] = [:]
        for name in LabelTemplateSet.fileNames {
            let own = folder.path + "/\(language)/\(name)"
            #expect(FileManager.default.fileExists(atPath: own), "\(own) is missing")
            sources[name] = folder.source(name, language: language)
        }
        _ = try LabelTemplateSet(sources: sources, orderFields: IntakeField.packingListKeys)
    }

    @Test func shipmentDocumentsUseTheShopsLanguage() throws {
        let harness = try PortalHarness(shop: ShopSettings(language: "pl", timeZone: "Europe/Warsaw"))
        let reseller = try #require(try harness.store.user(id: 2))
        let draft = try harness.store.createShipment(
            orderNumbers: [try #require(OrderNumber("RS-8NRS-5VYA"))], by: reseller, at: Date())
        let shipment = try harness.store.confirmShipment(
            id: draft.id, parcelCount: 2, weightKg: nil, by: reseller, at: Date())
        let client = try harness.signedIn(.reseller)
        let text = try client.request(.get, "/shipments/\(shipment.id)/packing-list.txt")
        #expect(text.status == 200)
        #expect(text.text.contains("LIST PRZEWOZOWY") && text.text.contains("Zlecenia: 1    Paczki: 2"))
        let printable = try client.request(.get, "/shipments/\(shipment.id)/packing-list")
        #expect(printable.text.contains("List przewozowy") && printable.text.contains("<html lang=\"pl\">"))
    }

    @Test func datesAreShownInTheShopsZoneWithTheZoneNamed() throws {
        let harness = try PortalHarness(shop: ShopSettings(language: "pl", timeZone: "Europe/Warsaw"))
        let page = try harness.signedIn(.customer).request(.get, "/orders")
        #expect(page.status == 200)
        // Stored 2026-11-20 18:02 UTC; Warsaw is an hour ahead in November.
        #expect(page.text.contains("20.11.2026, 19:02 "))
        #expect(!page.text.contains("18:02"))
        #expect(page.text.contains("Moje zlecenia") && page.text.contains("W naprawie"))
    }
}
