import Foundation
import RepairCore

/// Staff order handling (agents and admins): confirm, change the status, assign the current service agent.
public struct StaffOrders: Sendable {
    let store: any RepairRepository
    let now: @Sendable () -> Date

    /// The use cases over `store`, reading the time from `now`.
    public init(store: any RepairRepository, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// The order `number` as staff see it: drafts belong to their customer and are not found, like unknown numbers.
    public func order(number text: String) throws -> ServiceOrder {
        guard let number = OrderNumber(text), let order = try store.order(number: number), order.status != .draft
        else { throw Problem.notFound(.order, key: text) }
        return order
    }

    /// Everything about the order `number` for `viewer` (staff), read in `snapshot` or one of its own; the same
    /// `not_found` as `order(number:)` for drafts and unknown numbers.
    public func view(number text: String, for viewer: User, in snapshot: (any ReadSnapshot)? = nil) throws
        -> OrderView
    {
        guard let number = OrderNumber(text), let view = try store.orderView(number: number, for: viewer, in: snapshot),
            view.status != .draft
        else { throw Problem.notFound(.order, key: text) }
        return view
    }

    /// Confirms the submitted order `number`; any other status is an illegal transition.
    public func confirm(number: String, by user: User) throws -> ServiceOrder {
        try store.confirmOrder(orderID: try order(number: number).id, by: user, at: now())
    }

    /// Moves the order `number` to the status named `statusText`, with a note public or internal.
    public func changeStatus(number: String, to statusText: String, note: String, isPublic: Bool, by user: User)
        throws -> ServiceOrder
    {
        let order = try order(number: number)
        guard let status = OrderStatus(rawValue: statusText) else {
            throw Problem.invalid("status", .oneOf, ["choices": .list(order.status.nextStatuses.map(\.rawValue))])
        }
        return try store.moveOrder(orderID: order.id, to: status, by: user, note: note, isPublic: isPublic, at: now())
    }

    /// Makes `agentID` the current service agent of the order `number`, or clears it with nil.
    public func assign(number: String, agentID: Int64?, by user: User) throws -> ServiceOrder {
        try store.assignAgent(orderID: try order(number: number).id, agentID: agentID, by: user, at: now())
    }

    /// Makes the user with `email` the current service agent of the order `number` (the CLI names people by e-mail).
    public func assign(number: String, agentEmail: String, by user: User) throws -> ServiceOrder {
        guard let agent = try store.user(email: agentEmail) else {
            throw Problem.invalid("agent", .unknownUser, ["email": .text(agentEmail)])
        }
        return try assign(number: number, agentID: agent.id, by: user)
    }
}
