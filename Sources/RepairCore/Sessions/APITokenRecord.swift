import Foundation

/// A per-user API token as listed to its owner (the token itself is shown once, at creation).
public struct APITokenRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    /// Makes a record.
    public init(id: Int64, name: String, createdAt: Date, lastUsedAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
