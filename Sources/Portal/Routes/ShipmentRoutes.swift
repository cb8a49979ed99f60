import HTTPServer

extension Portal {
    /// Reseller shipments: the pages (`Shipments/Portal+ShipmentPages.swift`) and the JSON API (`Portal+ShipmentAPI.swift`).
    func registerShipmentRoutes(_ router: inout Router) {
        registerShipmentPageRoutes(&router)
        registerShipmentAPIRoutes(&router)
    }
}
