/// An error that decides its own HTTP answer; any other error thrown by a handler becomes a plain 500.
public protocol HTTPResponseError: Error {
    /// The status to answer with.
    var status: HTTPStatus { get }
    /// The response sent to the client.
    func makeResponse() -> HTTPResponse
}

extension HTTPResponseError {
    /// By default a plain-text body naming the status.
    public func makeResponse() -> HTTPResponse {
        .text("\(status.code) \(status.reason)\n", status: status)
    }
}

/// The HTTP module's error: what went wrong, which field or rule, and the status it answers with.
public struct HTTPServerError: HTTPResponseError, Equatable, CustomStringConvertible {
    /// The status the client receives.
    public var status: HTTPStatus
    /// The field or part of the message at fault (e.g. `Content-Length`, `request-target`).
    public var field: String
    /// The rule that was broken, in words a person can act on.
    public var rule: String

    /// Creates an error.
    public init(_ status: HTTPStatus, field: String, rule: String) {
        self.status = status
        self.field = field
        self.rule = rule
    }

    public var description: String { "\(status.code) \(field): \(rule)" }

    public func makeResponse() -> HTTPResponse {
        .text("\(status.code) \(status.reason): \(field): \(rule)\n", status: status)
    }

    static func bad(_ field: String, _ rule: String) -> HTTPServerError {
        HTTPServerError(.badRequest, field: field, rule: rule)
    }
}
