import Foundation
import RepairCore
import Testing

@testable import Portal

/// The whole customer journey in a real headless Chromium at phone size: sign in, the four wizard
/// steps by typing and clicking, the order page, sign out, then anonymous tracking of the new order.
@Suite("Wizard end to end in a headless browser", .serialized)
struct WizardBrowserTests {
    /// How many times a page is polled for after a click before the test gives up (with `pollInterval`).
    static let maxPolls = 100
    /// Pause between polls: the form posts and redirects on loopback, so this is rarely needed at all.
    static let pollInterval: Duration = .milliseconds(100)

    /// Waits until the browser shows a page whose path ends with `suffix`; returns the path.
    @discardableResult
    static func waitForPath(_ browser: WebDriver, endingWith suffix: String) async throws -> String {
        try await waitForPath(browser, "ending with \(suffix)") { $0.hasSuffix(suffix) }
    }

    /// Waits until the browser shows a page whose path satisfies `isExpected`; returns the path.
    @discardableResult
    static func waitForPath(
        _ browser: WebDriver, _ what: String, _ isExpected: (String) -> Bool
    ) async throws -> String {
        var path = ""
        for _ in 0..<maxPolls {
            path = URL(string: try await browser.currentURL())?.path ?? ""
            if isExpected(path) { return path }
            try await Task.sleep(for: pollInterval)
        }
        throw WebDriverError.setup("the browser stayed on \(path), expected a path \(what)")
    }

    /// Waits until an element matching `selector` is in the page (after a post that stays on the same path).
    static func waitForElement(_ browser: WebDriver, _ selector: String) async throws -> WebDriverElement {
        for _ in 0..<maxPolls {
            if let element = try await browser.elements(selector).first { return element }
            try await Task.sleep(for: pollInterval)
        }
        throw WebDriverError.setup("no element \(selector) appeared")
    }

    /// Clicks the submit button of the main form (the header's sign-out form is not in `main`).
    static func submit(_ browser: WebDriver) async throws {
        try await browser.element("main form button[type=submit]").click()
    }

    /// Saves a screenshot for a person to look at; nothing compares them.
    static func save(_ browser: WebDriver, _ name: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-\(name).png")
        try await browser.screenshot().write(to: file)
        print("Screenshot: \(file.path)")
    }

    /// Saves the page's top, then scrolls to its end and saves that too (a phone screen shows only part of it).
    static func saveWholePage(_ browser: WebDriver, _ name: String) async throws {
        try await save(browser, name)
        _ = try await browser.command(
            "POST", "/execute/sync",
            ["script": "window.scrollTo(0, document.documentElement.scrollHeight)", "args": [Any]()])
        try await save(browser, name + "-end")
    }

    @Test(.enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason), .timeLimit(.minutes(2)))
    func customerGoesThroughTheWizardAndTracksTheOrder() async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        let harness = try PortalHarness()
        let base = "http://127.0.0.1:\(harness.port)"
        try await WebDriver.withBrowser { browser in
            // Sign in.
            try await browser.navigate(to: base + "/login")
            try await browser.element("#field-email").sendKeys("customer@example.com")
            try await browser.element("#field-password").sendKeys("customer-demo")
            try await Self.submit(browser)
            try await Self.waitForPath(browser, endingWith: "/orders")
            #expect(
                try await browser.element("td[data-label=Number] a[href=\"/orders/RS-4HJT-2B8N\"]").text()
                    == "RS-4HJT-2B8N")
            try await Self.save(browser, "0-my-orders")

            // Step 1: device, location, method; the contact is prefilled.
            try await browser.element("main a[href=\"/orders/new\"]").click()
            try await Self.waitForPath(browser, endingWith: "/orders/new")
            #expect(try await browser.element("[aria-current=step]").text() == "Device")
            #expect(try await browser.element("#field-contactSurname").value() == "Łukasiewicz")
            try await browser.element("#field-modelID option[value=\"1\"]").click()
            try await browser.element("#field-fault").sendKeys("The screen stays black after a fall.")
            try await browser.element("label[for=field-locationID-0]").click()
            try await browser.element("#field-methodID option[value=\"1\"]").click()
            // Forgetting the serial brings the page back with the error beside the field and the rest kept.
            try await Self.submit(browser)
            #expect(try await Self.waitForElement(browser, "#field-serial-error").text() == "This field is required")
            #expect(try await browser.element("#field-fault").value() == "The screen stays black after a fall.")
            #expect(try await browser.element("#field-locationID-0").isSelected())
            try await Self.save(browser, "1-intake-error")
            try await browser.element("#field-serial").sendKeys("356789104523999")
            try await Self.submit(browser)

            // Step 2: the questions for an iPhone 13.
            try await Self.waitForPath(browser, endingWith: "/questions")
            #expect(try await browser.element("[aria-current=step]").text() == "Questions")
            // Going back through the step indicator keeps what was entered.
            try await browser.element("ol.steps li.done a").click()
            try await Self.waitForPath(browser, endingWith: "/intake")
            #expect(try await browser.element("#field-serial").value() == "356789104523999")
            #expect(try await browser.element("#field-locationID-0").isSelected())
            try await Self.submit(browser)
            try await Self.waitForPath(browser, endingWith: "/questions")
            try await browser.element("label[for=field-answer-1-0]").click()
            try await browser.element("#field-answer-2").sendKeys("none")
            try await Self.saveWholePage(browser, "2-questions")
            try await Self.submit(browser)

            // Step 3: the summary with the turnaround; step 4: approve.
            try await Self.waitForPath(browser, endingWith: "/summary")
            #expect(try await browser.element(".turnaround").text() == "Expected turnaround: 5 working days")
            try await Self.saveWholePage(browser, "3-summary")
            let approve = try await browser.element("main form button[type=submit]")
            #expect(try await approve.text() == "Approve service order")
            try await approve.click()

            // The order page: read the new number from it.
            try await Self.waitForPath(browser, "of an order page") {
                $0.hasPrefix("/orders/RS-") && !$0.hasSuffix("/summary")
            }
            #expect(try await browser.element(".status").text() == "Submitted")
            #expect(try await browser.element(".flash-notice").text().contains("Service order approved"))
            let number = try await browser.element("dl.summary dd").text()
            let orderNumber = try #require(OrderNumber(number))
            #expect(try harness.store.order(number: orderNumber)?.status == .submitted)
            try await Self.saveWholePage(browser, "4-order")

            // Sign out, then track anonymously with the surname in upper case and without diacritics.
            try await browser.element(".sign-out button").click()
            try await Self.waitForPath(browser, endingWith: "/")
            #expect(try await browser.elements(".user-name").isEmpty)
            try await browser.navigate(to: base + "/track")
            try await browser.element("input[name=number]").sendKeys(number)
            try await browser.element("input[name=surname]").sendKeys("LUKASIEWICZ")
            try await Self.submit(browser)
            // Depends on the tracking page (issue 4, the other half): `GET /track` with `number` and
            // `surname`, answering with `dl.tracking dd.status`.
            #expect(try await Self.waitForElement(browser, "dl.tracking dd.status").text() == "Submitted")
            try await Self.save(browser, "5-tracking")
        }
    }
}
