/// A reseller's open orders (confirmed, in no shipment) sharing one location and method.
public struct ShipmentGroup: Sendable, Hashable {
    public var key: ShipmentGroupKey
    /// The orders, oldest first.
    public var orders: [ServiceOrder]

    /// Makes a group.
    public init(key: ShipmentGroupKey, orders: [ServiceOrder]) {
        self.key = key
        self.orders = orders
    }

    /// How many orders the group holds.
    public var count: Int { orders.count }

    /// Groups the orders that may still be shipped: `confirmed` and not in `shippedIDs`.
    ///
    /// Groups are sorted by location then method; orders keep their input order.
    public static func grouping(_ orders: [ServiceOrder], excluding shippedIDs: Set<Int64> = []) -> [ShipmentGroup] {
        let open = orders.filter { $0.status == .confirmed && !shippedIDs.contains($0.id) }
        return group(open, by: ShipmentGroupKey.init).map { ShipmentGroup(key: $0.key, orders: $0.items) }
    }

    /// The pure grouping step, for any item type: keys sorted, items in input order.
    public static func group<Item>(
        _ items: [Item], by key: (Item) -> ShipmentGroupKey
    ) -> [(key: ShipmentGroupKey, items: [Item])] {
        var buckets: [ShipmentGroupKey: [Item]] = [:]
        for item in items { buckets[key(item), default: []].append(item) }
        return buckets.sorted { $0.key < $1.key }.map { (key: $0.key, items: $0.value) }
    }

    /// Counts per key only (what the list of groups shows), without keeping the items.
    public static func counts<Item>(_ items: [Item], by key: (Item) -> ShipmentGroupKey) -> [ShipmentGroupKey: Int] {
        var counts: [ShipmentGroupKey: Int] = [:]
        for item in items { counts[key(item), default: 0] += 1 }
        return counts
    }
}
