import HTMLKit
import RepairCore
import WebSecurity

/// Who is making a request: a signed-in user, by browser session or by API token.
public struct Viewer: Sendable {
    public var user: User
    /// SHA-256 of the session token for a browser session; nil for an API-token request.
    public var sessionTokenHash: String?
    /// The CSRF token forms of this session must carry; nil for an API-token request (no cookies, no CSRF).
    public var csrfToken: String?
    /// What the user chose on the settings page; the defaults when they chose nothing.
    public var preferences = UserPreferences()

    /// Whether the request came with an API token rather than a session cookie.
    public var isAPIClient: Bool { sessionTokenHash == nil }

    /// Checks the CSRF token of a form posted by this browser session (compared in constant time with the
    /// session's token, which the server secret made); API-token requests carry none.
    public func verifyCSRF(_ fields: [String: String]) throws(Problem) {
        guard let expected = csrfToken else { return }
        guard let presented = fields[Form.csrfFieldName].flatMap(Base64URL.decode),
            let expectedBytes = Base64URL.decode(expected), ConstantTime.isEqual(presented, expectedBytes)
        else { throw Problem.csrf }
    }
}
