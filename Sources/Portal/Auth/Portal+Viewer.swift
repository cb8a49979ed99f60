import HTMLKit
import HTTPServer
import RepairCore
import WebSecurity

extension Portal {
    /// The session cookie: HttpOnly, SameSite=Lax, Secure when configured.
    static let sessionCookieName = "rs_session"
    /// A random per-browser value that anonymous forms (sign-in) bind their CSRF token to.
    static let formCookieName = "rs_form"

    /// Who is asking: a live session cookie or a live API token of an active user; nil when anonymous.
    ///
    /// A request that presents a bad token is refused rather than treated as anonymous, so a
    /// client with an expired token learns it at once.
    public func viewer(for request: HTTPRequest) throws -> Viewer? {
        viewerLookUps.add(1, ordering: .relaxed)
        if let authorization = request.headers["Authorization"] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw Problem.unauthorized("bearer_header")
            }
            let tokens = APITokenStore(store: store)
            guard let userID = try tokens.userID(token: String(parts[1]), at: now()),
                let user = try store.user(id: userID), user.isActive
            else { throw Problem.unauthorized("token_unknown") }
            return Viewer(
                user: user, sessionTokenHash: nil, csrfToken: nil,
                preferences: try store.userPreferences(userID: user.id) ?? UserPreferences())
        }
        guard let token = request.cookies[Self.sessionCookieName], !token.isEmpty else { return nil }
        let hash = SecureToken.storageHash(token)
        guard let userID = try sessions.userID(tokenHash: hash, at: now()),
            let user = try store.user(id: userID), user.isActive
        else { return nil }
        return Viewer(
            user: user, sessionTokenHash: hash, csrfToken: CSRFToken.make(secret: secret, sessionTokenHash: hash),
            preferences: try store.userPreferences(userID: user.id) ?? UserPreferences())
    }

    /// The session cookie: its name, the sessions' lifetime, Secure when configured.
    var sessionCookie: SessionCookie {
        SessionCookie(
            name: Self.sessionCookieName, maxAge: Int(configuration.sessionLifetime),
            isSecure: configuration.isCookieSecure)
    }

    /// The CSRF tokens of anonymous forms (sign-in, account confirmation).
    var anonymousForms: AnonymousForms {
        AnonymousForms(secret: secret, isCookieSecure: configuration.isCookieSecure)
    }

    /// A JSON write made with a browser session (not an API token) must carry the session's CSRF token
    /// in `X-CSRF-Token`: one rule for every `/api/` route, whatever its body.
    func checkAPIWriteFromBrowser(_ context: RequestContext) throws {
        let request = context.request
        guard Self.isAPIRequest(request), request.method != .get, request.method != .head,
            request.headers["Authorization"] == nil, request.cookies[Self.sessionCookieName] != nil,
            let viewer = context.viewer
        else { return }
        try viewer.verifyCSRF([Form.csrfFieldName: request.headers["X-CSRF-Token"] ?? ""])
    }
}

/// Posted forms with their CSRF token checked: for the portal and its feature controllers alike.
protocol FormHandling {}

extension Portal: FormHandling {}

extension FormHandling {
    /// Decoded form fields of a POST, with its CSRF token checked for `viewer`.
    func postedForm(_ request: HTTPRequest, viewer: Viewer) throws -> [String: String] {
        let fields = try request.formDictionary()
        try viewer.verifyCSRF(fields)
        return fields
    }
}
