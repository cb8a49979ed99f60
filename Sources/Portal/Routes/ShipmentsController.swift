import HTTPServer
import RepairApp
import RepairCore

/// Reseller shipments: the pages (`Shipments/ShipmentsController+Pages.swift`) and the JSON API
/// (`ShipmentsController+API.swift`), behind the policy's `manageShipments` (reseller users; 401 when anonymous,
/// 403 for everyone else), and the packing list's stylesheet, open to anyone.
struct ShipmentsController: FeatureController {
    /// Create, fill, confirm and discard shipments; they check the shipment's owner.
    let shipments: Shipments
    /// Read for the catalogue, a shipment's orders and the shipment as it is now.
    let store: any RepairRepository & ShipmentRepository
    /// The packing lists and labels of confirmed shipments.
    let documents: ShipmentDocuments
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.allowed(.manageShipments)) { router in
            registerPages(&router)
            registerAPI(&router)
        }
        routes.group(.open) { router in registerPackingListStylesheet(&router) }
    }
}
