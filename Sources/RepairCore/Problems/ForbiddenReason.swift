/// Why the acting user may not do something (`problem.forbidden.<reason>` in the catalogues).
public enum ForbiddenReason: String, Sendable, Hashable, CaseIterable {
    case otherCustomersOrder = "other_customers_order"
    case orderForOtherCustomer = "order_for_other_customer"
    case orderOfOtherCustomer = "order_of_other_customer"
    case staffOnly = "staff_only"
    case adminsOnly = "admins_only"
    case accountNotConfirmed = "account_not_confirmed"
    case accountDisabled = "account_disabled"
    case ownAccount = "own_account"
    case noCustomer = "no_customer"
    case noCompany = "no_company"
    case resellersOnly = "resellers_only"
    case viewOnly = "view_only"
}
