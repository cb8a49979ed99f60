import RepairCore

// One order as pages and API answers show it, read in one snapshot.
extension SQLStore {
    public func orderView(number: OrderNumber, for viewer: User, in snapshot: (any ReadSnapshot)?) throws
        -> OrderView?
    {
        try read(in: snapshot) { db in try orderView(number: number, for: viewer, in: db) }
    }

    /// The view of order `number` as of `db`'s snapshot: the order, the catalogue, its customer, its history and
    /// the names of the users it mentions, all in the one transaction `db` is in.
    func orderView(number: OrderNumber, for viewer: User, in db: any SQLConnection) throws -> OrderView? {
        guard let order = try Self.order(number: number, in: db) else { return nil }
        let events = try Self.events(orderID: order.id, in: db)
        // Only the users the view names: the agent and whoever acted in the history.
        let userIDs = Set(events.compactMap(\.actorUserID) + [order.assignedAgentID].compactMap { $0 })
        var names: [Int64: String] = [:]
        for id in userIDs {
            names[id] = try Self.user(id: id, in: db)?.displayName
        }
        return OrderView.make(
            order: order, catalogue: try cachedCatalogue(in: db),
            customer: try Self.customer(id: order.customerID, in: db),
            userNames: names, events: events, viewer: viewer)
    }
}
