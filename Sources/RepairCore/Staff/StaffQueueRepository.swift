/// The staff's order queue; synchronous and thread-safe, each call one read.
public protocol StaffQueueRepository: Sendable {
    /// Approved orders, oldest first; `locationID` narrows to one location, `statuses` (empty: every open
    /// status) to some statuses; at most `StaffQueueEntry.maxLimit` lines. Drafts are never listed.
    func staffQueue(locationID: Int64?, statuses: [OrderStatus], limit: Int, offset: Int) throws -> [StaffQueueEntry]
    /// Staff users (agents and admins) who are active, by name: the choices for "current service agent"; in
    /// `snapshot`'s transaction when given (a page reading the order beside them).
    func serviceAgents(in snapshot: (any ReadSnapshot)?) throws -> [User]
}

extension StaffQueueRepository {
    /// The queue from `offset`, every location and open status unless narrowed, at most `limit` lines.
    public func staffQueue(
        locationID: Int64? = nil, statuses: [OrderStatus] = [], limit: Int = StaffQueueEntry.maxLimit,
        offset: Int = 0
    ) throws -> [StaffQueueEntry] {
        try staffQueue(locationID: locationID, statuses: statuses, limit: limit, offset: offset)
    }

    /// The choices for "current service agent", in a read of their own.
    public func serviceAgents() throws -> [User] { try serviceAgents(in: nil) }
}
