// Access rules: who may act on which order. Checked in the core so every
// adapter (portal, API, CLI) enforces the same rules.
extension User {
    /// Throws unless the user may act on `order`: staff on any, others on their customer's only.
    public func checkCanAct(on order: ServiceOrder) throws(Problem) {
        try checkIsActive()
        guard role.isStaff || (customerID != nil && customerID == order.customerID) else {
            throw .forbidden(.otherCustomersOrder)
        }
    }

    /// Throws unless the user may create orders for `customerID`.
    public func checkCanOrder(for customerID: Int64) throws(Problem) {
        try checkIsActive()
        guard role.isStaff || self.customerID == customerID else {
            throw .forbidden(.orderForOtherCustomer)
        }
    }

    /// Throws unless the user is an active agent or admin.
    public func checkIsStaff() throws(Problem) {
        try checkIsActive()
        guard role.isStaff else { throw .forbidden(.staffOnly) }
    }

    /// Throws unless the user is an active admin.
    public func checkIsAdmin() throws(Problem) {
        try checkIsActive()
        guard role == .admin else { throw .forbidden(.adminsOnly) }
    }

    /// Throws unless this user may be an order's current service agent: an active agent or admin.
    public func checkCanBeAssigned() throws(Problem) {
        guard role.isStaff, isActive else { throw .invalid("agentID", .notAssignable) }
    }

    private func checkIsActive() throws(Problem) {
        guard isConfirmed else { throw .forbidden(.accountNotConfirmed) }
        guard !isDisabled else { throw .forbidden(.accountDisabled) }
    }
}
