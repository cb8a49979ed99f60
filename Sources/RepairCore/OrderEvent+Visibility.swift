// Who sees which part of an order's history: one rule for the order page, the API and (later) e-mail.
extension OrderEvent {
    /// Whether the event changes the status (rather than only carrying a note).
    public var isStatusChange: Bool { fromStatus != nil && fromStatus != toStatus }

    /// The event as `user` may see it: staff see everything; customers see public events whole, an internal
    /// status change without its note, and nothing of an internal note (not even that it exists).
    public func visible(to user: User) -> OrderEvent? {
        if user.role.isStaff || isPublic { return self }
        guard isStatusChange else { return nil }
        var shown = self
        shown.note = ""
        return shown
    }
}

extension Sequence<OrderEvent> {
    /// The history as `user` may see it, in the same order.
    public func visible(to user: User) -> [OrderEvent] {
        compactMap { $0.visible(to: user) }
    }
}
