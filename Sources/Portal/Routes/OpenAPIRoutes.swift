import HTTPServer

extension Portal {
    /// Routes of this feature; not built yet (see README: what is not built).
    func registerOpenAPIRoutes(_ router: inout Router) {}
}
