import Foundation

/// One entry of an order's append-only history: a status change or a note.
public struct OrderEvent: Sendable, Hashable, Codable {
    public var orderID: Int64
    public var at: Date
    /// The user who acted; nil for the system.
    public var actorUserID: Int64?
    /// The status before; nil when the event only carries a note.
    public var fromStatus: OrderStatus?
    public var toStatus: OrderStatus
    public var note: String
    /// Public notes are shown to the customer; internal ones to staff only.
    public var isPublic: Bool

    /// Makes an event.
    public init(
        orderID: Int64, at: Date, actorUserID: Int64?, fromStatus: OrderStatus?,
        toStatus: OrderStatus, note: String = "", isPublic: Bool = false
    ) {
        self.orderID = orderID
        self.at = at
        self.actorUserID = actorUserID
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.note = note
        self.isPublic = isPublic
    }
}
