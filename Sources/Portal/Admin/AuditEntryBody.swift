import RepairCore

/// An audit entry with the actor's name, as the API lists it.
struct AuditEntryBody: Encodable {
    var entry: AuditEntry
    var actorName: String?

    enum CodingKeys: String, CodingKey { case id, at, actorID, actorName, action, entity, entityKey, details }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.id, forKey: .id)
        try container.encode(entry.at, forKey: .at)
        try container.encodeIfPresent(entry.actorID, forKey: .actorID)
        try container.encodeIfPresent(actorName, forKey: .actorName)
        try container.encode(entry.action, forKey: .action)
        try container.encode(entry.entity, forKey: .entity)
        try container.encode(entry.entityKey, forKey: .entityKey)
        try container.encode(entry.details, forKey: .details)
    }
}
