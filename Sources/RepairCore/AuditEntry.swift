import Foundation

/// One recorded change made by staff: who, when, what, and what changed.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Date
    /// The acting user (nil for the system, e.g. a CLI seed).
    public var actorID: Int64?
    /// What was done, e.g. `location.update`, `account.create`.
    public var action: String
    /// The kind of thing changed, e.g. `location`.
    public var entity: String
    /// Which one, e.g. its ID or name.
    public var entityKey: String
    /// What changed, for a person: `tatDays: 5 → 7; isPublic: true → false`.
    public var details: String

    /// Makes an entry.
    public init(
        id: Int64, at: Date, actorID: Int64?, action: String, entity: String, entityKey: String, details: String
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.action = action
        self.entity = entity
        self.entityKey = entityKey
        self.details = details
    }
}
