/// Where a status stands on the customer's way through the pipeline: received → in repair → resolved →
/// handed back (shipped or ready for pickup). Pages draw it as a progress line; the rule lives here, once.
extension OrderStatus {
    /// The milestones of the way, in order; the last one is `handBack(for:)`.
    public static let milestones: [OrderStatus] = [.received, .inRepair, .resolved, .shipped]

    /// The milestone reached last: nil before the order is received (draft, submitted, confirmed) and when
    /// cancelled, `milestones.count` when closed (every milestone passed).
    ///
    /// `shipped` is read as the way back; a reseller's parcel on its way to the shop (confirmed → shipped)
    /// cannot be told apart by the status alone and shows as handed back too.
    public var milestoneIndex: Int? {
        switch self {
        case .draft, .submitted, .confirmed, .cancelled: nil
        case .received: 0
        case .inRepair, .waitingForCustomer, .onHold: 1
        case .resolved: 2
        case .shipped, .readyForPickup: 3
        case .closed: 4
        }
    }

    /// True when work stands still, waiting for the customer or on hold.
    public var isPaused: Bool {
        self == .waitingForCustomer || self == .onHold
    }

    /// The milestones as this order passes them: the last is "ready for pickup" for an order waiting there.
    public var milestonesOnTheWay: [OrderStatus] {
        self == .readyForPickup ? [.received, .inRepair, .resolved, .readyForPickup] : Self.milestones
    }
}
