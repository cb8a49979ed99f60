import HTTPServer

extension Portal {
    /// Routes of this feature; not built yet (see README: what is not built).
    func registerShipmentRoutes(_ router: inout Router) {}
}
