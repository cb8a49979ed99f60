/// Where a service order is in its life (SPEC.md "Order numbers and statuses").
public enum OrderStatus: String, Sendable, CaseIterable, Codable, Hashable {
    case draft
    case submitted
    case confirmed
    case received
    case inRepair = "in_repair"
    case waitingForCustomer = "waiting_for_customer"
    case onHold = "on_hold"
    case resolved
    case shipped
    case readyForPickup = "ready_for_pickup"
    case closed
    case cancelled

    /// The transition table: the statuses each status may move to, and no others.
    public static let transitions: [OrderStatus: Set<OrderStatus>] = [
        // Approval: a customer's order is submitted, a reseller's confirmed at once.
        .draft: [.submitted, .confirmed, .cancelled],
        .submitted: [.confirmed, .cancelled],
        // A confirmed reseller order leaves in a shipment, or is brought in.
        .confirmed: [.received, .shipped, .onHold, .cancelled],
        .received: [.inRepair, .waitingForCustomer, .onHold, .resolved, .cancelled],
        .inRepair: [.waitingForCustomer, .onHold, .resolved, .cancelled],
        .waitingForCustomer: [.inRepair, .onHold, .resolved, .cancelled],
        .onHold: [.received, .inRepair, .waitingForCustomer, .resolved, .cancelled],
        // Resolved goes back to the customer, or is reopened.
        .resolved: [.shipped, .readyForPickup, .closed, .inRepair],
        // Shipped covers both the reseller's parcel to the shop and the way back.
        .shipped: [.received, .closed],
        .readyForPickup: [.closed],
        .closed: [],
        .cancelled: [],
    ]

    /// Whether the table allows moving from this status to `next`.
    public func canMove(to next: OrderStatus) -> Bool {
        Self.transitions[self, default: []].contains(next)
    }

    /// The statuses this one may move to, in declaration order (for choices and error messages).
    public var nextStatuses: [OrderStatus] {
        Self.allCases.filter { canMove(to: $0) }
    }

    /// Returns `next` if the table allows it, else throws `illegalTransition`.
    public func moved(to next: OrderStatus) throws(Problem) -> OrderStatus {
        guard canMove(to: next) else { throw .illegalTransition(from: self, to: next) }
        return next
    }

    /// Whether the order is still being worked on (for the "open" filter).
    public var isOpen: Bool {
        switch self {
        case .closed, .cancelled: false
        case .draft, .submitted, .confirmed, .received, .inRepair, .waitingForCustomer, .onHold,
            .resolved, .shipped, .readyForPickup:
            true
        }
    }
}
