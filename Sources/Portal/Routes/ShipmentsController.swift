import HTTPServer

extension Portal {
    /// Reseller shipments: the pages (`Shipments/Portal+ShipmentPages.swift`) and the JSON API (`Portal+ShipmentAPI.swift`),
    /// behind the policy's `manageShipments` (reseller users; 401 when anonymous, 403 for everyone else).
    func registerShipmentRoutes(_ routes: inout PortalRoutes) {
        routes.group(.allowed(.manageShipments)) { router in
            registerShipmentPageRoutes(&router)
            registerShipmentAPIRoutes(&router)
        }
        routes.group(.open) { router in registerPackingListStylesheetRoute(&router) }
    }
}
