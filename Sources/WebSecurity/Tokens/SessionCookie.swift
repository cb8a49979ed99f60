/// The session cookie: `Set-Cookie` values with HttpOnly and SameSite=Lax, and reading the token back
/// from a `Cookie` header. Only the token's `SecureToken.storageHash` is ever stored server-side.
public struct SessionCookie: Sendable, Equatable {
    /// Cookie name used unless configured otherwise.
    public static let defaultName = "repairshop_session"
    /// Session lifetime in the browser: 12 hours, a working day with margin; the server enforces its own expiry.
    public static let defaultMaxAge = 12 * 60 * 60
    /// Longest `Cookie` header looked at, in bytes; a longer one finds no session.
    public static let maximumHeaderByteCount = 8 * 1024

    /// The cookie's name.
    public var name: String
    /// Seconds the browser keeps the cookie.
    public var maxAge: Int
    /// Adds `Secure` (send over HTTPS only); on when the portal is served over TLS or behind a TLS proxy.
    public var isSecure: Bool

    /// A cookie description; `name` must be a cookie token (letters, digits, `_`, `-`).
    public init(name: String = Self.defaultName, maxAge: Int = Self.defaultMaxAge, isSecure: Bool = false) {
        precondition(
            !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") },
            "a cookie name is letters, digits, _ and -")
        self.name = name
        self.maxAge = maxAge
        self.isSecure = isSecure
    }

    /// The `Set-Cookie` value that starts a session with `token` (from `SecureToken.make()`).
    public func setCookieValue(token: String) -> String {
        // RFC 6265 §4.1.1: HttpOnly keeps scripts away from it; SameSite=Lax stops cross-site POSTs carrying it.
        var value = "\(name)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax"
        if isSecure { value += "; Secure" }
        return value
    }

    /// The `Set-Cookie` value that ends the session in the browser (sign-out).
    public func expiredSetCookieValue() -> String {
        var value = "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        if isSecure { value += "; Secure" }
        return value
    }

    /// The session token in a `Cookie` request header, or nil when absent or not shaped like our tokens.
    public func token(fromCookieHeader header: String) -> String? {
        guard header.utf8.count <= Self.maximumHeaderByteCount else { return nil }
        // RFC 6265 §5.4: pairs separated by "; ". The first pair with our name wins, as browsers send
        // the most specific path first.
        for pair in header.split(separator: ";") {
            let trimmed = pair.drop { $0 == " " }
            guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals] == name else { continue }
            let token = String(trimmed[trimmed.index(after: equals)...]).trimmingTrailingSpaces()
            return SecureToken.isWellFormed(token) ? token : nil
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
