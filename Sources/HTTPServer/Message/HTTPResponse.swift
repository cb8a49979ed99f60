import Foundation

/// A complete response: status, headers and body bytes.
public struct HTTPResponse: Sendable {
    /// The status.
    public var status: HTTPStatus
    /// Header fields; `Content-Length`, `Date` and `Connection` are added by the server.
    public var headers: HTTPHeaders
    /// The body bytes (not sent for HEAD, 1xx, 204 and 304).
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response from already-encoded bytes.
    public static func json(_ data: Data, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: [UInt8](data))
    }

    /// A JSON response encoding a value (sorted keys, ISO 8601 dates).
    public static func json(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return .json(try encoder.encode(value), status: status)
    }

    /// An HTML page in UTF-8.
    public static func html(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(text.utf8))
    }

    /// Plain text in UTF-8.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// A redirect to a location (303 by default, so a POST is followed by a GET).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Location": location])
    }

    /// A response with no body.
    public static func empty(_ status: HTTPStatus = .noContent) -> HTTPResponse {
        HTTPResponse(status: status)
    }

    /// Adds a `Set-Cookie` field.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }

    /// Returns a copy with a `Set-Cookie` field added.
    public func settingCookie(_ cookie: SetCookie) -> HTTPResponse {
        var copy = self
        copy.setCookie(cookie)
        return copy
    }
}

/// A `Set-Cookie` value with its attributes (RFC 6265 §4.1).
public struct SetCookie: Sendable, Equatable {
    /// `SameSite` attribute values.
    public enum SameSite: String, Sendable {
        case strict = "Strict"
        case lax = "Lax"
        case none = "None"
    }

    public var name: String
    public var value: String
    public var path: String?
    /// Lifetime in seconds; 0 deletes the cookie, nil makes a session cookie.
    public var maxAge: Int?
    public var httpOnly: Bool
    public var secure: Bool
    public var sameSite: SameSite?

    /// Creates a cookie; defaults are HttpOnly, SameSite=Lax, path `/`.
    public init(
        name: String, value: String, path: String? = "/", maxAge: Int? = nil,
        httpOnly: Bool = true, secure: Bool = false, sameSite: SameSite? = .lax
    ) {
        self.name = name
        self.value = value
        self.path = path
        self.maxAge = maxAge
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// The field value, e.g. `sid=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`.
    public var headerValue: String {
        // Strip characters that would end the field or split attributes (RFC 6265 cookie-octet).
        let safe: (String) -> String = { text in
            String(decoding: text.utf8.filter { ![0x3B, 0x2C, 0x0D, 0x0A, 0x20, 0x09].contains($0) }, as: UTF8.self)
        }
        var parts = ["\(safe(name))=\(safe(value))"]
        if let path { parts.append("Path=\(safe(path))") }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if httpOnly { parts.append("HttpOnly") }
        if secure { parts.append("Secure") }
        if let sameSite { parts.append("SameSite=\(sameSite.rawValue)") }
        return parts.joined(separator: "; ")
    }
}
