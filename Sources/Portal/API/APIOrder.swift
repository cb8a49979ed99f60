import Foundation
import RepairCore

/// An order as the API returns it: its own data, for its owner or staff; a projection of `OrderView`.
struct APIOrder: Sendable, Encodable {
    struct IntakeBody: Sendable, Encodable {
        var modelID: Int64
        var device: String
        var locationID: Int64
        var methodID: Int64
        var contact: Contact
    }

    var number: String
    var status: String
    var statusLabel: String
    var createdAt: Date
    var updatedAt: Date
    /// The intake, its free-text fields (`IntakeField.all`) included.
    var intake: WithIntakeTexts<IntakeBody>
    /// Answers by task ID, as text.
    var answers: [String: String]
    /// The signed tracking link path (`/t/…`).
    var trackingPath: String

    init(_ view: OrderView, trackingPath: String) {
        let order = view.order
        number = order.number.description
        status = order.status.rawValue
        statusLabel = order.status.label
        createdAt = order.createdAt
        updatedAt = order.updatedAt
        intake = WithIntakeTexts(
            IntakeBody(
                modelID: order.intake.modelID, device: view.device, locationID: order.intake.locationID,
                methodID: order.intake.methodID, contact: order.intake.contact),
            order.intake)
        answers = Dictionary(uniqueKeysWithValues: order.answers.map { (String($0.key), $0.value.storedText) })
        self.trackingPath = trackingPath
    }
}
