import Foundation

// WebDriver's click may return before the navigation or the re-rendered page lands,
// so browser tests wait for what they expect instead of sleeping a fixed time.
extension WebDriver {
    /// How many times a page is polled before a wait gives up (with `pollInterval`: 10 s in all).
    static let maxPolls = 100
    /// Pause between two polls.
    static let pollInterval: Duration = .milliseconds(100)

    /// Waits until the URL satisfies `isExpected`; `what` describes it for the failure message.
    @discardableResult
    func waitForURL(_ what: String, _ isExpected: (URL) -> Bool) async throws -> URL {
        var current = ""
        for _ in 0..<Self.maxPolls {
            current = try await currentURL()
            if let url = URL(string: current), isExpected(url) { return url }
            try await Task.sleep(for: Self.pollInterval)
        }
        throw WebDriverError.setup("the browser stayed on \(current), expected a URL \(what)")
    }

    /// Waits until the whole URL, query included, ends with `suffix`.
    @discardableResult
    func waitForURL(endingWith suffix: String) async throws -> URL {
        try await waitForURL("ending with \(suffix)") { $0.absoluteString.hasSuffix(suffix) }
    }

    /// Waits until the URL's path ends with `suffix`, whatever its query.
    @discardableResult
    func waitForPath(endingWith suffix: String) async throws -> URL {
        try await waitForURL("whose path ends with \(suffix)") { $0.path.hasSuffix(suffix) }
    }

    /// Waits until an element matching `selector` is in the page (after a form posts back to the same URL).
    @discardableResult
    func waitForElement(_ selector: String) async throws -> WebDriverElement {
        for _ in 0..<Self.maxPolls {
            if let element = try await elements(selector).first { return element }
            try await Task.sleep(for: Self.pollInterval)
        }
        throw WebDriverError.setup("no element \(selector) appeared")
    }

    /// Clicks the submit button of the page's main form (the header's sign-out form is outside `main`).
    func submitMainForm() async throws {
        // The first visible one that goes on: a form may start with a hidden default button for the Enter key, and
        // side steps ("show methods", "back") are named `go`.
        try await element("main form button[type=submit]:not([hidden]):not([name=go])").click()
    }

    /// Saves a screenshot to the temporary folder for a person to look at; nothing compares them.
    func saveScreenshot(_ name: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).png")
        try await screenshot().write(to: file)
        print("Screenshot: \(file.path)")
    }
}
