import RepairCore

// The problems only the web edge has: who is asking, how the request was sent, how often.
extension ProblemCode {
    /// No session or API token, or one that is no longer valid.
    public static let unauthorized = ProblemCode("unauthorized")
    /// The form's CSRF token is missing or belongs to another session.
    public static let csrf = ProblemCode("csrf")
    /// A limit on tries was reached; `seconds` says how long to wait.
    public static let tooManyRequests = ProblemCode("too_many_requests")
    /// The request itself is malformed (query, JSON syntax, HTTP framing).
    public static let badRequest = ProblemCode("bad_request")
    /// The body is not sent as the media type the route reads.
    public static let unsupportedMediaType = ProblemCode("unsupported_media_type")
    /// The path exists but not for this method.
    public static let methodNotAllowed = ProblemCode("method_not_allowed")
    /// The body is larger than the route accepts.
    public static let contentTooLarge = ProblemCode("content_too_large")
    /// The request target is longer than the server reads.
    public static let uriTooLong = ProblemCode("uri_too_long")
    /// The header fields are more or longer than the server reads.
    public static let headerFieldsTooLarge = ProblemCode("header_fields_too_large")
    /// The request (head or body) did not arrive in time.
    public static let requestTimeout = ProblemCode("request_timeout")
    /// The method or transfer coding is not implemented.
    public static let notImplemented = ProblemCode("not_implemented")
    /// An `Expect` the server does not meet.
    public static let expectationFailed = ProblemCode("expectation_failed")
    /// A protocol version other than HTTP/1.1.
    public static let httpVersionNotSupported = ProblemCode("http_version_not_supported")
    /// An outbox retry of a mail that was not given up on.
    public static let notDead = ProblemCode("not_dead")
    /// Anything else: a bug or a broken installation, logged; the answer says nothing more.
    public static let `internal` = ProblemCode("internal")

    /// The web edge's codes.
    public static let portal: [ProblemCode] = [
        .unauthorized, .csrf, .tooManyRequests, .badRequest, .unsupportedMediaType, .methodNotAllowed,
        .contentTooLarge, .uriTooLong, .headerFieldsTooLarge, .requestTimeout, .notImplemented,
        .expectationFailed, .httpVersionNotSupported,
        .notDead, .internal,
    ]

    /// Every code the server can answer with: the core's, the shipments', the accounts' and the web edge's.
    public static let all: [ProblemCode] = core + shipments + accounts + portal
}
