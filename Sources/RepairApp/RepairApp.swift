import Foundation
import RepairCore

/// The use cases: every operation a page, an API route, a CLI command, an inbound mail or a job performs,
/// one method each, over the store protocols, with the clock passed in. Adapters call these and check no rule
/// themselves; the rules are the core's, applied inside the store's one transaction per call.
public struct RepairApp: Sendable {
    /// Staff order handling: confirm, status, assign.
    public let staffOrders: StaffOrders

    /// The use cases over `store`, reading the time from `now`.
    public init(store: any RepairRepository, now: @escaping @Sendable () -> Date) {
        staffOrders = StaffOrders(store: store, now: now)
    }
}
