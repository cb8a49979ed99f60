import Foundation
import HTTPServer
import RepairCore
import WebSecurity

// The account actions shared by the admin pages and the JSON API.
extension Portal {
    /// The status for a link that no longer works: 410 Gone for expired and used links.
    static let gone = HTTPStatus(code: 410, reason: "Gone")

    /// The `:id` path parameter as a row ID, or 404 naming `entity`.
    static func idParameter(_ request: HTTPRequest, entity: Entity = .user) throws -> Int64 {
        guard let text = request.pathParameters["id"], let id = Int64(text), id > 0 else {
            throw Problem.notFound(entity, key: request.pathParameters["id"] ?? "")
        }
        return id
    }
}
