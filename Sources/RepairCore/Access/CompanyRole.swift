/// What a user may do with one customer's (company's) orders: the organisation roles of issue #10.
///
/// Today a customer or reseller user has `viewAndEdit` on their own customer and `none` elsewhere; per-user
/// roles within a company come in through `AccessPolicy.companyRole`, and callers do not change.
public enum CompanyRole: String, Sendable, Hashable, CaseIterable {
    /// See, create, change and approve the company's orders.
    case viewAndEdit = "view_and_edit"
    /// See the company's orders, change nothing.
    case viewOnly = "view_only"
    /// The company's orders do not exist for this user.
    case none
}
