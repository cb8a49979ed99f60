import HTTPServer

extension Portal {
    /// Admin pages under `/admin` and the admin API under `/api/v1/admin`: the policy's `administer` (admins).
    func registerAdminRoutes(_ routes: inout PortalRoutes) {
        routes.group(.allowed(.administer)) { router in registerAdminRoutes(&router) }
    }

    private func registerAdminRoutes(_ router: inout RouteGroup) {
        let form = router.bodyOptions
        router.add(.get, "/admin") { [self] in try adminIndexPage($0, $1) }
        router.add(.get, "/admin/audit") { [self] in try auditPage($0, $1) }

        router.add(.get, "/admin/locations") { [self] in try locationListPage($0, $1) }
        router.add(.get, "/admin/locations/new") { [self] in try locationFormPage($0, $1) }
        router.add(.post, "/admin/locations", options: form) { [self] in try saveLocationFromPage($0, $1) }
        router.add(.get, "/admin/locations/:id") { [self] in try locationFormPage($0, $1) }
        router.add(.post, "/admin/locations/:id", options: form) { [self] in try saveLocationFromPage($0, $1) }

        router.add(.get, "/admin/methods") { [self] in try methodListPage($0, $1) }
        router.add(.post, "/admin/methods", options: form) { [self] in try addMethodFromPage($0, $1) }
        router.add(.post, "/admin/methods/:id", options: form) { [self] in try renameMethodFromPage($0, $1) }
        router.add(.post, "/admin/methods/:id/remove", options: form) { [self] in try removeMethodFromPage($0, $1) }

        router.add(.get, "/admin/models") { [self] in try modelListPage($0, $1) }
        router.add(.post, "/admin/models", options: form) { [self] in try saveModelFromPage($0, $1) }
        router.add(.get, "/admin/models/:id") { [self] in try modelEditPage($0, $1) }
        router.add(.post, "/admin/models/:id", options: form) { [self] in try saveModelFromPage($0, $1) }

        router.add(.get, "/admin/tasks") { [self] in try taskListPage($0, $1) }
        router.add(.get, "/admin/tasks/new") { [self] in try taskFormPage($0, $1) }
        router.add(.post, "/admin/tasks", options: form) { [self] in try saveTaskFromPage($0, $1) }
        router.add(.get, "/admin/tasks/:id") { [self] in try taskFormPage($0, $1) }
        router.add(.post, "/admin/tasks/:id", options: form) { [self] in try saveTaskFromPage($0, $1) }

        router.add(.get, "/admin/customers") { [self] in try customerListPage($0, $1) }
        router.add(.get, "/admin/customers/new") { [self] in try customerFormPage($0, $1) }
        router.add(.post, "/admin/customers", options: form) { [self] in try saveCustomerFromPage($0, $1) }
        router.add(.get, "/admin/customers/:id") { [self] in try customerFormPage($0, $1) }
        router.add(.post, "/admin/customers/:id", options: form) { [self] in try saveCustomerFromPage($0, $1) }

        registerAdminTemplateRoutes(&router)
        registerAdminAPIRoutes(&router)
    }
}
