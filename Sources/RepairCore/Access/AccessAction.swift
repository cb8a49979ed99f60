/// What a viewer wants to do; the access policy answers each for a viewer and a resource.
public enum AccessAction: String, Sendable, Hashable, CaseIterable {
    /// Read an order, its questions, summary and history.
    case viewOrder = "view_order"
    /// Create a draft for a customer (the resource names the customer).
    case createOrder = "create_order"
    /// Revise, answer or discard a draft.
    case editDraft = "edit_draft"
    /// Approve a draft.
    case approveOrder = "approve_order"
    /// Add a note to an order's history.
    case noteOrder = "note_order"
    /// List a customer's orders (the resource names the customer).
    case listOrders = "list_orders"
    /// Create, fill, confirm and read a company's shipments.
    case manageShipments = "manage_shipments"
    /// Work the staff queue: confirm, move and assign orders.
    case runStaffQueue = "run_staff_queue"
    /// Edit the catalogue, customers, accounts, templates and the outbox.
    case administer
    /// Create, list and revoke one's own API tokens.
    case manageOwnTokens = "manage_own_tokens"
}
