/// One line of the staff queue: an order with the names a list shows.
public struct StaffQueueEntry: Sendable, Hashable {
    public var order: ServiceOrder
    public var customerName: String
    /// Manufacturer and model, e.g. `Apple iPhone 13`.
    public var device: String
    public var locationName: String
    /// The current service agent's display name, if one is assigned.
    public var agentName: String?

    /// Makes a line.
    public init(order: ServiceOrder, customerName: String, device: String, locationName: String, agentName: String?) {
        self.order = order
        self.customerName = customerName
        self.device = device
        self.locationName = locationName
        self.agentName = agentName
    }

    /// Most queue lines one call returns (default 200); pages ask for more with `offset`.
    public static let maxLimit = 200

    /// The statuses the queue shows when no filter is given: every open status except drafts.
    public static let defaultStatuses: [OrderStatus] = OrderStatus.allCases.filter { $0.isOpen && $0 != .draft }
}
