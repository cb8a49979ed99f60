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
        if let authorization = request.headers["Authorization"] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw Problem.unauthorized("bearer_header")
            }
            let tokens = APITokenStore(store: store)
            guard let userID = try tokens.userID(token: String(parts[1]), at: now()),
                let user = try store.user(id: userID), user.isActive
            else { throw Problem.unauthorized("token_unknown") }
            return Viewer(user: user, sessionTokenHash: nil, csrfToken: nil)
        }
        guard let token = request.cookies[Self.sessionCookieName], !token.isEmpty else { return nil }
        let hash = SecureToken.storageHash(token)
        guard let userID = try sessions.userID(tokenHash: hash, at: now()),
            let user = try store.user(id: userID), user.isActive
        else { return nil }
        return Viewer(
            user: user, sessionTokenHash: hash, csrfToken: CSRFToken.make(secret: secret, sessionTokenHash: hash))
    }

    /// The signed-in viewer, or 401; with `roles`, 403 for anyone else.
    public func requireViewer(_ request: HTTPRequest, roles: Set<User.Role>? = nil) throws -> Viewer {
        guard let viewer = try viewer(for: request) else { throw Problem.unauthorized() }
        if let roles, !roles.contains(viewer.user.role) {
            throw Problem.forbidden("role", ["roles": .list(roles.map(\.rawValue).sorted())])
        }
        return viewer
    }

    /// Checks the CSRF token of a form posted by a browser session; API-token requests carry none.
    public func verifyCSRF(_ fields: [String: String], viewer: Viewer) throws {
        guard let hash = viewer.sessionTokenHash else { return }
        guard let token = fields[Form.csrfFieldName],
            CSRFToken.isValid(token, secret: secret, sessionTokenHash: hash)
        else { throw Problem.csrf }
    }

    /// The CSRF token for an anonymous form, and the cookie to set when the browser has none yet.
    func anonymousFormToken(_ request: HTTPRequest) -> (token: String, cookie: SetCookie?) {
        if let value = request.cookies[Self.formCookieName], value.count == SecureToken.textLength {
            return (CSRFToken.make(secret: secret, sessionTokenHash: SecureToken.storageHash(value)), nil)
        }
        let value = SecureToken.make()
        let cookie = SetCookie(
            name: Self.formCookieName, value: value, path: "/", maxAge: nil, httpOnly: true,
            secure: configuration.isCookieSecure, sameSite: .lax)
        return (CSRFToken.make(secret: secret, sessionTokenHash: SecureToken.storageHash(value)), cookie)
    }

    /// Checks the CSRF token of an anonymous form against the browser's form cookie.
    func verifyAnonymousCSRF(_ request: HTTPRequest, fields: [String: String]) throws {
        guard let value = request.cookies[Self.formCookieName], let token = fields[Form.csrfFieldName],
            CSRFToken.isValid(token, secret: secret, sessionTokenHash: SecureToken.storageHash(value))
        else { throw Problem.csrf }
    }

    /// Decoded form fields of a POST, with its CSRF token checked for `viewer`.
    public func postedForm(_ request: HTTPRequest, viewer: Viewer) throws -> [String: String] {
        let fields = try request.formDictionary()
        try verifyCSRF(fields, viewer: viewer)
        return fields
    }

    /// A JSON write made with a browser session (not an API token) must carry the session's CSRF token
    /// in `X-CSRF-Token`: one rule for every `/api/` route, whatever its body.
    func checkAPIWriteFromBrowser(_ request: HTTPRequest) throws {
        guard Self.isAPIRequest(request), request.method != .get, request.method != .head,
            request.headers["Authorization"] == nil, request.cookies[Self.sessionCookieName] != nil,
            let viewer = try viewer(for: request)
        else { return }
        try verifyCSRF([Form.csrfFieldName: request.headers["X-CSRF-Token"] ?? ""], viewer: viewer)
    }
}
