import HTMLKit
import HTTPServer
import RepairCore
import WebSecurity

/// CSRF tokens for the forms of anonymous visitors (sign-in, account confirmation), bound to a random
/// per-browser cookie since there is no session to bind them to.
struct AnonymousForms: Sendable {
    /// Signs the tokens.
    let secret: ServerSecret
    /// Whether the form cookie is `Secure`.
    let isCookieSecure: Bool

    /// The CSRF token for an anonymous form, and the cookie to set when the browser has none yet.
    func token(for request: HTTPRequest) -> (token: String, cookie: SetCookie?) {
        if let value = request.cookies[Portal.formCookieName], value.count == SecureToken.textLength {
            return (CSRFToken.make(secret: secret, sessionTokenHash: SecureToken.storageHash(value)), nil)
        }
        let value = SecureToken.make()
        let cookie = SetCookie(
            name: Portal.formCookieName, value: value, path: "/", maxAge: nil, httpOnly: true,
            secure: isCookieSecure, sameSite: .lax)
        return (CSRFToken.make(secret: secret, sessionTokenHash: SecureToken.storageHash(value)), cookie)
    }

    /// Checks the CSRF token of an anonymous form against the browser's form cookie.
    func verify(_ request: HTTPRequest, fields: [String: String]) throws {
        guard let value = request.cookies[Portal.formCookieName], let token = fields[Form.csrfFieldName],
            CSRFToken.isValid(token, secret: secret, sessionTokenHash: SecureToken.storageHash(value))
        else { throw Problem.csrf }
    }
}
