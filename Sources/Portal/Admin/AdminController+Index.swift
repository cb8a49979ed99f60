import HTMLKit
import HTTPServer
import RepairCore

// The admin start page and the audit list.
extension AdminController {
    /// Entries per page of the audit list when `limit` is not given (default 50).
    static let auditPageSize = 50
    /// Largest `limit` the audit list accepts (default 200).
    static let maxAuditPageSize = 200

    /// Every admin section, in the order the index lists them.
    static let adminSections: [(key: String, path: String)] = [
        ("locations", "/admin/locations"), ("methods", "/admin/methods"), ("models", "/admin/models"),
        ("tasks", "/admin/tasks"), ("customers", "/admin/customers"), ("accounts", "/admin/accounts"),
        ("templates", "/admin/templates"), ("outbox", "/admin/outbox"), ("audit", "/admin/audit"),
    ]

    func adminIndexPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let items = Self.adminSections.map { section -> HTML in
            "<li>\(AdminViews.link(L("admin.section.\(section.key)"), to: section.path)) — \(L("admin.section.\(section.key).about"))</li>"
        }
        return page(request, viewer: viewer, title: L("nav.admin"), content: "<ul class=\"admin-sections\">\(items)</ul>")
    }

    /// The audit list, newest first (no table caption: it wraps badly on a phone).
    func auditPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let query = try AuditQuery(request, defaultLimit: viewer.preferences.pageSize)
        let entries = try store.auditEntries(entity: query.entity, limit: query.limit + 1, offset: query.offset)
        let names = Dictionary(
            try store.users().map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let subjects = try auditSubjects()
        let rows = entries.prefix(query.limit).map { entry -> [HTML] in
            [
                .text(AdminViews.timestamp(entry.at)), .text(entry.actorID.flatMap { names[$0] } ?? L("staff.system")),
                .text(entry.action),
                .text(subjects["\(entry.entity) \(entry.entityKey)"] ?? "\(Self.entityName(entry.entity)) \(entry.entityKey)"),
                .text(entry.details),
            ]
        }
        let table = Table(
            columns: [L("column.when"), L("column.who"), L("column.what"), L("column.which"), L("column.changes")],
            rows: Array(rows),
            emptyMessage: L("admin.audit.empty"))
        var pager: [HTML] = []
        let entityParameter = query.entity.map { "&entity=" + percentEncodedQueryValue($0) } ?? ""
        if query.offset > 0 {
            let previous = max(0, query.offset - query.limit)
            pager.append("<a href=\"\("/admin/audit?offset=\(previous)" + entityParameter)\">\(L("pager.newer"))</a>")
        }
        if entries.count > query.limit {
            pager.append(
                "<a href=\"\("/admin/audit?offset=\(query.offset + query.limit)" + entityParameter)\">\(L("pager.older"))</a>")
        }
        let filter = Form.form(
            action: "/admin/audit", method: "get", csrfToken: nil,
            content: """
                \(Form.select(
                    name: "entity", label: L("my_orders.show"), options: Self.auditEntities.map { FormOption(value: $0, label: L("audit.entity.\($0)")) },
                    selected: query.entity, placeholder: L("admin.audit.everything")))
                \(Form.submitButton(L("admin.audit.filter")))
                """)
        return page(
            context.request, viewer: viewer, title: L("admin.section.audit"),
            content:
                "\(AdminViews.breadcrumbs(L("admin.section.audit"), path: "/admin/audit"))\(filter)\(table.nowrap(0).wide(4).html)<p class=\"pager\">\(HTML.joined(pager, separator: " · "))</p>"
        )
    }

    /// "location 2" → "location 2: Kraków Serwis", the entry's current name, for the audit list.
    /// An audited entity's name in the request's language; the stored name for one the catalogue does not know.
    static func entityName(_ entity: String) -> String {
        auditEntities.contains(entity) ? L("audit.entity.\(entity)") : entity
    }

    private func auditSubjects() throws -> [String: String] {
        let catalogue = try store.catalogue()
        var named: [(String, Int64, String)] = catalogue.locations.map { ("location", $0.id, $0.name) }
        named += catalogue.methods.map { ("shippingMethod", $0.id, $0.name) }
        named += catalogue.models.map { ("deviceModel", $0.id, $0.displayName) }
        named += catalogue.tasks.map { ("task", $0.id, $0.text) }
        named += try store.customers().map { ("customer", $0.id, $0.name) }
        return Dictionary(
            named.map { ("\($0.0) \($0.1)", "\($0.0) \($0.1): \($0.2)") }, uniquingKeysWith: { first, _ in first })
    }

    /// The kinds of things admin edits record.
    static let auditEntities = [
        "location", "shippingMethod", "deviceModel", "task", "customer", "account", "labelTemplate",
    ]
}

/// `?entity=&limit=&offset=` of the audit list, page and API alike; bad numbers are a 400 naming the parameter.
struct AuditQuery {
    var entity: String?
    var limit: Int
    var offset: Int

    /// The query of `request`; without `limit`, `defaultLimit` lines (the API's fixed size, a page's the viewer's).
    init(_ request: HTTPRequest, defaultLimit: Int = AdminController.auditPageSize) throws {
        let entity = request.query("entity") ?? ""
        self.entity = entity.isEmpty ? nil : entity
        limit = try Self.number(
            request, "limit", default: defaultLimit, range: 1...AdminController.maxAuditPageSize)
        offset = try Self.number(request, "offset", default: 0, range: 0...Int(Int32.max))
    }

    private static func number(_ request: HTTPRequest, _ name: String, default value: Int, range: ClosedRange<Int>)
        throws -> Int
    {
        guard let raw = request.query(name), !raw.isEmpty else { return value }
        guard let number = Int(raw), range.contains(number) else {
            throw Problem.badRequest(
                "query_number", field: name,
                ["name": .text(name), "minimum": .number(range.lowerBound), "maximum": .number(range.upperBound)])
        }
        return number
    }
}
