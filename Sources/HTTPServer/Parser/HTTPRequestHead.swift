/// How a request's body is delimited (RFC 9112 §6.3).
public enum HTTPBodyFraming: Sendable, Equatable {
    /// No body.
    case none
    /// Exactly this many bytes follow the headers.
    case length(Int)
    /// `Transfer-Encoding: chunked`.
    case chunked
}

/// A parsed request line and header section, before the body.
public struct HTTPRequestHead: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request-target exactly as received.
    public var target: String
    /// The protocol version.
    public var version: HTTPVersion
    /// The header fields in wire order.
    public var headers: HTTPHeaders
    /// How the body is delimited.
    public var framing: HTTPBodyFraming
    /// Whether the connection stays open after this request (RFC 9112 §9.3).
    public var isKeepAlive: Bool
    /// Whether the client sent `Expect: 100-continue` and waits for an interim answer.
    public var expectsContinue: Bool
}

/// What the parser found in the bytes given to it.
public enum HTTPParserEvent: Sendable {
    /// A complete request head; set the body limit before asking for more.
    case head(HTTPRequestHead)
    /// A run of body bytes, as positions in the buffer that was parsed.
    case body(Range<Int>)
    /// The end of the request, with any chunked trailers.
    case end(trailers: HTTPHeaders)
}

/// Byte classes from RFC 9110 §5.6.2 (tchar) and RFC 3986 (request-target).
enum ByteClass {
    /// tchar: the characters allowed in methods, header names and other tokens.
    static let token: [Bool] = (0..<256).map { b in
        if (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) { return true }
        return "!#$%&'*+-.^_`|~".utf8.contains(UInt8(b))
    }

    /// Characters allowed in an origin-form or absolute-form target: pchar, "/", "?" and "%" for pct-encoding.
    static let target: [Bool] = (0..<256).map { b in
        if (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) { return true }
        return "-._~!$&'()*+,;=:@/?%[]".utf8.contains(UInt8(b))
    }

    /// Field-value bytes: HTAB, SP, VCHAR and obs-text (RFC 9110 §5.5).
    static let fieldValue: [Bool] = (0..<256).map { b in
        b == 0x09 || b == 0x20 || (0x21...0x7E).contains(b) || b >= 0x80
    }

    static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: Int(b - 0x30)
        case 0x41...0x46: Int(b - 0x41 + 10)
        case 0x61...0x66: Int(b - 0x61 + 10)
        default: nil
        }
    }
}
