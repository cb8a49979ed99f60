import RepairCore

extension OrderStatus {
    /// The status as customers read it on pages and in tracking.
    public var label: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .confirmed: "Confirmed"
        case .received: "Received"
        case .inRepair: "In repair"
        case .waitingForCustomer: "Waiting for you"
        case .onHold: "On hold"
        case .resolved: "Resolved"
        case .shipped: "Shipped"
        case .readyForPickup: "Ready for pickup"
        case .closed: "Closed"
        case .cancelled: "Cancelled"
        }
    }
}
