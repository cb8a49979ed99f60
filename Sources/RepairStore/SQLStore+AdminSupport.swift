import Foundation
import RepairCore

// The shared steps of every admin edit: who may, which row, what the audit says.
extension SQLStore {
    /// Runs an admin edit in one write transaction; a UNIQUE clash the rules missed becomes a conflict on
    /// the clashing key's field (`KnownConstraint`), else on `field`.
    func adminWrite<T: Sendable>(by user: User, field: String, _ body: (any SQLConnection) throws -> T) throws -> T {
        try user.checkIsAdmin()
        do {
            return try write(body)
        } catch let error as DatabaseError where error.isUniqueViolation {
            let field = error.knownConstraint?.field ?? field
            throw Problem.conflict(field: field, .taken)
        }
    }

    /// The entry with `id` among `entries`: nil for a new one (ID 0), `notFound` for an unknown ID.
    static func existing<T: Identifiable>(_ id: Int64, in entries: [T], entity: Entity) throws -> T?
    where T.ID == Int64 {
        guard id != 0 else { return nil }
        guard let entry = entries.first(where: { $0.id == id }) else {
            throw Problem.notFound(entity, key: String(id))
        }
        return entry
    }
}

extension SQLConnection {
    /// Appends the audit entry of an add (`entity.create`) or an update (`entity.update`).
    func recordAdminEdit<T: AuditDescribable>(
        _ old: T?, _ new: T, entity: String, key: Int64, by user: User, at date: Date
    ) throws {
        try recordAudit(
            actorID: user.id, action: entity + (old == nil ? ".create" : ".update"), entity: entity,
            entityKey: String(key), details: T.describeChanges(old, new), at: date)
    }
}
