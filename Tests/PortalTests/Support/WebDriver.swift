import Foundation

/// A minimal W3C WebDriver client for one headless Chromium session: navigate, find, type, click, read.
final class WebDriver: Sendable {
    /// Longest wait for any one driver command, page loads included.
    static let commandTimeout: TimeInterval = 30
    /// Window size of the session: a phone (iPhone 12–15 class), since the portal must work there.
    static let phoneWindow = (width: 390, height: 844)
    /// Window size of a desktop session (`Viewport.desktop`).
    static let desktopWindow = (width: 1280, height: 800)
    /// Chromium flags for a headless run inside containers and CI.
    static let chromiumArguments = [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=\(phoneWindow.width),\(phoneWindow.height)", "--hide-scrollbars",
    ]

    /// The screen a session emulates: a phone (the default) or a desktop window.
    enum Viewport: Sendable {
        case phone
        case desktop
    }
    // W3C WebDriver §12: the key under which an element reference travels.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    let driver: ChromeDriverProcess
    let sessionID: String

    /// Starts a driver and a browser session; pair with `quit()` (or use `withBrowser`).
    init(viewport: Viewport = .phone) async throws {
        driver = try await ChromeDriverProcess.start()
        var chromeOptions: [String: Any] = [
            "binary": BrowserEnvironment.chromiumPath, "args": Self.chromiumArguments,
            // Headless windows have a minimum width; device metrics give the real phone viewport.
            "mobileEmulation": [
                "deviceMetrics": [
                    "width": Self.phoneWindow.width, "height": Self.phoneWindow.height, "pixelRatio": 1,
                    "mobile": true, "touch": true,
                ]
            ],
        ]
        if viewport == .desktop {
            chromeOptions["mobileEmulation"] = nil
            chromeOptions["args"] =
                Self.chromiumArguments.filter { !$0.hasPrefix("--window-size=") }
                + ["--window-size=\(Self.desktopWindow.width),\(Self.desktopWindow.height)"]
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "timeouts": ["pageLoad": Int(Self.commandTimeout * 1000), "script": 5000, "implicit": 0],
                    "goog:chromeOptions": chromeOptions,
                ]
            ]
        ]
        do {
            let value = try await Self.send(driver.port, "POST", "/session", capabilities)
            guard let object = value as? [String: Any], let id = object["sessionId"] as? String else {
                throw WebDriverError.unexpectedResponse(method: "POST", path: "/session", detail: "\(value)")
            }
            sessionID = id
        } catch {
            driver.stop()
            print("chromedriver log: \(driver.logPath)")
            throw error
        }
    }

    /// Runs `body` with a fresh browser and always closes the browser and the driver afterwards.
    static func withBrowser<Result>(
        viewport: Viewport = .phone, _ body: (WebDriver) async throws -> Result
    ) async throws -> Result {
        let browser = try await WebDriver(viewport: viewport)
        do {
            let result = try await body(browser)
            await browser.quit()
            return result
        } catch {
            await browser.quit()
            throw error
        }
    }

    /// Ends the session (closing Chromium) and stops the driver; errors are ignored, the driver is killed anyway.
    func quit() async {
        _ = try? await command("DELETE", "")
        driver.stop()
        // The log matters only when a session cannot start (kept then, see init).
        try? FileManager.default.removeItem(atPath: driver.logPath)
    }

    /// Opens `url` and waits for the page to load.
    func navigate(to url: String) async throws {
        _ = try await command("POST", "/url", ["url": url])
    }

    /// The URL of the page shown.
    func currentURL() async throws -> String {
        try await string(command("GET", "/url"), "GET /url")
    }

    /// The page title.
    func title() async throws -> String {
        try await string(command("GET", "/title"), "GET /title")
    }

    /// The first element matching the CSS `selector`; throws `no such element` when there is none.
    func element(_ selector: String) async throws -> WebDriverElement {
        let value = try await command("POST", "/element", ["using": "css selector", "value": selector])
        return try makeElement(value, "POST /element \(selector)")
    }

    /// Every element matching the CSS `selector`, in document order.
    func elements(_ selector: String) async throws -> [WebDriverElement] {
        let value = try await command("POST", "/elements", ["using": "css selector", "value": selector])
        guard let list = value as? [Any] else {
            throw WebDriverError.unexpectedResponse(method: "POST", path: "/elements", detail: "\(value)")
        }
        return try list.map { try makeElement($0, "POST /elements \(selector)") }
    }

    /// Runs `script` in the page (W3C WebDriver §13.2.1) and returns what it returns, as JSON values.
    func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any {
        try await command("POST", "/execute/sync", ["script": script, "args": arguments])
    }

    /// A PNG screenshot of the viewport.
    func screenshot() async throws -> Data {
        let encoded = try await string(command("GET", "/screenshot"), "GET /screenshot")
        guard let data = Data(base64Encoded: encoded) else {
            throw WebDriverError.unexpectedResponse(method: "GET", path: "/screenshot", detail: "not base64")
        }
        return data
    }

    /// Sends one command of this session (`path` relative to `/session/{id}`) and returns its `value`.
    func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        try await Self.send(driver.port, method, "/session/\(sessionID)\(path)", body)
    }

    func string(_ value: Any, _ what: String) throws -> String {
        guard let text = value as? String else {
            throw WebDriverError.unexpectedResponse(method: "", path: what, detail: "expected a string, got \(value)")
        }
        return text
    }

    private func makeElement(_ value: Any, _ what: String) throws -> WebDriverElement {
        guard let object = value as? [String: Any], let id = object[Self.elementKey] as? String else {
            throw WebDriverError.unexpectedResponse(method: "", path: what, detail: "not an element: \(value)")
        }
        return WebDriverElement(browser: self, id: id)
    }

    // One HTTP exchange with the driver; W3C errors come back as {"value": {"error", "message"}}.
    static func send(_ port: Int, _ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any {
        let payload = method == "POST" ? Array(try JSONSerialization.data(withJSONObject: body ?? [:])) : nil
        let response = try await LoopbackHTTPClient.send(
            port: port, method: method, path: path, body: payload, timeout: commandTimeout)
        let status = response.status
        let data = Data(response.body)
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw WebDriverError.unexpectedResponse(
                method: method, path: path, detail: "\(status) \(String(decoding: data, as: UTF8.self))")
        }
        let value = json["value"] ?? NSNull()
        if status >= 400 || (value as? [String: Any])?["error"] != nil {
            let object = value as? [String: Any]
            throw WebDriverError.command(
                method: method, path: path, status: status, error: object?["error"] as? String ?? "unknown error",
                message: object?["message"] as? String ?? "")
        }
        return value
    }
}
