import Foundation
import HTTPServer
import RepairCore
import RepairStore
import Testing

@testable import Portal

@Suite("Admin pages over loopback")
struct AdminPageTests {
    /// Every admin page and API route, with `:id` filled in.
    static func adminRoutes(_ harness: PortalHarness) -> [(HTTPMethod, String)] {
        harness.portal.makeRouter().registeredRoutes
            .filter { $0.pattern.hasPrefix("/admin") || $0.pattern.hasPrefix("/api/v1/admin") }
            .map { ($0.method, $0.pattern.replacingOccurrences(of: ":id", with: "1")) }
    }

    @Test func everyAdminRouteRefusesOtherRolesAndChangesNothing() throws {
        let harness = try PortalHarness()
        let routes = Self.adminRoutes(harness)
        #expect(routes.count > 30)
        let before = try harness.store.catalogue()
        for account in [PortalHarness.Account.customer, .reseller, .agent] {
            let client = try harness.signedIn(account)
            for (method, path) in routes {
                let response =
                    method == .get
                    ? try client.request(.get, path)
                    : try client.sendJSON(method, path, json: #"{"name": "Hacked", "tatDays": 1}"#)
                #expect(response.status == 403, "\(account) \(method.rawValue) \(path) answered \(response.status)")
            }
        }
        let anonymous = try harness.client()
        for (method, path) in routes {
            let response = try anonymous.request(method, path)
            if method == .get && !path.hasPrefix("/api/") {
                #expect(
                    response.status == 303 && response.headers["Location"]?.hasPrefix("/login?next=") == true, "\(path)"
                )
            } else {
                #expect(response.status == 401, "anonymous \(method.rawValue) \(path) answered \(response.status)")
            }
        }
        #expect(try harness.store.catalogue() == before)
        #expect(try harness.store.auditEntries().isEmpty)
    }

    @Test func indexLinksEverySection() throws {
        let harness = try PortalHarness()
        let page = try harness.signedIn(.admin).request(.get, "/admin")
        #expect(page.status == 200)
        // Every admin page one level below the index, from the router itself: a new section cannot be forgotten
        // (the outbox once was).
        let sections = harness.portal.makeRouter().registeredRoutes
            .filter { $0.method == .get && $0.pattern.hasPrefix("/admin/") && $0.pattern.split(separator: "/").count == 2 }
            .map(\.pattern)
        #expect(sections.contains("/admin/outbox") && sections.count >= 9)
        for path in sections {
            #expect(page.text.contains("href=\"\(path)\""), "\(path)")
        }
    }

    @Test func adminMakesALocationNonPublicAndChangesItsTAT() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.admin)
        let form = try client.request(.get, "/admin/locations/2")
        #expect(form.status == 200)
        #expect(form.text.contains("value=\"7\""))
        let response = try client.postForm(
            "/admin/locations/2",
            [
                "csrf_token": try PortalHarness.csrfToken(in: form.text), "name": "Kraków Serwis",
                "address": "ul. Długa 22\r\nKraków",
                "tatDays": "9", "methodIDs": "1",
            ])
        #expect(response.status == 303)
        let location = try #require(try harness.store.catalogue().location(id: 2))
        #expect(location.tatDays == 9 && !location.isPublic && location.methodIDs == [1])
        #expect(try !harness.store.catalogue().publicLocations.contains { $0.id == 2 })
        let audit = try client.request(.get, "/admin/audit")
        #expect(audit.text.contains("tatDays: 7 → 9"))
        #expect(audit.text.contains("Małgorzata Admin"))
        #expect(audit.text.contains("location 2: Kraków Serwis"))
    }

    /// Each bad form: the status, the error beside its field, and nothing written.
    @Test(arguments: [
        (
            "/admin/locations/1", ["name": "Warszawa Centrum", "address": "x", "tatDays": "abc", "isPublic": "yes"],
            422, "Invalid TAT"
        ),
        ("/admin/locations/1", ["name": "Warszawa Centrum", "address": "x", "tatDays": "0"], 422, "Invalid TAT"),
        ("/admin/locations/1", ["name": "", "address": "", "tatDays": "400"], 422, "is required"),
        ("/admin/locations/1", ["name": "kraków serwis", "address": "x", "tatDays": "5"], 409, "already called"),
        ("/admin/locations", ["name": "Nowa", "address": "x", "tatDays": "5", "methodIDs": "x"], 422, "is not an ID"),
        ("/admin/methods", ["name": "Poczta Polska"], 409, "already called"),
        ("/admin/methods/2", ["name.2": " "], 422, "is required"),
        ("/admin/models", ["manufacturer": "Apple", "name": "iPhone 13"], 409, "already has"),
        (
            "/admin/tasks/2",
            ["text": "Lock code", "kind": "text", "scope": "models", "modelIDs": "404", "isFilledByCustomer": "yes"],
            422, "a task scope naming unknown models: 404"
        ),
        ("/admin/tasks", ["text": "Box?", "kind": "choice", "choices": "one", "scope": "all"], 422, "at least two"),
        ("/admin/tasks", ["text": "Box?", "kind": "essay", "scope": "all"], 422, "must be one of"),
        ("/admin/customers/1", ["name": "", "kind": "person"], 422, "is required"),
        ("/admin/customers", ["name": "X", "kind": "robot"], 422, "person, company"),
    ])
    func badFormsShowTheErrorAndChangeNothing(path: String, fields: [String: String], status: Int, message: String)
        throws
    {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.admin)
        let before = try harness.store.catalogue()
        let customers = try harness.store.customers()
        let token = try PortalHarness.csrfToken(in: try client.request(.get, "/admin/locations/new").text)
        let response = try client.postForm(path, fields.merging(["csrf_token": token]) { $1 })
        #expect(response.status == status)
        #expect(response.text.contains(message), "\(response.text.prefix(2000))")
        #expect(response.text.contains("class=\"error\""))
        #expect(try harness.store.catalogue() == before)
        #expect(try harness.store.customers() == customers)
        #expect(try harness.store.auditEntries().isEmpty)
    }

    @Test func removingAMethodInUseIsRefusedWithTheCount() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.admin)
        let open = try OrderStatus.allCases.filter(\.isOpen).flatMap { try harness.store.orders(status: $0) }
            .filter { $0.intake.methodID == 1 }.count
        #expect(open > 1)
        let page = try client.request(.get, "/admin/methods")
        let response = try client.postForm(
            "/admin/methods/1/remove", ["csrf_token": try PortalHarness.csrfToken(in: page.text)])
        #expect(response.status == 409)
        #expect(response.text.contains("\(open) open orders use this method"))
        #expect(response.text.contains("id=\"field-name-1-error\""))
        #expect(try harness.store.catalogue().method(id: 1) != nil)
    }

    @Test func postsWithoutTheCSRFTokenAreRefused() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.admin)
        let response = try client.postForm("/admin/methods", ["name": "Pigeon"])
        #expect(response.status == 403)
        #expect(try harness.store.catalogue().methods.count == 3)
    }

    @Test func adminAddsACustomerTaskModelAndMethod() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.admin)
        let token = try PortalHarness.csrfToken(in: try client.request(.get, "/admin/customers/new").text)
        #expect(
            try client.postForm(
                "/admin/customers",
                ["csrf_token": token, "name": "Nowy Partner", "kind": "company", "isReseller": "yes"]
            ).status == 303)
        #expect(
            try client.postForm("/admin/models", ["csrf_token": token, "manufacturer": "Fairphone", "name": "5"]).status
                == 303)
        #expect(try client.postForm("/admin/methods", ["csrf_token": token, "name": "InPost"]).status == 303)
        #expect(try client.postForm("/admin/methods/3", ["csrf_token": token, "name.3": "Counter"]).status == 303)
        let customer = try #require(try harness.store.customers().first { $0.name == "Nowy Partner" })
        #expect(customer.isReseller && customer.kind == .company)
        var fields = [
            "csrf_token": token, "text": "Colour?", "kind": "choice", "choices": "black\r\nwhite", "scope": "customers",
            "isFilledByCustomer": "yes", "isRequiredInPortal": "yes",
        ]
        fields["customerIDs"] = String(customer.id)
        #expect(try client.postForm("/admin/tasks", fields).status == 303)
        let catalogue = try harness.store.catalogue()
        let task = try #require(catalogue.tasks.last)
        #expect(
            task.kind == .choice(["black", "white"]) && task.scope == .customers([customer.id])
                && task.isRequiredInPortal)
        #expect(catalogue.method(id: 3)?.name == "Counter")
        #expect(catalogue.models.contains { $0.displayName == "Fairphone 5" })
        for path in ["/admin/customers", "/admin/tasks", "/admin/models", "/admin/methods", "/admin/tasks/\(task.id)"] {
            let page = try client.request(.get, path)
            #expect(page.status == 200, "\(path)")
        }
        #expect(try harness.store.auditEntries().count == 5)
        let filtered = try client.request(.get, "/admin/audit?entity=customer")
        #expect(filtered.text.contains("customer.create") && !filtered.text.contains("task.create"))
        #expect(try client.request(.get, "/admin/audit?limit=0").status == 400)
    }

    @Test func unknownEntriesAnswer404() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.admin)
        for path in [
            "/admin/locations/99", "/admin/locations/x", "/admin/tasks/99", "/admin/customers/99", "/admin/models/99",
        ] {
            #expect(try client.request(.get, path).status == 404, "\(path)")
        }
    }
}
