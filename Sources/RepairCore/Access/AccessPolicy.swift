/// The one access policy: for a viewer, an action and a resource, allowed, denied (with a reason) or hidden
/// (answer as if the resource did not exist). Every adapter and the core's own rules ask it, so a new input
/// (organisation roles, per-order sharing) is a change here and nowhere else.
public struct AccessPolicy: Sendable {
    /// The role of `user` within the company `customerID`; today derived from the user's own customer.
    public var companyRole: @Sendable (_ user: User, _ customerID: Int64) -> CompanyRole

    /// A policy with `companyRole` deciding what customer and reseller users may do with a company's orders.
    public init(companyRole: @escaping @Sendable (_ user: User, _ customerID: Int64) -> CompanyRole = Self.ownCompany) {
        self.companyRole = companyRole
    }

    /// Today's policy: roles as the accounts carry them, each user acting for their own customer only.
    public static let standard = AccessPolicy()

    /// Today's organisation rule: full rights on one's own customer, none on any other.
    public static func ownCompany(_ user: User, _ customerID: Int64) -> CompanyRole {
        user.customerID == customerID ? .viewAndEdit : .none
    }

    /// What `viewer` may do: `action` on `resource`.
    public func decide(_ viewer: User, _ action: AccessAction, on resource: AccessResource = .shop) -> AccessDecision {
        guard viewer.isConfirmed else { return .denied(.accountNotConfirmed) }
        guard !viewer.isDisabled else { return .denied(.accountDisabled) }
        switch action {
        case .runStaffQueue: return viewer.role.isStaff ? .allowed : .denied(.staffOnly)
        case .administer: return viewer.role == .admin ? .allowed : .denied(.adminsOnly)
        case .manageOwnTokens: return .allowed
        case .manageShipments: return decideShipments(viewer, resource)
        case .viewOrder, .createOrder, .editDraft, .approveOrder, .noteOrder, .listOrders:
            return decideOrders(viewer, action, resource)
        }
    }

    /// Throws unless `viewer` may do `action` on `resource`: a denial is `forbidden` with its reason, a hidden
    /// resource is `hidden` (the caller's not-found problem).
    public func check(
        _ viewer: User, _ action: AccessAction, on resource: AccessResource = .shop, hidden: @autoclosure () -> Problem
    ) throws(Problem) {
        switch decide(viewer, action, on: resource) {
        case .allowed: return
        case .denied(let reason): throw .forbidden(reason)
        case .hidden: throw hidden()
        }
    }

    // Staff work on every customer's orders; customer and reseller users by their role in the order's company.
    private func decideOrders(_ viewer: User, _ action: AccessAction, _ resource: AccessResource) -> AccessDecision {
        if viewer.role.isStaff { return .allowed }
        guard viewer.customerID != nil else { return .denied(.noCustomer) }
        guard let customerID = resource.customerID else { return .denied(.staffOnly) }
        switch (companyRole(viewer, customerID), action) {
        case (.viewAndEdit, _), (.viewOnly, .viewOrder), (.viewOnly, .listOrders): return .allowed
        case (.viewOnly, _): return .denied(.viewOnly)
        // Creating names a customer the viewer chose, so refusing it reveals nothing.
        case (.none, .createOrder): return .denied(.orderForOtherCustomer)
        case (.none, _): return .hidden
        }
    }

    // Shipments are a reseller company's; another company's shipment is hidden like a missing one.
    private func decideShipments(_ viewer: User, _ resource: AccessResource) -> AccessDecision {
        guard viewer.role == .reseller else { return .denied(.resellersOnly) }
        guard viewer.customerID != nil else { return .denied(.noCompany) }
        guard let customerID = resource.customerID else { return .allowed }
        return companyRole(viewer, customerID) == .viewAndEdit ? .allowed : .hidden
    }
}
