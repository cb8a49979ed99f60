import HTTPServer
import RepairCore

// Who may reach shipments, and which shipment a path names. Only reseller users
// have shipments; another customer's shipment answers exactly like a missing one.
extension Portal {
    /// The signed-in reseller; 401 when anonymous, 403 for every other role (page and API alike).
    func requireReseller(_ request: HTTPRequest) throws -> Viewer {
        let viewer = try requireViewer(request, roles: [.reseller])
        guard viewer.user.customerID != nil else { throw Problem.forbidden("no_company") }
        return viewer
    }

    /// The shipment named by the `:id` path parameter (row ID or `SH-…` reference), if `viewer` owns it; else 404.
    func ownedShipment(_ request: HTTPRequest, viewer: Viewer) throws -> Shipment {
        let raw = request.pathParameters["id"] ?? ""
        let reference = Shipment.reference(for: Int64(raw) ?? 0)
        guard let id = Int64(raw).flatMap({ $0 > 0 ? $0 : nil }) ?? Shipment.id(fromReference: raw),
            let shipment = try store.shipment(id: id), shipment.customerID == viewer.user.customerID
        else {
            throw Problem(.shipmentNotFound, reference: raw.hasPrefix("SH") ? raw : reference)
        }
        return shipment
    }

    /// Order numbers as typed or posted; a malformed one is a 422 naming it.
    func parseShipmentOrderNumbers(_ texts: [String], field: String = "orders") throws -> [OrderNumber] {
        try texts.map { text in
            guard let number = OrderNumber(text.trimmingCharacters(in: .whitespaces)) else {
                throw Problem.invalid(field, .orderNumberFormat, ["value": .text(String(text.prefix(40)))])
            }
            return number
        }
    }

    /// The names of the open orders' location and method, for lists.
    func shipmentGroupTitle(_ key: ShipmentGroupKey, catalogue: Catalogue) -> (location: String, method: String) {
        (
            catalogue.location(id: key.locationID)?.name ?? "location \(key.locationID)",
            catalogue.method(id: key.methodID)?.name ?? "method \(key.methodID)"
        )
    }
}
