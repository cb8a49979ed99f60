import HTTPServer
import RepairCore

// Which shipment a path names. Only reseller users have shipments; another customer's shipment answers exactly
// like a missing one.
extension ShipmentsController {
    /// The shipment named by the `:id` path parameter (row ID or `SH-…` reference), if `viewer` owns it; else 404.
    func ownedShipment(_ request: HTTPRequest, viewer: Viewer) throws -> Shipment {
        try shipments.shipment(request.pathParameters["id"] ?? "", for: viewer.user)
    }
}
