import Foundation

// The order pipeline (SPEC.md): intake → questions → summary → approval.
// Every step is a pure function of the order, the catalogue and the acting user;
// the store only persists what these return.
extension ServiceOrder {
    /// Makes a new draft for `user` from a validated intake (step 1).
    public static func makeDraft(
        number: OrderNumber, customerID: Int64, by user: User, intake: Intake, at date: Date
    ) throws(Problem) -> ServiceOrder {
        try user.checkCanOrder(for: customerID)
        return ServiceOrder(
            id: 0, number: number, customerID: customerID, createdByUserID: user.id, intake: intake,
            createdAt: date)
    }

    /// Returns the draft with a revised intake; answers to questions that no longer apply are dropped.
    public func revising(
        _ intake: Intake, tasks: [ServiceTask], by user: User, at date: Date
    ) throws(Problem) -> ServiceOrder {
        try user.checkCanAct(on: self)
        guard status == .draft else { throw .notADraft(number) }
        var order = self
        order.intake = intake
        let applicable = Set(Self.applicable(tasks, modelID: intake.modelID, customerID: customerID).map(\.id))
        order.answers = answers.filter { applicable.contains($0.key) }
        order.updatedAt = date
        return order
    }

    /// Returns the draft with `raw` answers (by task ID) checked by kind (step 2).
    ///
    /// An empty answer clears it. An answer to a task that does not apply is a field error.
    public func answering(
        _ raw: [Int64: String], tasks: [ServiceTask], by user: User, at date: Date
    ) throws(Problem) -> ServiceOrder {
        try user.checkCanAct(on: self)
        guard status == .draft else { throw .notADraft(number) }
        let applicable = Self.applicable(tasks, modelID: intake.modelID, customerID: customerID)
        var order = self
        var errors: [FieldError] = []
        for (taskID, text) in raw.sorted(by: { $0.key < $1.key }) {
            guard let task = applicable.first(where: { $0.id == taskID }) else {
                errors.append(FieldError(field: "answer.\(taskID)", rule: FieldRule(.notAQuestion)))
                continue
            }
            if text.trimmingSpaces.isEmpty {
                order.answers[taskID] = nil
                continue
            }
            do {
                order.answers[taskID] = try Answer.parse(text, for: task)
            } catch {
                errors += error.fieldErrors
            }
        }
        guard errors.isEmpty else { throw .validation(errors) }
        order.updatedAt = date
        return order
    }

    /// The required questions still unanswered, as field errors (these block approval).
    public func missingAnswers(tasks: [ServiceTask]) -> [FieldError] {
        Self.applicable(tasks, modelID: intake.modelID, customerID: customerID)
            .filter { $0.isRequiredInPortal && answers[$0.id] == nil }
            .map { FieldError(field: $0.fieldName, rule: FieldRule(.unanswered)) }
    }

    /// Approves the draft (step 4): a customer's order becomes `submitted`,
    /// a reseller's `confirmed`; returns the order and its history event.
    public func approved(
        by user: User, customer: Customer, tasks: [ServiceTask], at date: Date
    ) throws(Problem) -> (ServiceOrder, OrderEvent) {
        try user.checkCanAct(on: self)
        guard customer.id == customerID else {
            throw .forbidden(.orderOfOtherCustomer)
        }
        guard status == .draft else { throw .alreadyApproved(number) }
        let missing = missingAnswers(tasks: tasks)
        guard missing.isEmpty else { throw .validation(missing) }
        let next = try status.moved(to: customer.isReseller ? .confirmed : .submitted)
        var order = self
        order.status = next
        order.updatedAt = date
        let event = OrderEvent(
            orderID: id, at: date, actorUserID: user.id, fromStatus: .draft, toStatus: next,
            note: "approved", isPublic: true)
        return (order, event)
    }

    /// Moves the order along the transition table on behalf of staff; returns the order and its event.
    public func moving(
        to next: OrderStatus, by user: User, note: String = "", isPublic: Bool = false, at date: Date
    ) throws(Problem) -> (ServiceOrder, OrderEvent) {
        try user.checkIsStaff()
        let note = try Self.checkedNote(note, isRequired: false)
        var order = self
        order.status = try status.moved(to: next)
        order.updatedAt = date
        let event = OrderEvent(
            orderID: id, at: date, actorUserID: user.id, fromStatus: status, toStatus: next,
            note: note, isPublic: isPublic)
        return (order, event)
    }

    /// Confirms a submitted order on behalf of staff (a reseller's order is confirmed at approval instead).
    public func confirming(by user: User, at date: Date) throws(Problem) -> (ServiceOrder, OrderEvent) {
        try user.checkIsStaff()
        guard status == .submitted else { throw .notSubmitted(number, status: status) }
        return try moving(to: .confirmed, by: user, note: "confirmed by the service", isPublic: true, at: date)
    }

    private static func applicable(_ tasks: [ServiceTask], modelID: Int64, customerID: Int64) -> [ServiceTask] {
        tasks.filter { $0.isFilledByCustomer && $0.applies(toModel: modelID, customer: customerID) }
    }
}
