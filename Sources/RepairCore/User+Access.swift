// Access rules: who may act on which order. Checked in the core so every
// adapter (portal, API, CLI) enforces the same rules.
extension User {
    /// Throws unless the user may act on `order`: staff on any, others on their customer's only.
    public func checkCanAct(on order: ServiceOrder) throws(RepairError) {
        try checkIsActive()
        guard role.isStaff || (customerID != nil && customerID == order.customerID) else {
            throw .forbidden(rule: "acting on another customer's order")
        }
    }

    /// Throws unless the user may create orders for `customerID`.
    public func checkCanOrder(for customerID: Int64) throws(RepairError) {
        try checkIsActive()
        guard role.isStaff || self.customerID == customerID else {
            throw .forbidden(rule: "creating an order for another customer")
        }
    }

    /// Throws unless the user is an active agent or admin.
    public func checkIsStaff() throws(RepairError) {
        try checkIsActive()
        guard role.isStaff else { throw .forbidden(rule: "only staff may do this") }
    }

    /// Throws unless the user is an active admin.
    public func checkIsAdmin() throws(RepairError) {
        try checkIsActive()
        guard role == .admin else { throw .forbidden(rule: "only admins may do this") }
    }

    /// Throws unless this user may be an order's current service agent: an active agent or admin.
    public func checkCanBeAssigned() throws(RepairError) {
        guard role.isStaff, isActive else { throw .invalid("agentID", "must be an active agent or admin") }
    }

    private func checkIsActive() throws(RepairError) {
        guard isConfirmed else { throw .forbidden(rule: "the account is not confirmed yet") }
        guard !isDisabled else { throw .forbidden(rule: "the account is disabled") }
    }
}
