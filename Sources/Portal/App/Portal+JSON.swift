import Foundation
import HTTPServer

extension Portal {
    /// The API's JSON encoding: sorted keys, ISO 8601 dates.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A JSON response of `value`.
    public func jsonResponse(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        var response = HTTPResponse.json(try Self.makeEncoder().encode(value), status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// Decodes a JSON request body; a malformed body is a 400 naming the field at fault.
    public func decodeJSON<T: Decodable>(_ type: T.Type, from request: HTTPRequest) throws -> T {
        // Required, not only checked when present: a cross-site form cannot send this type without a preflight.
        guard let contentType = request.headers["Content-Type"], contentType.lowercased().hasPrefix("application/json")
        else {
            throw WebError(
                status: .unsupportedMediaType, code: "unsupported_media_type",
                message: "Send the body as application/json.", field: "Content-Type")
        }
        let bytes = try request.body.readAll()
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw WebError.badRequest(field: path, "\(path) is required.")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw WebError.badRequest(field: path, "\(path) has the wrong type: \(context.debugDescription)")
        } catch {
            throw WebError.badRequest(field: nil, "The body is not valid JSON.")
        }
    }
}
