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
    /// The intake as entered; its free-text fields are `intake[field]` for each of `IntakeField.all`.
    public var intake: Intake
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
        try OrderSummary(OrderView.make(order: order, catalogue: catalogue))
    }
}

extension OrderSummary {
    /// Serial number or IMEI.
    public var serial: String { intake.serial }
    /// The fault as described.
    public var fault: String { intake.fault }
}

// In an extension, so the memberwise initializer stays.
extension OrderSummary {
    /// The summary part of `view`; throws if the order refers to entries gone from the catalogue.
    public init(_ view: OrderView) throws(Problem) {
        try view.checkCatalogueEntries()
        let location = view.location
        self.init(
            number: view.number, status: view.status, device: view.device, intake: view.intake,
            locationName: location?.name ?? "", tatDays: location?.tatDays ?? 0,
            turnaroundText: location?.turnaroundText ?? "", methodName: view.method?.name ?? "",
            contact: view.intake.contact,
            answers: view.answers.map {
                Line(taskID: $0.taskID, question: $0.question, answer: $0.answer ?? "", isRequired: $0.isRequired)
            },
            missing: view.missing)
    }
}
