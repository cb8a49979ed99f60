import HTTPServer
import RepairCore

// Who may reach shipments, and which shipment a path names. Only reseller users
// have shipments; another customer's shipment answers exactly like a missing one.
extension Portal {
    /// The shipment named by the `:id` path parameter (row ID or `SH-…` reference), if `viewer` owns it; else 404.
    func ownedShipment(_ request: HTTPRequest, viewer: Viewer) throws -> Shipment {
        try app.shipments.shipment(request.pathParameters["id"] ?? "", for: viewer.user)
    }

    /// The names of the open orders' location and method, for lists.
    func shipmentGroupTitle(_ key: ShipmentGroupKey, catalogue: Catalogue) -> (location: String, method: String) {
        (
            catalogue.location(id: key.locationID)?.name ?? "location \(key.locationID)",
            catalogue.method(id: key.methodID)?.name ?? "method \(key.methodID)"
        )
    }
}
