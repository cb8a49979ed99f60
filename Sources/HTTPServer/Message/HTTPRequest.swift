import Foundation

/// A request body: bytes in memory, or a temporary file when the route streams its body to disk.
public enum HTTPRequestBody: Sendable, Equatable {
    /// The whole body in memory.
    case bytes([UInt8])
    /// The body written to a temporary file (deleted once the handler returns; move it to keep it) and its length.
    case file(path: String, length: Int)

    /// Body length in bytes.
    public var count: Int {
        switch self {
        case .bytes(let bytes): bytes.count
        case .file(_, let length): length
        }
    }

    /// The body's bytes, reading the file if it was streamed to disk.
    public func readAll() throws -> [UInt8] {
        switch self {
        case .bytes(let bytes): return bytes
        case .file(let path, _): return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }
}

/// A complete HTTP request as handed to a route handler.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request-target as received, e.g. `/orders/12?x=1`.
    public var target: String
    /// The percent-decoded path, without the query.
    public var path: String
    /// The raw query string after `?`, without it; empty if none.
    public var query: String
    /// The protocol version.
    public var version: HTTPVersion
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body.
    public var body: HTTPRequestBody
    /// Values of the route pattern's `:name` segments, percent-decoded.
    public var pathParameters: [String: String]
    /// The client's IP address: the peer's, or the one its trusted proxy forwarded (`trustedProxies`).
    public var remoteAddress: String
    /// The pattern of the route that matched, such as `/orders/:number`; nil when none did (404, 405).
    public internal(set) var routePattern: String?

    /// Creates a request; the server builds these, tests may too.
    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders(),
        body: HTTPRequestBody = .bytes([]), pathParameters: [String: String] = [:], remoteAddress: String = "127.0.0.1"
    ) throws(HTTPServerError) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.pathParameters = pathParameters
        self.remoteAddress = remoteAddress
        var pathPart = Substring(target)
        // Origin-form (`/path`) is nearly every request: only other targets pay for the scheme search.
        if target.first != "/", let scheme = target.range(of: "://") {
            // absolute-form (RFC 9112 §3.2.2): the path starts after the authority.
            let afterAuthority = target[scheme.upperBound...]
            pathPart = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }).map { afterAuthority[$0...] } ?? "/"
            if pathPart.first == "?" { pathPart = "/" + pathPart }
        }
        if let question = pathPart.firstIndex(of: "?") {
            query = String(pathPart[pathPart.index(after: question)...])
            pathPart = pathPart[..<question]
        } else {
            query = ""
        }
        guard let decoded = PercentDecoding.decode(pathPart, plusAsSpace: false) else {
            throw .bad("request-target", "path is not valid percent-encoded UTF-8")
        }
        path = decoded
        rawPath = String(pathPart)
    }

    /// The path before percent-decoding, used for routing so `%2F` stays inside one segment.
    public private(set) var rawPath: String
}
