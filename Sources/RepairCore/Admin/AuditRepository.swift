/// The audit list: entries are written by the store inside the transaction of the change they record.
public protocol AuditRepository: Sendable {
    /// Audit entries, newest first; `entity` narrows to one kind of thing.
    func auditEntries(entity: String?, limit: Int, offset: Int) throws -> [AuditEntry]
}

extension AuditRepository {
    /// The newest `limit` (default 100) audit entries of every kind.
    public func auditEntries(limit: Int = 100) throws -> [AuditEntry] {
        try auditEntries(entity: nil, limit: limit, offset: 0)
    }

    /// The newest 100 audit entries of `entity`.
    public func auditEntries(entity: String?) throws -> [AuditEntry] {
        try auditEntries(entity: entity, limit: 100, offset: 0)
    }
}
