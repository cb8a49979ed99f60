import Foundation

/// Everything the portal, the API and the CLI need from storage; synchronous and thread-safe.
///
/// Each call is one transaction: either all of it is written or nothing is.
/// Rules are checked by the core's pure functions inside the transaction, so a
/// call fails with a `Problem` naming the field or rule and writes nothing.
public protocol RepairRepository: Sendable {
    /// Models, locations, shipping methods and tasks.
    func catalogue() throws -> Catalogue
    /// Adds a customer; an `id` of 0 is assigned by the store. Returns it with its ID.
    func addCustomer(_ customer: Customer) throws -> Customer
    /// Adds a user; throws `Problem.conflict(field: "email")` when the e-mail is taken.
    func addUser(_ user: User) throws -> User
    /// Adds a shipping method.
    func addShippingMethod(_ method: ShippingMethod) throws -> ShippingMethod
    /// Adds a location with its accepted methods.
    func addLocation(_ location: Location) throws -> Location
    /// Adds a device model.
    func addDeviceModel(_ model: DeviceModel) throws -> DeviceModel
    /// Adds a task (question).
    func addTask(_ task: ServiceTask) throws -> ServiceTask
    /// The customer with `id`, if any.
    func customer(id: Int64) throws -> Customer?
    /// All customers, by name.
    func customers() throws -> [Customer]
    /// The user with `id`, if any.
    func user(id: Int64) throws -> User?
    /// The user with `email` (case-insensitive), if any.
    func user(email: String) throws -> User?
    /// All users, by e-mail.
    func users() throws -> [User]

    /// Creates a draft with a fresh order number (step 1 of the pipeline).
    func createDraft(customerID: Int64, intake: Intake, by user: User, at date: Date) throws -> ServiceOrder
    /// Replaces a draft's intake (answers to questions that no longer apply are dropped).
    func reviseDraft(orderID: Int64, intake: Intake, by user: User, at date: Date) throws -> ServiceOrder
    /// Records answers (raw text by task ID) on a draft (step 2).
    func answerDraft(orderID: Int64, answers: [Int64: String], by user: User, at date: Date) throws -> ServiceOrder
    /// Deletes a draft; approved orders cannot be discarded.
    func discardDraft(orderID: Int64, by user: User) throws
    /// Approves a draft (step 4): `submitted`, or `confirmed` for a reseller; appends the event.
    func approve(orderID: Int64, by user: User, at date: Date) throws -> ServiceOrder
    /// Moves an order along the status table on behalf of staff; appends the event.
    func moveOrder(
        orderID: Int64, to status: OrderStatus, by user: User, note: String, isPublic: Bool, at date: Date
    ) throws -> ServiceOrder
    /// Confirms a submitted order on behalf of staff; appends the public event.
    func confirmOrder(orderID: Int64, by user: User, at date: Date) throws -> ServiceOrder
    /// Appends a note to the order's history (staff: public or internal; customers: public, own orders).
    func addNote(orderID: Int64, note: String, isPublic: Bool, by user: User, at date: Date) throws -> OrderEvent
    /// Makes `agentID` (an agent or admin) the order's current service agent, or clears it; appends an internal note.
    func assignAgent(orderID: Int64, agentID: Int64?, by user: User, at date: Date) throws -> ServiceOrder

    /// The order with `id`, if any.
    func order(id: Int64) throws -> ServiceOrder?
    /// The order with `number`, if any.
    func order(number: OrderNumber) throws -> ServiceOrder?
    /// A customer's orders, newest first.
    func orders(customerID: Int64) throws -> [ServiceOrder]
    /// Orders in `status`, oldest first (e.g. confirmed orders awaiting shipment).
    func orders(status: OrderStatus) throws -> [ServiceOrder]
    /// Everything a page or API answer shows about the order `number`, its history as `viewer` may see it,
    /// read in one snapshot (`snapshot`'s when given); nil if no such number. Access is the caller's to check.
    func orderView(number: OrderNumber, for viewer: User, in snapshot: (any ReadSnapshot)?) throws -> OrderView?
    /// An order's history, oldest first.
    func events(orderID: Int64) throws -> [OrderEvent]
    /// What anonymous tracking needs, in one indexed query; nil if no such number.
    func tracking(number: OrderNumber) throws -> TrackingInfo?
    /// The public view of `number`, or `.notFound` after reading a stand-in order in its place, so the
    /// time a look-up takes does not tell whether a number exists (anonymous tracking's hot path); in
    /// `snapshot`'s transaction when given (an event loop's turn).
    func trackingLookUp(number: OrderNumber, in snapshot: (any ReadSnapshot)?) throws -> TrackingLookUp
}

extension RepairRepository {
    /// The view of the order `number` for `viewer`, in a read transaction of its own.
    public func orderView(number: OrderNumber, for viewer: User) throws -> OrderView? {
        try orderView(number: number, for: viewer, in: nil)
    }

    /// Tracking's look-up of `number`, in a read of its own.
    public func trackingLookUp(number: OrderNumber) throws -> TrackingLookUp {
        try trackingLookUp(number: number, in: nil)
    }
}
