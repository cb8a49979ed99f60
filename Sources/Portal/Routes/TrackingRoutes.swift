import HTTPServer

extension Portal {
    /// Routes of this feature; not built yet (see README: what is not built).
    func registerTrackingRoutes(_ router: inout Router) {}
}
