import Foundation
import RepairCore

/// One public event of an order's history (`GET /api/v1/orders/{number}/events`).
struct APIEvent: Sendable, Encodable {
    var at: Date
    var fromStatus: String?
    var toStatus: String
    var statusLabel: String
    var note: String
    var isPublic: Bool

    init(_ event: OrderEvent) {
        at = event.at
        fromStatus = event.fromStatus?.rawValue
        toStatus = event.toStatus.rawValue
        statusLabel = event.toStatus.label
        note = event.note
        isPublic = event.isPublic
    }
}
