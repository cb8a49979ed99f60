import HTTPServer
import RepairCore

extension HTTPRequest {
    /// The `:id` path parameter as a row ID (a positive whole number); anything else is an unknown `entity` (404).
    func rowID(_ entity: Entity) throws -> Int64 {
        let raw = pathParameters["id"] ?? ""
        guard let id = Int64(raw), id > 0 else { throw Problem.notFound(entity, key: raw) }
        return id
    }
}
