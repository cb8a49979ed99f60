import Foundation
import HTMLKit
import Testing

@testable import Portal

/// Drives a real headless Chromium through chromedriver against a page built by `Layout` and `Form`.
@Suite("Headless browser smoke test", .serialized)
struct BrowserSmokeTests {
    /// A signed-in order form, with one server-side error, hostile text, and the stylesheet inlined
    /// (a `data:` page cannot fetch `/static/style.css`).
    static func makeSmokePage() -> String {
        let layout = Layout(
            links: [
                NavigationLink("My orders", path: "/orders"),
                NavigationLink("New order", path: "/orders/new", isCurrent: true),
                NavigationLink("Track", path: "/track"),
            ],
            userName: "Anna Łukasiewicz", csrfToken: "csrf-test-token")
        let fields: HTML = """
            \(Form.select(
                name: "location", label: "Service location",
                options: [FormOption(value: "krk", label: "Kraków"), FormOption(value: "waw", label: "Warszawa")],
                required: true))
            \(Form.textField(name: "serial", label: "Serial number or IMEI", error: "Serial number is required", required: true, hint: "Dial *#06# on a phone"))
            \(Form.textArea(name: "fault", label: "What is wrong?", required: true))
            \(Form.numberField(name: "weight", label: "Parcel weight (g)", minimum: 1, maximum: 30000))
            \(Form.yesNo(name: "backup", label: "Is your data backed up?", required: true))
            <div class="actions">\(Form.submitButton("Next: questions"))</div>
            """
        let steps = StepIndicator(
            steps: [
                .init("Device", path: "/orders/new"), .init("Questions", path: "/orders/new/questions"),
                .init("Summary", path: "/orders/new/summary"), .init("Approve", path: "/orders/new/approve"),
            ],
            currentIndex: 0)
        let content: HTML = """
            \(steps.html)
            \(Form.form(action: "/orders/new", csrfToken: "csrf-test-token", content: fields))
            <h2>Recent orders</h2>
            \(Table(columns: ["Number", "Device", "Status"], rows: [[.text("RS-7K2M-9QXD"), .text("Phone <X>"), .text("in repair")]]).html)
            """
        let page = layout.render(
            title: "New order", flash: Flash(.error, "<b>Check</b> the marked fields"), content: content)
        return page.rendered.replacingOccurrences(
            of: "<link rel=\"stylesheet\" href=\"/static/style.css\">", with: "<style>\(Stylesheet.css)</style>")
    }

    static func dataURL(_ html: String) -> String {
        "data:text/html;charset=utf-8," + html.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }


    @Test(.enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason), .timeLimit(.minutes(2)))
    func formIsUsableInHeadlessChromium() async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        try await WebDriver.withBrowser { browser in
            try await browser.navigate(to: Self.dataURL(Self.makeSmokePage()))
            try await browser.saveScreenshot("portal-smoke-top")
            #expect(try await browser.title() == "New order · repairshop")
            #expect(try await browser.currentURL().hasPrefix("data:text/html"))
            #expect(try await browser.elements("script").isEmpty)

            // Hostile text arrives as text, not markup.
            #expect(try await browser.element(".flash-error").text() == "<b>Check</b> the marked fields")
            #expect(try await browser.elements(".flash-error b").isEmpty)
            #expect(try await browser.element(".user-name").text() == "Anna Łukasiewicz")
            #expect(try await browser.element("[aria-current=step]").text() == "Device")

            let serial = try await browser.element("#field-serial")
            try await serial.sendKeys("356938035643809")
            #expect(try await serial.value() == "356938035643809")
            #expect(try await serial.attribute("aria-describedby") == "field-serial-hint field-serial-error")
            #expect(try await browser.element("#field-serial-error").text() == "Serial number is required")
            #expect(try await browser.element("label[for=field-serial]").text() == "Serial number or IMEI *")

            let fault = try await browser.element("#field-fault")
            try await fault.sendKeys("Cracked screen, żadnego dotyku")
            #expect(try await fault.value() == "Cracked screen, żadnego dotyku")
            try await fault.clear()
            #expect(try await fault.value() == "")

            try await browser.element("#field-location option[value=waw]").click()
            #expect(try await browser.element("#field-location").value() == "waw")

            let weight = try await browser.element("#field-weight")
            try await weight.sendKeys("250")
            #expect(try await weight.value() == "250")

            try await browser.element("label[for=field-backup-1]").click()
            #expect(try await browser.element("#field-backup-1").isSelected())
            #expect(try await !browser.element("#field-backup-0").isSelected())

            #expect(try await browser.element("input[name=csrf_token]").value() == "csrf-test-token")
            let deviceCell = try await browser.element("td[data-label=Device]").text()
            #expect(deviceCell == "Phone <X>")

            #expect(try await browser.screenshot().starts(with: [0x89, 0x50, 0x4E, 0x47]))
            try await browser.saveScreenshot("portal-smoke-filled")
        }
    }

    @Test(.enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason), .timeLimit(.minutes(2)))
    func driverErrorsAreReportedNotHung() async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        try await WebDriver.withBrowser { browser in
            try await browser.navigate(to: Self.dataURL("<p>empty</p>"))
            let error = await #expect(throws: WebDriverError.self) { try await browser.element("#missing") }
            #expect("\(error.map { "\($0)" } ?? "")".contains("no such element"))
        }
    }
}
