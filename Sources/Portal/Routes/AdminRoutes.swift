import HTTPServer

extension Portal {
    /// Admin pages under `/admin` and the admin API under `/api/v1/admin`: admin role only.
    func registerAdminRoutes(_ router: inout Router) {
        let form = RouteOptions(maxBodyBytes: configuration.maxFormBytes)
        router.add(.get, "/admin") { [self] in try adminIndexPage($0) }
        router.add(.get, "/admin/audit") { [self] in try auditPage($0) }

        router.add(.get, "/admin/locations") { [self] in try locationListPage($0) }
        router.add(.get, "/admin/locations/new") { [self] in try locationFormPage($0) }
        router.add(.post, "/admin/locations", options: form) { [self] in try saveLocationFromPage($0) }
        router.add(.get, "/admin/locations/:id") { [self] in try locationFormPage($0) }
        router.add(.post, "/admin/locations/:id", options: form) { [self] in try saveLocationFromPage($0) }
    }
}
