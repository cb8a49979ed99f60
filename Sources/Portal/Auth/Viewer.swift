import RepairCore

/// Who is making a request: a signed-in user, by browser session or by API token.
public struct Viewer: Sendable {
    public var user: User
    /// SHA-256 of the session token for a browser session; nil for an API-token request.
    public var sessionTokenHash: String?
    /// The CSRF token forms of this session must carry; nil for an API-token request (no cookies, no CSRF).
    public var csrfToken: String?

    /// Whether the request came with an API token rather than a session cookie.
    public var isAPIClient: Bool { sessionTokenHash == nil }
}
