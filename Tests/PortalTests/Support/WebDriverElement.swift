/// An element found in the page; valid until the page changes.
struct WebDriverElement: Sendable {
    /// The session the element belongs to.
    let browser: WebDriver
    /// The driver's reference for the element.
    let id: String

    /// Types `text` into the element (appending to what is there).
    func sendKeys(_ text: String) async throws {
        _ = try await browser.command("POST", "/element/\(id)/value", ["text": text])
    }

    /// Empties an input or text area.
    func clear() async throws {
        _ = try await browser.command("POST", "/element/\(id)/clear", [:])
    }

    /// Clicks the element's centre, scrolling it into view first.
    func click() async throws {
        _ = try await browser.command("POST", "/element/\(id)/click", [:])
    }

    /// The rendered text, as a person sees it.
    func text() async throws -> String {
        try browser.string(await browser.command("GET", "/element/\(id)/text"), "text of \(id)")
    }

    /// A DOM property (`value`, `checked`…), or nil when unset.
    func property(_ name: String) async throws -> String? {
        let value = try await browser.command("GET", "/element/\(id)/property/\(name)")
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        default: return nil
        }
    }

    /// An HTML attribute, or nil when absent.
    func attribute(_ name: String) async throws -> String? {
        try await browser.command("GET", "/element/\(id)/attribute/\(name)") as? String
    }

    /// The current value of an input, select or text area.
    func value() async throws -> String {
        try await property("value") ?? ""
    }

    /// True for a checked radio button or checkbox, or a selected option.
    func isSelected() async throws -> Bool {
        try await browser.command("GET", "/element/\(id)/selected") as? Bool ?? false
    }
}
