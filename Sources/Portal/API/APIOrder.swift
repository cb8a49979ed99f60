import Foundation
import RepairCore

/// An order as the API returns it: its own data, for its owner or staff; a projection of `OrderView`.
struct APIOrder: Sendable, Encodable {
    struct IntakeBody: Sendable, Encodable {
        var modelID: Int64
        var device: String
        var serial: String
        var fault: String
        var locationID: Int64
        var methodID: Int64
        var contact: Contact
    }

    var number: String
    var status: String
    var statusLabel: String
    var createdAt: Date
    var updatedAt: Date
    var intake: IntakeBody
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
        intake = IntakeBody(
            modelID: order.intake.modelID, device: view.device, serial: order.intake.serial, fault: order.intake.fault,
            locationID: order.intake.locationID, methodID: order.intake.methodID, contact: order.intake.contact)
        answers = Dictionary(uniqueKeysWithValues: order.answers.map { (String($0.key), $0.value.storedText) })
        self.trackingPath = trackingPath
    }
}
