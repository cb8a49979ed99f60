import Foundation
import HTMLKit
import HTTPServer
import Localization
import RepairCore

extension Portal {
    /// Whether a request is for the JSON API (errors as JSON) rather than a page (errors as HTML).
    static func isAPIRequest(_ request: HTTPRequest) -> Bool {
        request.path == "/api" || request.path.hasPrefix("/api/")
    }

    /// The problem a handler's error stands for: problems as they are, the HTTP module's refusals by their status,
    /// anything else a logged 500 that says nothing more.
    func problem(_ error: any Error, for request: HTTPRequest) -> (Problem, allow: String?) {
        switch error {
        case let problem as Problem:
            return (problem, nil)
        case let error as HTTPServerError:
            return (Problem(error), nil)
        case let error as HTTPResponseError:
            // The router's own 404 and 405: same status, in the portal's JSON or HTML.
            let plain = error.makeResponse()
            let code: ProblemCode = plain.status == .methodNotAllowed ? .methodNotAllowed : .notFound
            return (Problem(code, reason: code == .notFound ? "route" : nil), plain.headers["Allow"])
        default:
            FileHandle.standardError.write(Data("error: \(request.method.rawValue) \(request.path): \(error)\n".utf8))
            return (Problem(.internal), nil)
        }
    }

    /// Turns anything a handler threw into a response: 4xx for known problems, a generic 500 otherwise; in the
    /// words and with the viewer of the request's context.
    func errorResponse(_ error: any Error, in context: RequestContext) -> HTTPResponse {
        let request = context.request
        let (problem, allow) = problem(error, for: request)
        let status = problem.httpStatus
        // HEAD is answered by the GET route (RFC 9110 §9.3.2), so it gets the same redirect.
        if status == .unauthorized, !Self.isAPIRequest(request), request.method == .get || request.method == .head {
            return .redirect(to: "/login?next=" + percentEncodedQueryValue(request.target))
        }
        var response =
            Self.isAPIRequest(request)
            ? jsonErrorResponse(problem, status: status, localizer: context.localizer)
            : htmlErrorResponse(problem, context)
        if let retryAfter = problem.retryAfter { response.headers.add("Retry-After", String(retryAfter)) }
        if let allow { response.headers.set("Allow", allow) }
        return response
    }

    /// `{error, message, field, fields}`: the stable code, the words, and every field at fault.
    func jsonErrorResponse(_ problem: Problem, status: HTTPStatus, localizer: Localizer) -> HTTPResponse {
        struct Body: Encodable {
            struct Field: Encodable {
                var field: String
                var rule: String
                var message: String
            }
            var error: String
            var message: String
            var field: String?
            var fields: [Field]?
        }
        let fields = problem.fieldErrors.map {
            Body.Field(field: $0.field, rule: $0.rule.code.rawValue, message: localizer.text($0.rule))
        }
        let body = Body(
            error: problem.code.rawValue, message: localizer.message(problem), field: problem.field,
            fields: fields.isEmpty ? nil : fields)
        return (try? jsonResponse(body, status: status)) ?? .text(localizer.message(problem), status: status)
    }

    private func htmlErrorResponse(_ problem: Problem, _ context: RequestContext) -> HTTPResponse {
        let localizer = context.localizer
        let status = problem.httpStatus
        var items: [HTML] = problem.fieldErrors.map { "<li>\($0.field): \(localizer.text($0.rule))</li>" }
        if items.isEmpty, let field = problem.field { items = ["<li>\(L("error.field", ["field": .text(field)]))</li>"] }
        let list: HTML = items.isEmpty ? .empty : "<ul>\(items)</ul>"
        return layout.page(
            context, title: L("error.title", ["code": .number(status.code)]), status: status,
            content: """
                <p class="error" data-problem="\(problem.code.rawValue)">\(localizer.message(problem))</p>\
                \(list)<p><a href="/">\(L("error.back_to_start"))</a></p>
                """)
    }
}

/// Percent-encodes a value for a query string (RFC 3986 unreserved characters kept).
func percentEncodedQueryValue(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~/")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
}
