import HTTPServer
import RepairApp
import RepairCore

/// The admin's catalogue under `/admin` and `/api/v1/admin`: locations, shipping methods, device models, tasks,
/// customers and the audit list; pages and JSON, behind the policy's `administer` (admins).
struct AdminController: FeatureController, PageRendering {
    /// The catalogue and customer edits, with their rules and audit.
    let adminCatalogue: AdminCatalogue
    /// Read for the lists and forms, and for the audit list with the names it shows.
    let store: any RepairRepository & AuditRepository
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.allowed(.administer)) { router in
            registerPages(&router)
            registerAdminAPIRoutes(&router)
        }
    }

    private func registerPages(_ router: inout RouteGroup) {
        let form = router.bodyOptions
        router.add(.get, "/admin") { try adminIndexPage($0, $1) }
        router.add(.get, "/admin/audit") { try auditPage($0, $1) }

        router.add(.get, "/admin/locations") { try locationListPage($0, $1) }
        router.add(.get, "/admin/locations/new") { try locationFormPage($0, $1) }
        router.add(.post, "/admin/locations", options: form) { try saveLocationFromPage($0, $1) }
        router.add(.get, "/admin/locations/:id") { try locationFormPage($0, $1) }
        router.add(.post, "/admin/locations/:id", options: form) { try saveLocationFromPage($0, $1) }

        router.add(.get, "/admin/methods") { try methodListPage($0, $1) }
        router.add(.post, "/admin/methods", options: form) { try addMethodFromPage($0, $1) }
        router.add(.post, "/admin/methods/:id", options: form) { try renameMethodFromPage($0, $1) }
        router.add(.post, "/admin/methods/:id/remove", options: form) { try removeMethodFromPage($0, $1) }

        router.add(.get, "/admin/models") { try modelListPage($0, $1) }
        router.add(.post, "/admin/models", options: form) { try saveModelFromPage($0, $1) }
        router.add(.get, "/admin/models/:id") { try modelEditPage($0, $1) }
        router.add(.post, "/admin/models/:id", options: form) { try saveModelFromPage($0, $1) }

        router.add(.get, "/admin/tasks") { try taskListPage($0, $1) }
        router.add(.get, "/admin/tasks/new") { try taskFormPage($0, $1) }
        router.add(.post, "/admin/tasks", options: form) { try saveTaskFromPage($0, $1) }
        router.add(.get, "/admin/tasks/:id") { try taskFormPage($0, $1) }
        router.add(.post, "/admin/tasks/:id", options: form) { try saveTaskFromPage($0, $1) }

        router.add(.get, "/admin/customers") { try customerListPage($0, $1) }
        router.add(.get, "/admin/customers/new") { try customerFormPage($0, $1) }
        router.add(.post, "/admin/customers", options: form) { try saveCustomerFromPage($0, $1) }
        router.add(.get, "/admin/customers/:id") { try customerFormPage($0, $1) }
        router.add(.post, "/admin/customers/:id", options: form) { try saveCustomerFromPage($0, $1) }
    }
}
