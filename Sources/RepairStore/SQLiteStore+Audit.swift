import Foundation
import RepairCore

extension Database {
    /// Appends an audit entry; call it inside the transaction that makes the change, so both or neither are kept.
    public func recordAudit(
        actorID: Int64?, action: String, entity: String, entityKey: String, details: String, at date: Date
    ) throws {
        try run(
            "INSERT INTO audit_log (at, actor_id, action, entity, entity_key, details) VALUES (?, ?, ?, ?, ?, ?)",
            [.real(date.timeIntervalSince1970), actorID.map(SQLValue.integer) ?? .null, .text(action), .text(entity),
             .text(entityKey), .text(details)])
    }
}

extension SQLiteStore {
    /// Audit entries, newest first; `entity` narrows to one kind of thing.
    public func auditEntries(entity: String? = nil, limit: Int = 100, offset: Int = 0) throws -> [AuditEntry] {
        try read { db in
            var sql = "SELECT id, at, actor_id, action, entity, entity_key, details FROM audit_log"
            var values: [SQLValue] = []
            if let entity {
                sql += " WHERE entity = ?"
                values.append(.text(entity))
            }
            sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
            values += [.integer(Int64(limit)), .integer(Int64(offset))]
            return try db.rows(sql, values) { row in
                AuditEntry(
                    id: row.int64(0), at: Date(timeIntervalSince1970: row.double(1)), actorID: row.optionalInt64(2),
                    action: row.text(3), entity: row.text(4), entityKey: row.text(5), details: row.text(6))
            }
        }
    }
}
