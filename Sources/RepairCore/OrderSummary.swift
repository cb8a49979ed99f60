/// Step 3 of the pipeline: everything entered, read-only, with the location's TAT.
public struct OrderSummary: Sendable, Hashable {
    /// One answered (or unanswered) question.
    public struct Line: Sendable, Hashable {
        public var taskID: Int64
        public var question: String
        /// The answer as text; empty when unanswered.
        public var answer: String
        public var isRequired: Bool
    }

    public var number: OrderNumber
    public var status: OrderStatus
    public var device: String
    public var serial: String
    public var fault: String
    public var locationName: String
    public var tatDays: Int
    /// "expected turnaround: N working days".
    public var turnaroundText: String
    public var methodName: String
    public var contact: Contact
    public var answers: [Line]
    /// Required questions still open; approval is refused while this is not empty.
    public var missing: [FieldError]

    /// Builds the summary of `order` from `catalogue`; throws if the order refers to unknown entries.
    public static func make(order: ServiceOrder, catalogue: Catalogue) throws(Problem) -> OrderSummary {
        guard let model = catalogue.model(id: order.intake.modelID) else {
            throw .notFound(.deviceModel, key: String(order.intake.modelID))
        }
        guard let location = catalogue.location(id: order.intake.locationID) else {
            throw .notFound(.location, key: String(order.intake.locationID))
        }
        guard let method = catalogue.method(id: order.intake.methodID) else {
            throw .notFound(.shippingMethod, key: String(order.intake.methodID))
        }
        let lines = catalogue.applicableTasks(for: order).map {
            Line(
                taskID: $0.id, question: $0.text, answer: order.answers[$0.id]?.storedText ?? "",
                isRequired: $0.isRequiredInPortal)
        }
        return OrderSummary(
            number: order.number, status: order.status, device: model.displayName,
            serial: order.intake.serial, fault: order.intake.fault, locationName: location.name,
            tatDays: location.tatDays, turnaroundText: location.turnaroundText, methodName: method.name,
            contact: order.intake.contact, answers: lines,
            missing: order.missingAnswers(tasks: catalogue.tasks))
    }
}
