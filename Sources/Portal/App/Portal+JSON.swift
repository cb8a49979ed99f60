import Foundation
import HTTPServer
import RepairCore

extension Portal {
    /// The API's JSON encoding: sorted keys, ISO 8601 dates.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

}

/// JSON bodies in and out in the API's encoding: for the portal and its feature controllers alike.
protocol JSONHandling {}

extension Portal: JSONHandling {}

extension JSONHandling {
    /// A JSON response of `value`.
    func jsonResponse(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        var response = HTTPResponse.json(try Portal.makeEncoder().encode(value), status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// Decodes a JSON request body: 415 unless it is `application/json`, 400 when it is not UTF-8 JSON or misses
    /// a required key, 422 naming the field when a value has the wrong type (`null` included).
    func decodeJSON<T: Decodable>(_ type: T.Type, from request: HTTPRequest) throws -> T {
        // Required, not only checked when present: a cross-site form cannot send this type without a preflight.
        guard let contentType = request.headers["Content-Type"], Portal.isJSONMediaType(contentType) else {
            throw Problem(.unsupportedMediaType, field: "Content-Type")
        }
        let bytes = try request.body.readAll()
        // JSON text is UTF-8 (RFC 8259 §8.1); said apart from a syntax error, so the client knows what to fix.
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw Problem.badRequest("utf8")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw Problem.badRequest("json_key", field: path)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Problem.invalid(path, .wrongTypeOrNull)
        } catch {
            throw Problem.badRequest("json")
        }
    }
}

extension Portal {
    /// Whether a `Content-Type` value is `application/json`, parameters aside (RFC 9110 §8.3.1): not `application/jsonfoo`.
    static func isJSONMediaType(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}
