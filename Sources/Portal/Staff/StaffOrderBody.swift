import Foundation
import RepairCore

/// An order as staff see it in the JSON API: everything, internal notes included; a projection of `OrderView`.
/// The intake's free-text fields (`IntakeField.all`) are keys of the same object.
typealias StaffOrderBody = WithIntakeTexts<StaffOrderFields>

extension WithIntakeTexts<StaffOrderFields> {
    /// The staff projection of `view`.
    init(_ view: OrderView) {
        self.init(StaffOrderFields(view), view.order.intake)
    }
}

/// `StaffOrderBody` without the intake's free-text fields.
struct StaffOrderFields: Encodable, Sendable {
    struct AnswerLine: Encodable, Sendable {
        var taskID: Int64
        var question: String
        var answer: String
    }

    struct Event: Encodable, Sendable {
        var at: Date
        var actorName: String?
        var fromStatus: String?
        var toStatus: String
        var note: String
        var isPublic: Bool
    }

    var number: String
    var status: String
    var statusLabel: String
    /// The statuses the order may move to next.
    var nextStatuses: [String]
    var customerID: Int64
    var customerName: String
    var device: String
    var locationID: Int64
    var locationName: String
    var methodName: String
    var contact: Contact
    var assignedAgentID: Int64?
    var agentName: String?
    var createdAt: Date
    var updatedAt: Date
    var answers: [AnswerLine]
    var events: [Event]

    /// The staff projection of `view`: answered questions only, the whole history with who acted.
    init(_ view: OrderView) {
        let order = view.order
        number = order.number.description
        status = order.status.rawValue
        statusLabel = order.status.label
        nextStatuses = view.nextStatuses.map(\.rawValue)
        customerID = order.customerID
        customerName = view.customerName
        device = view.device
        locationID = order.intake.locationID
        locationName = view.location?.name ?? ""
        methodName = view.method?.name ?? ""
        contact = order.intake.contact
        assignedAgentID = order.assignedAgentID
        agentName = view.agentName
        createdAt = order.createdAt
        updatedAt = order.updatedAt
        answers = view.answers.compactMap { line in
            line.answer.map { AnswerLine(taskID: line.taskID, question: line.question, answer: $0) }
        }
        events = view.history.map {
            Event(
                at: $0.event.at, actorName: $0.actorName, fromStatus: $0.event.fromStatus?.rawValue,
                toStatus: $0.event.toStatus.rawValue, note: $0.event.note, isPublic: $0.event.isPublic)
        }
    }
}

/// One line of `GET /api/v1/staff/orders`.
struct QueueLineBody: Encodable, Sendable {
    var number: String
    var status: String
    var device: String
    var customerName: String
    var locationID: Int64
    var locationName: String
    var agentName: String?
    var createdAt: Date

    init(_ entry: StaffQueueEntry) {
        number = entry.order.number.description
        status = entry.order.status.rawValue
        device = entry.device
        customerName = entry.customerName
        locationID = entry.order.intake.locationID
        locationName = entry.locationName
        agentName = entry.agentName
        createdAt = entry.order.createdAt
    }
}

/// `POST /api/v1/staff/orders/:number/status`.
struct StatusChangeBody: Decodable, Sendable {
    var status: String
    var note: String?
    /// Public notes are shown to the customer; default internal.
    var isPublic: Bool?
}

/// `POST /api/v1/staff/orders/:number/assign`; null clears the agent.
struct AssignBody: Decodable, Sendable {
    var agentID: Int64?
}
