import Foundation
import HTMLKit
import HTTPServer
import RepairCore

extension Portal {
    /// Whether a request is for the JSON API (errors as JSON) rather than a page (errors as HTML).
    static func isAPIRequest(_ request: HTTPRequest) -> Bool {
        request.path == "/api" || request.path.hasPrefix("/api/")
    }

    /// Turns anything a handler threw into a response: 4xx for known errors, a generic 500 otherwise.
    func errorResponse(_ error: Error, for request: HTTPRequest) -> HTTPResponse {
        let webError: WebError
        var extraHeaders = HTTPHeaders()
        switch error {
        case let error as WebError: webError = error
        case let error as RepairError: webError = WebError(error)
        case let error as PortalError:
            webError = .badRequest(field: error.field, error.message)
        case let error as HTTPServerError:
            webError = WebError(status: error.status, code: "bad_request", message: error.rule, field: error.field)
        case let error as HTTPResponseError:
            // The router's own 404 and 405: same status, in the portal's JSON or HTML.
            let plain = error.makeResponse()
            if let allow = plain.headers["Allow"] { extraHeaders.set("Allow", allow) }
            let code = plain.status.reason.lowercased().replacing(" ", with: "_")
            webError = WebError(status: plain.status, code: code, message: plain.status.reason + ".")
        default:
            FileHandle.standardError.write(Data("error: \(request.method.rawValue) \(request.path): \(error)\n".utf8))
            webError = WebError(
                status: .internalServerError, code: "internal", message: "Something went wrong on our side.")
        }
        // HEAD is answered by the GET route (RFC 9110 §9.3.2), so it gets the same redirect.
        if webError.status == .unauthorized, !Self.isAPIRequest(request),
            request.method == .get || request.method == .head
        {
            return .redirect(to: "/login?next=" + percentEncodedQueryValue(request.target))
        }
        var response = Self.isAPIRequest(request) ? jsonErrorResponse(webError) : htmlErrorResponse(webError, request)
        if let retryAfter = webError.retryAfter { response.headers.add("Retry-After", String(retryAfter)) }
        for (name, value) in extraHeaders { response.headers.set(name, value) }
        return response
    }

    private func jsonErrorResponse(_ error: WebError) -> HTTPResponse {
        struct Body: Encodable {
            struct Field: Encodable {
                var field: String
                var message: String
            }
            var error: String
            var message: String
            var field: String?
            var fields: [Field]?
        }
        let body = Body(
            error: error.code, message: error.message, field: error.field,
            fields: error.fieldErrors.isEmpty ? nil : error.fieldErrors.map { .init(field: $0.field, message: $0.rule) }
        )
        return (try? jsonResponse(body, status: error.status)) ?? .text(error.message, status: error.status)
    }

    private func htmlErrorResponse(_ error: WebError, _ request: HTTPRequest) -> HTTPResponse {
        let viewer = try? viewer(for: request)
        var items: [HTML] = error.fieldErrors.map { "<li>\($0.field): \($0.rule)</li>" }
        if items.isEmpty, let field = error.field { items = ["<li>Field: \(field)</li>"] }
        let list: HTML = items.isEmpty ? .empty : "<ul>\(items)</ul>"
        return page(
            request, viewer: viewer ?? nil, title: "\(error.status.code) \(error.status.reason)", status: error.status,
            content:
                "<p class=\"error\" data-problem=\"\(error.code)\">\(error.message)</p>\(list)<p><a href=\"/\">Back to the start page</a></p>"
        )
    }
}

/// Percent-encodes a value for a query string (RFC 3986 unreserved characters kept).
func percentEncodedQueryValue(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~/")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
}
