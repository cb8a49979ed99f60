import Foundation
import RepairCore

/// A customer's or reseller's own orders: the new-order wizard (draft, questions, approval), notes, look-ups.
///
/// Another customer's order and an unknown number are the same `not_found` problem, so no answer reveals that
/// someone else's order exists.
public struct CustomerOrders: Sendable {
    let store: any RepairRepository
    let now: @Sendable () -> Date
    let policy: AccessPolicy

    /// The use cases over `store`, reading the time from `now`, deciding access with `policy`.
    public init(store: any RepairRepository, now: @escaping @Sendable () -> Date, policy: AccessPolicy = .standard) {
        self.store = store
        self.now = now
        self.policy = policy
    }

    /// The order `number` if `viewer` may see it; unknown, malformed and hidden numbers are one `not_found`.
    public func order(number text: String, for viewer: User) throws -> ServiceOrder {
        let notFound = Problem.notFound(.order, key: text)
        guard let number = OrderNumber(text), let order = try store.order(number: number) else { throw notFound }
        try policy.check(viewer, .viewOrder, on: .order(order), hidden: notFound)
        return order
    }

    /// Everything about the order `number` for `viewer`, read in one snapshot; the same `not_found` as `order`.
    public func view(number text: String, for viewer: User) throws -> OrderView {
        let notFound = Problem.notFound(.order, key: text)
        guard let number = OrderNumber(text), let view = try store.orderView(number: number, for: viewer) else {
            throw notFound
        }
        try policy.check(viewer, .viewOrder, on: .order(view.order), hidden: notFound)
        return view
    }

    /// The order `number` if `viewer` may see it and it is still a draft; else `not_a_draft`.
    public func draft(number: String, for viewer: User) throws -> ServiceOrder {
        let order = try order(number: number, for: viewer)
        guard order.status == .draft else { throw Problem.notADraft(order.number) }
        return order
    }

    /// The viewer's company's orders, newest first.
    public func myOrders(for viewer: User) throws -> [ServiceOrder] {
        let customerID = try ownCustomer(of: viewer)
        try policy.check(viewer, .listOrders, on: .customer(customerID), hidden: .forbidden(.noCustomer))
        return try store.orders(customerID: customerID)
    }

    /// Step 1: a new draft for the viewer's company from `form`; `inputErrors` (fields the edge could not even
    /// read, such as a JSON string where a number belongs) are reported with the intake's own, one per field.
    public func createDraft(_ form: IntakeForm, inputErrors: [FieldError] = [], by viewer: User) throws
        -> ServiceOrder
    {
        let customerID = try ownCustomer(of: viewer)
        try policy.check(viewer, .createOrder, on: .customer(customerID), hidden: .forbidden(.orderForOtherCustomer))
        let intake = try Self.validate(form, inputErrors: inputErrors, against: store.catalogue())
        return try store.createDraft(customerID: customerID, intake: intake, by: viewer, at: now())
    }

    /// Step 1 again: replaces the draft's intake (answers that no longer apply are dropped).
    public func reviseDraft(number: String, _ form: IntakeForm, inputErrors: [FieldError] = [], by viewer: User)
        throws -> ServiceOrder
    {
        let order = try order(number: number, for: viewer)
        let intake = try Self.validate(form, inputErrors: inputErrors, against: store.catalogue())
        return try store.reviseDraft(orderID: order.id, intake: intake, by: viewer, at: now())
    }

    /// The questions that apply to the order `number`, in catalogue order.
    public func questions(number: String, for viewer: User) throws -> [ServiceTask] {
        try store.catalogue().applicableTasks(for: try order(number: number, for: viewer))
    }

    /// Step 2: records `answers` (raw text by task ID; empty clears). With `requireAll` (the wizard page) every
    /// required question must be answered too, and nothing is written while any answer is wrong or missing.
    public func answer(number: String, _ answers: [Int64: String], requireAll: Bool = false, by viewer: User)
        throws -> ServiceOrder
    {
        let order = try order(number: number, for: viewer)
        if requireAll {
            let tasks = try store.catalogue().applicableTasks(for: order)
            let missing = try order.answering(answers, tasks: tasks, by: viewer, at: now()).missingAnswers(tasks: tasks)
            guard missing.isEmpty else { throw Problem.validation(missing) }
        }
        return try store.answerDraft(orderID: order.id, answers: answers, by: viewer, at: now())
    }

    /// Step 4: approves the draft; `submitted`, or `confirmed` for a reseller.
    ///
    /// The draft's intake is checked again against today's catalogue, by the rule that accepted it: a location
    /// made non-public, or a method it no longer takes, since the draft was saved refuses approval with the
    /// intake's own field errors (`locationID`, `methodID`), so the customer chooses again.
    public func approve(number: String, by viewer: User) throws -> ServiceOrder {
        let order = try order(number: number, for: viewer)
        try policy.check(viewer, .approveOrder, on: .order(order), hidden: .notFound(.order, key: number))
        _ = try IntakeForm(order.intake).validate(against: store.catalogue())
        return try store.approve(orderID: order.id, by: viewer, at: now())
    }

    /// Deletes the draft `number`; returns it as it was.
    @discardableResult
    public func discard(number: String, by viewer: User) throws -> ServiceOrder {
        let order = try order(number: number, for: viewer)
        try store.discardDraft(orderID: order.id, by: viewer)
        return order
    }

    /// Adds the viewer's public note to the order's history.
    public func addNote(number: String, _ note: String, by viewer: User) throws -> OrderEvent {
        let order = try order(number: number, for: viewer)
        try policy.check(viewer, .noteOrder, on: .order(order), hidden: .notFound(.order, key: number))
        return try store.addNote(orderID: order.id, note: note, isPublic: true, by: viewer, at: now())
    }

    // Customer and reseller users order for the customer their account belongs to.
    private func ownCustomer(of viewer: User) throws(Problem) -> Int64 {
        guard let customerID = viewer.customerID else { throw .forbidden(.noCustomer) }
        return customerID
    }

    // A field the edge could not read is reported as that, not as the "is required" its placeholder earned.
    static func validate(_ form: IntakeForm, inputErrors: [FieldError], against catalogue: Catalogue) throws(Problem)
        -> Intake
    {
        let intake: Intake
        do {
            intake = try form.validate(against: catalogue)
        } catch {
            let unreadable = Set(inputErrors.map(\.field))
            throw .validation(inputErrors + error.fieldErrors.filter { !unreadable.contains($0.field) })
        }
        guard inputErrors.isEmpty else { throw .validation(inputErrors) }
        return intake
    }
}
