// Access rules as conveniences over the one policy (`AccessPolicy`), for the core's own rules and the store.
extension User {
    /// Throws unless the user may act on `order`: staff on any, others on their company's only.
    ///
    /// A hidden order keeps its old reason here: the use cases have already answered "not found" for it,
    /// so only a caller that skipped the look-up gets this far.
    public func checkCanAct(on order: ServiceOrder) throws(Problem) {
        try AccessPolicy.standard.check(self, .editDraft, on: .order(order), hidden: .forbidden(.otherCustomersOrder))
    }

    /// Throws unless the user may create orders for `customerID`.
    public func checkCanOrder(for customerID: Int64) throws(Problem) {
        // Staff and users without a customer keep their reasons; every other refusal is "another customer".
        switch AccessPolicy.standard.decide(self, .createOrder, on: .customer(customerID)) {
        case .allowed: return
        case .denied(let reason) where reason != .noCustomer: throw .forbidden(reason)
        case .denied, .hidden: throw .forbidden(.orderForOtherCustomer)
        }
    }

    /// Throws unless the user is an active agent or admin.
    public func checkIsStaff() throws(Problem) {
        try AccessPolicy.standard.check(self, .runStaffQueue, hidden: .forbidden(.staffOnly))
    }

    /// Throws unless the user is an active admin.
    public func checkIsAdmin() throws(Problem) {
        try AccessPolicy.standard.check(self, .administer, hidden: .forbidden(.adminsOnly))
    }

    /// Throws unless this user may be an order's current service agent: an active agent or admin.
    public func checkCanBeAssigned() throws(Problem) {
        guard role.isStaff, isActive else { throw .invalid("agentID", .notAssignable) }
    }
}
