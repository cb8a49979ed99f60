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
            #expect(try await Self.waitForURL(base + "/shipments", in: browser))
            #expect(
                try await browser.element("section.shipment-group h3").text()
                    == "Warszawa Centrum — Courier (DPD) (2 orders)")

            try await browser.element("#field-order-RS-9PWX-6T1C").click()
            try await browser.element("#field-order-RS-2DFG-H7JK").click()
            try await browser.element("section.shipment-group button[type=submit]").click()
            #expect(try await Self.waitForURL(base + "/shipments/1", in: browser))

            let parcels = try await browser.element("#field-parcelCount")
            try await parcels.clear()
            try await parcels.sendKeys("2")
            try await browser.element("#field-weightKg").sendKeys("4,5")
            try await browser.element("form[action='/shipments/1/confirm'] button[type=submit]").click()
            #expect(try await Self.waitForElement("a[download]", in: browser))
            let summary = try await browser.element("dl.summary").text()
            #expect(summary.contains("Confirmed — ready for pickup") && summary.contains("4.5 kg"))
            #expect(try await browser.elements("a[download]").count == 4)

            try await browser.element("a[href='/shipments/1/packing-list']").click()
            #expect(try await Self.waitForURL(base + "/shipments/1/packing-list", in: browser))
            #expect(try await browser.title() == "Packing list SH-000001 — repairshop")
            #expect(try await browser.element("p.totals").text() == "Orders: 2 · Parcels: 2 · Weight: 4.5 kg")
            try BrowserSmokeTests.save(await browser.screenshot(), as: "shipment-packing-list.png")
        }
        #expect(try harness.store.shipment(id: 1)?.status == .confirmed)
    }

    /// Waits for a click's navigation to land (WebDriver's click may return before it does); false if it never does.
    static func waitForURL(_ url: String, in browser: WebDriver, attempts: Int = 50) async throws -> Bool {
        for _ in 0..<attempts {
            if try await browser.currentURL() == url { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Waits for an element to appear after a form posts back to the same address; false if it never does.
    static func waitForElement(_ selector: String, in browser: WebDriver, attempts: Int = 50) async throws -> Bool {
        for _ in 0..<attempts {
            if try await !browser.elements(selector).isEmpty { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
