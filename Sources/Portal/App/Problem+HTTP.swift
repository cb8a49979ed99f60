import HTTPServer
import RepairCore

// The HTTP face of a problem: one table from code to status, and the web edge's own problems.
extension Problem {
    /// The status the portal answers this problem with.
    public var httpStatus: HTTPStatus {
        switch code {
        case .invalidField, .mixedGroups, .emptySelection, .emptyShipment, .orderNotInShipment, .tooManyOrders,
            .invalidTemplate:
            .unprocessableContent
        case .notFound, .shipmentNotFound, .orderNotFound, .linkUnknown: .notFound
        case .illegalTransition, .alreadyApproved, .notADraft, .conflict, .orderNotConfirmed, .orderInShipment,
            .alreadyConfirmed, .notConfirmed, .notDead:
            .conflict
        case .forbidden, .notReseller, .csrf: .forbidden
        case .unauthorized: .unauthorized
        case .tooManyRequests: .tooManyRequests
        case .badRequest: .badRequest
        case .unsupportedMediaType: .unsupportedMediaType
        case .methodNotAllowed: .methodNotAllowed
        case .contentTooLarge: .contentTooLarge
        case .uriTooLong: .uriTooLong
        case .headerFieldsTooLarge: .requestHeaderFieldsTooLarge
        case .requestTimeout: .requestTimeout
        case .notImplemented: .notImplemented
        case .expectationFailed: .expectationFailed
        case .httpVersionNotSupported: .httpVersionNotSupported
        case .linkExpired, .linkUsed: .gone
        default: .internalServerError
        }
    }

    /// Seconds to wait before trying again (`Retry-After` of a 429).
    public var retryAfter: Int? {
        guard code == .tooManyRequests, case .number(let seconds) = parameters["seconds"] else { return nil }
        return seconds
    }

    /// No session or token (`sign_in`), or a token that does not work (`reason`).
    static func unauthorized(_ reason: String? = nil) -> Problem { Problem(.unauthorized, reason: reason) }

    /// The page or operation is not for this account (`reason`: `role`, `no_customer`, `no_company`).
    static func forbidden(_ reason: String, _ parameters: [String: ProblemValue] = [:]) -> Problem {
        Problem(.forbidden, reason: reason, parameters: parameters)
    }

    /// Nothing here by that name, for this viewer (`reason` picks the words: `tracking`, `own_order`, …).
    static func notFound(_ reason: String, _ parameters: [String: ProblemValue] = [:]) -> Problem {
        Problem(.notFound, reason: reason, parameters: parameters)
    }

    /// The request itself is malformed (`reason` picks the words).
    static func badRequest(_ reason: String, field: String? = nil, _ parameters: [String: ProblemValue] = [:])
        -> Problem
    {
        Problem(.badRequest, reason: reason, field: field, parameters: parameters)
    }

    /// Too many tries; wait `retryAfter` seconds.
    static func tooManyRequests(retryAfter: Int) -> Problem {
        Problem(.tooManyRequests, parameters: ["seconds": .number(retryAfter)])
    }

    /// The form's CSRF token is missing or not this session's.
    static let csrf = Problem(.csrf, field: "csrf_token")

    /// An HTTP server refusal (framing, limits, timeouts) with the code its status names.
    init(_ error: HTTPServerError) {
        let code: ProblemCode
        switch error.status {
        case .contentTooLarge: code = .contentTooLarge
        case .uriTooLong: code = .uriTooLong
        case .requestHeaderFieldsTooLarge: code = .headerFieldsTooLarge
        case .requestTimeout: code = .requestTimeout
        case .notImplemented: code = .notImplemented
        case .expectationFailed: code = .expectationFailed
        case .httpVersionNotSupported: code = .httpVersionNotSupported
        case .unsupportedMediaType: code = .unsupportedMediaType
        default: code = .badRequest
        }
        // The HTTP module's words are its own (it knows no catalogue); they name the field and the limit.
        self.init(code, reason: "http", field: error.field, parameters: ["detail": .text(error.rule)])
    }
}

extension HTTPStatus {
    /// The status for a link that no longer works: 410 Gone for expired and used links.
    static let gone = HTTPStatus(code: 410, reason: "Gone")
}
