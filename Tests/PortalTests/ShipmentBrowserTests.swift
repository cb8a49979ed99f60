import Foundation
import Testing

@testable import Portal

/// The reseller's shipment flow in a real headless Chromium, without JavaScript: forms only.
@Suite("Shipments in a headless browser", .serialized)
struct ShipmentBrowserTests {
    @Test(.enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason), .timeLimit(.minutes(2)))
    func resellerCreatesConfirmsAndPrintsAShipment() async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        let harness = try PortalHarness()
        let base = "http://127.0.0.1:\(harness.port)"
        try await WebDriver.withBrowser { browser in
            try await browser.navigate(to: base + "/login?next=/shipments")
            try await browser.element("#field-email").sendKeys("reseller@example.com")
            try await browser.element("#field-password").sendKeys("reseller-demo")
            try await browser.element("form[action='/login'] button[type=submit]").click()
            // With the port: the login page's own URL (`…?next=/shipments`) also ends in "/shipments".
            try await browser.waitForURL(endingWith: ":\(harness.port)/shipments")
            #expect(
                try await browser.element("section.shipment-group h3").text()
                    == "Warszawa Centrum — Courier (DPD) (2 orders)")

            try await browser.element("#field-order-RS-9PWX-6T1C").click()
            try await browser.element("#field-order-RS-2DFG-H7JK").click()
            try await browser.element("section.shipment-group button[type=submit]").click()
            try await browser.waitForURL(endingWith: "/shipments/1")

            let parcels = try await browser.element("#field-parcelCount")
            try await parcels.clear()
            try await parcels.sendKeys("2")
            try await browser.element("#field-weightKg").sendKeys("4,5")
            try await browser.element("form[action='/shipments/1/confirm'] button[type=submit]").click()
            try await browser.waitForElement("a[download]")
            let summary = try await browser.element("dl.summary").text()
            #expect(summary.contains("Confirmed — ready for pickup") && summary.contains("4.5 kg"))
            #expect(try await browser.elements("a[download]").count == 4)

            try await browser.element("a[href='/shipments/1/packing-list']").click()
            try await browser.waitForURL(endingWith: "/shipments/1/packing-list")
            #expect(try await browser.title() == "Packing list SH-000001 — repairshop")
            #expect(try await browser.element("p.totals").text() == "Orders: 2 · Parcels: 2 · Weight: 4.5 kg")
            try await browser.saveScreenshot("shipment-packing-list")
        }
        #expect(try harness.store.shipment(id: 1)?.status == .confirmed)
    }
}
