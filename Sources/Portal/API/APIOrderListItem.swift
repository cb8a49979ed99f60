import Foundation
import RepairCore

/// One line of `GET /api/v1/orders`.
struct APIOrderListItem: Sendable, Encodable {
    var number: String
    var status: String
    var statusLabel: String
    var createdAt: Date
    var device: String
    var fault: String

    init(_ order: ServiceOrder, catalogue: Catalogue) {
        number = order.number.description
        status = order.status.rawValue
        statusLabel = order.status.label
        createdAt = order.createdAt
        device = catalogue.deviceName(modelID: order.intake.modelID)
        fault = order.intake.fault
    }
}
