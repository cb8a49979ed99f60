/// Everything a page or an API answer shows about one order, as one viewer may see it: data only, no HTML or JSON.
///
/// The store reads it in one snapshot (`RepairRepository.orderView(number:for:)`); the order pages, the staff
/// page, the order APIs and the summary render it, so a new field is added here once rather than in each.
public struct OrderView: Sendable, Hashable {
    /// One question that applies to the order, with its answer.
    public struct AnswerLine: Sendable, Hashable {
        public var taskID: Int64
        public var question: String
        /// The answer as text; nil when unanswered.
        public var answer: String?
        public var isRequired: Bool
        /// The question's form and problem field name (`ServiceTask.fieldName`).
        public var fieldName: String
    }

    /// One event of the history, with the name of who acted (nil for the system or a deleted user).
    public struct HistoryEntry: Sendable, Hashable {
        public var event: OrderEvent
        public var actorName: String?
    }

    public var order: ServiceOrder
    /// The device as people read it (`Catalogue.deviceName(modelID:)`).
    public var device: String
    /// The model, location and method; nil when gone from the catalogue.
    public var model: DeviceModel?
    public var location: Location?
    public var method: ShippingMethod?
    /// The customer the order belongs to; nil only if it is gone.
    public var customer: Customer?
    /// The current service agent's display name, if one is assigned.
    public var agentName: String?
    /// The questions that apply, answered or not, in catalogue order.
    public var answers: [AnswerLine]
    /// Required questions still open; approval is refused while this is not empty.
    public var missing: [FieldError]
    /// The history, oldest first, as the viewer may see it (`OrderEvent.visible(to:)`).
    public var history: [HistoryEntry]

    public var number: OrderNumber { order.number }
    public var status: OrderStatus { order.status }
    public var intake: Intake { order.intake }
    /// The statuses staff may move the order to next.
    public var nextStatuses: [OrderStatus] { order.status.nextStatuses }
    /// The customer's name; empty when the customer is gone.
    public var customerName: String { customer?.name ?? "" }
    /// Resellers' orders are confirmed as soon as they are approved.
    public var isReseller: Bool { customer?.isReseller ?? false }

    /// Builds the view of `order` from what one snapshot read: the catalogue, its customer, the display names of
    /// the users it mentions (by ID), and its history filtered for `viewer` (all of it when nil).
    public static func make(
        order: ServiceOrder, catalogue: Catalogue, customer: Customer? = nil, userNames: [Int64: String] = [:],
        events: [OrderEvent] = [], viewer: User? = nil
    ) -> OrderView {
        let answers = catalogue.applicableTasks(for: order).map {
            AnswerLine(
                taskID: $0.id, question: $0.text, answer: order.answers[$0.id]?.storedText,
                isRequired: $0.isRequiredInPortal, fieldName: $0.fieldName)
        }
        let shown = viewer.map { events.visible(to: $0) } ?? events
        return OrderView(
            order: order, device: catalogue.deviceName(modelID: order.intake.modelID),
            model: catalogue.model(id: order.intake.modelID), location: catalogue.location(id: order.intake.locationID),
            method: catalogue.method(id: order.intake.methodID), customer: customer,
            agentName: order.assignedAgentID.flatMap { userNames[$0] }, answers: answers,
            missing: order.missingAnswers(tasks: catalogue.tasks),
            history: shown.map { HistoryEntry(event: $0, actorName: $0.actorUserID.flatMap { userNames[$0] }) })
    }

    /// Throws when the order names a model, location or method no longer in the catalogue (the summary needs all).
    public func checkCatalogueEntries() throws(Problem) {
        guard model != nil else { throw .notFound(.deviceModel, key: String(intake.modelID)) }
        guard location != nil else { throw .notFound(.location, key: String(intake.locationID)) }
        guard method != nil else { throw .notFound(.shippingMethod, key: String(intake.methodID)) }
    }
}
