import Foundation
import RepairCore

// JSON shapes of `/api/v1/shipments…`: bodies the API reads and answers it sends.

/// `POST /api/v1/shipments` and `POST …/orders`: the orders to put in, by number.
struct ShipmentOrdersRequest: Decodable {
    var orders: [String]
}

/// `POST /api/v1/shipments/:id/confirm`: parcels (default 1) and total weight in kg (optional).
struct ShipmentConfirmRequest: Decodable {
    var parcelCount: Int?
    var weightKg: Double?
}

/// `PUT /api/v1/shipments/:id/carrier`.
struct ShipmentCarrierRequest: Decodable {
    var carrier: String
    var trackingNumber: String
    var trackingURL: String?
}

/// One order as shipments show it.
struct ShipmentOrderBody: Encodable {
    var number: String
    var device: String
    var serial: String
    var fault: String
    var status: String

    init(_ order: ServiceOrder, catalogue: Catalogue) {
        number = order.number.description
        device = catalogue.deviceName(modelID: order.intake.modelID)
        serial = order.intake.serial
        fault = order.intake.fault
        status = order.status.rawValue
    }
}

/// A group of open orders with its count.
struct ShipmentGroupBody: Encodable {
    var locationID: Int64
    var locationName: String
    var methodID: Int64
    var methodName: String
    var count: Int
    var orders: [ShipmentOrderBody]
}

/// A shipment, with its orders and, once confirmed, the paths of its documents.
struct ShipmentBody: Encodable {
    var id: Int64
    var reference: String
    var status: String
    var locationID: Int64
    var locationName: String
    var methodID: Int64
    var methodName: String
    var orderCount: Int
    var orders: [ShipmentOrderBody]?
    var parcelCount: Int
    var weightKg: Double?
    var createdAt: Date
    var confirmedAt: Date?
    var carrier: CarrierTracking?
    var documents: [String: String]?
}

/// `GET /api/v1/shipments`.
struct ShipmentListBody: Encodable {
    var groups: [ShipmentGroupBody]
    var shipments: [ShipmentBody]
}

extension ShipmentBody {
    /// `shipment` with the names of its group; its orders when given (one shipment), none in lists.
    init(_ shipment: Shipment, orders: [ServiceOrder]?, catalogue: Catalogue) {
        let (location, method) = shipment.group.names(in: catalogue)
        let base = "/api/v1/shipments/\(shipment.id)/"
        let documents =
            shipment.status == .confirmed
            ? Dictionary(uniqueKeysWithValues: ShipmentDownload.allCases.map { ($0.rawValue, base + $0.rawValue) })
            : nil
        self.init(
            id: shipment.id, reference: shipment.reference, status: shipment.status.rawValue,
            locationID: shipment.group.locationID, locationName: location, methodID: shipment.group.methodID,
            methodName: method, orderCount: shipment.orderIDs.count,
            orders: orders?.map { ShipmentOrderBody($0, catalogue: catalogue) }, parcelCount: shipment.parcelCount,
            weightKg: shipment.weightKg, createdAt: shipment.createdAt, confirmedAt: shipment.confirmedAt,
            carrier: shipment.carrier, documents: documents)
    }
}

extension ShipmentGroupBody {
    /// `group` with the names of its location and method.
    init(_ group: ShipmentGroup, catalogue: Catalogue) {
        let (location, method) = group.key.names(in: catalogue)
        self.init(
            locationID: group.key.locationID, locationName: location, methodID: group.key.methodID,
            methodName: method, count: group.count,
            orders: group.orders.map { ShipmentOrderBody($0, catalogue: catalogue) })
    }
}

extension ShipmentGroupKey {
    /// The names of the group's location and method, for lists.
    func names(in catalogue: Catalogue) -> (location: String, method: String) {
        (
            catalogue.location(id: locationID)?.name ?? "location \(locationID)",
            catalogue.method(id: methodID)?.name ?? "method \(methodID)"
        )
    }
}
