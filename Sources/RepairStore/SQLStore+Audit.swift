import Foundation
import RepairCore

extension SQLConnection {
    /// Appends an audit entry; call it inside the transaction that makes the change, so both or neither are kept.
    public func recordAudit(
        actorID: Int64?, action: String, entity: String, entityKey: String, details: String, at date: Date
    ) throws {
        let entry = AuditEntry(
            id: 0, at: date, actorID: actorID, action: action, entity: entity, entityKey: entityKey, details: details)
        try run(Rows.insertAuditEntry, Rows.auditValues(entry))
    }
}

extension SQLStore {
    /// Audit entries, newest first; `entity` narrows to one kind of thing.
    public func auditEntries(entity: String?, limit: Int, offset: Int) throws -> [AuditEntry] {
        try read { db in
            var sql = "SELECT \(Rows.auditColumns) FROM audit_log"
            var values: [SQLValue] = []
            if let entity {
                sql += " WHERE entity = ?"
                values.append(.text(entity))
            }
            sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
            values += [.integer(Int64(limit)), .integer(Int64(offset))]
            return try db.rows(sql, values, Rows.auditEntry)
        }
    }
}
