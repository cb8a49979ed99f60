/// What went wrong talking to chromedriver, with the command and the driver's own message.
enum WebDriverError: Error, CustomStringConvertible {
    /// Starting the driver or preparing the environment failed.
    case setup(String)
    /// The driver answered a command with a W3C error (`no such element`, `timeout`, …).
    case command(method: String, path: String, status: Int, error: String, message: String)
    /// The driver's answer was not the JSON the W3C protocol describes.
    case unexpectedResponse(method: String, path: String, detail: String)

    var description: String {
        switch self {
        case .setup(let detail):
            "WebDriver setup: \(detail)"
        case .command(let method, let path, let status, let error, let message):
            "WebDriver \(method) \(path) → \(status) \(error): \(message.prefix(500))"
        case .unexpectedResponse(let method, let path, let detail):
            "WebDriver \(method) \(path): unexpected response: \(detail.prefix(500))"
        }
    }
}
