import HTMLKit
import HTTPServer
import RepairCore

/// An error that the portal answers with a 4xx: JSON under `/api/`, an HTML page elsewhere.
public struct WebError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPStatus
    /// A stable machine-readable code, e.g. `unauthorized`, `invalid_field`.
    public var code: String
    /// What went wrong, for a person.
    public var message: String
    /// The field at fault, when there is one.
    public var field: String?
    /// Every field at fault (validation errors name several).
    public var fieldErrors: [FieldError] = []
    /// Seconds to wait before trying again (429 answers).
    public var retryAfter: Int?

    public var description: String { "\(status.code) \(code): \(message)" }

    public static func unauthorized(_ message: String = "Sign in first.") -> WebError {
        WebError(status: .unauthorized, code: "unauthorized", message: message)
    }
    public static func forbidden(_ message: String = "You may not do this.") -> WebError {
        WebError(status: .forbidden, code: "forbidden", message: message)
    }
    public static func notFound(_ message: String = "Not found.") -> WebError {
        WebError(status: .notFound, code: "not_found", message: message)
    }
    public static func badRequest(field: String?, _ message: String) -> WebError {
        WebError(status: .badRequest, code: "bad_request", message: message, field: field)
    }
    public static func tooManyRequests(retryAfter: Int) -> WebError {
        WebError(
            status: .tooManyRequests, code: "too_many_requests",
            message: "Too many attempts; try again in \(retryAfter) seconds.", retryAfter: retryAfter)
    }
    /// The form's CSRF token is missing or does not belong to this session.
    public static let csrf = WebError(
        status: .forbidden, code: "csrf",
        message: "The form has expired or did not come from this site; reload it and try again.",
        field: "csrf_token")
}

extension WebError {
    /// The HTTP face of a domain error: which status each rule answers with.
    public init(_ error: RepairError) {
        switch error {
        case .validation(let errors):
            self.init(
                status: .unprocessableContent, code: "invalid_field", message: error.description,
                field: errors.first?.field, fieldErrors: errors)
        case .notFound:
            self.init(status: .notFound, code: "not_found", message: error.description)
        case .illegalTransition, .notSubmitted:
            self.init(status: .conflict, code: error.code, message: error.description, field: "status")
        case .alreadyApproved:
            self.init(status: .conflict, code: "already_approved", message: error.description)
        case .notADraft:
            self.init(status: .conflict, code: "not_a_draft", message: error.description)
        case .forbidden:
            self.init(status: .forbidden, code: "forbidden", message: error.description)
        case .conflict(let field, _):
            self.init(
                status: .conflict, code: "conflict", message: error.description, field: field,
                fieldErrors: error.fieldErrors)
        }
    }
}
