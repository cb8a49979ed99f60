import HTMLKit
import HTTPServer
import RepairCore

// Shipping methods: one page lists them, each row with its rename and remove forms, and an add form below.
extension AdminController {
    func methodListPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        return try methodPage(context, viewer, errors: [:], status: .ok, flash: AdminViews.flash(for: request.query))
    }

    func addMethodFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let form = try AdminForm(posted: request, viewer: viewer)
        return try methodEdit(context, viewer, key: "new") {
            _ = try adminCatalogue.saveShippingMethod(ShippingMethod(id: 0, name: form["name"]), by: viewer.user)
        }
    }

    func renameMethodFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let form = try AdminForm(posted: request, viewer: viewer)
        let method = try Self.requireEntry(
            request.pathParameters["id"] ?? "", try store.catalogue().method(id:), .shippingMethod)
        return try methodEdit(context, viewer, key: String(method.id)) {
            _ = try adminCatalogue.saveShippingMethod(
                // Each row's field has its own name, so the page has no two inputs with one ID.
                ShippingMethod(id: method.id, name: form["name.\(method.id)"]), by: viewer.user)
        }
    }

    func removeMethodFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        _ = try AdminForm(posted: request, viewer: viewer)
        let method = try Self.requireEntry(
            request.pathParameters["id"] ?? "", try store.catalogue().method(id:), .shippingMethod)
        return try methodEdit(context, viewer, key: String(method.id), removed: true) {
            try adminCatalogue.removeShippingMethod(id: method.id, by: viewer.user)
        }
    }

    // Runs one edit; a broken rule shows the page again with the error beside the row it concerns.
    private func methodEdit(
        _ context: RequestContext, _ viewer: Viewer, key: String, removed: Bool = false, _ edit: () throws -> Void
    ) throws -> HTTPResponse {
        switch try Self.attempt(edit) {
        case .saved: return .redirect(to: "/admin/methods?" + (removed ? "removed=1" : "saved=1"))
        case .refused(let errors, let status):
            let text = errors.map { context.localizer.text($0.rule) }.joined(separator: "; ")
            return try methodPage(context, viewer, errors: [key: text], status: status, flash: Flash(.error, text))
        }
    }

    private func methodPage(
        _ context: RequestContext, _ viewer: Viewer, errors: [String: String], status: HTTPStatus, flash: Flash?
    ) throws -> HTTPResponse {
        let catalogue = try store.catalogue()
        let rows = catalogue.methods.map { method -> [HTML] in
            let rename = Form.form(
                action: "/admin/methods/\(method.id)", csrfToken: viewer.csrfToken,
                content: """
                    \(Form.textField(name: "name.\(method.id)", label: L("admin.method.name_of", ["id": .number(Int(method.id))]), value: method.name, error: errors[String(method.id)]))\
                    \(Form.submitButton(L("admin.method.rename")))
                    """)
            let remove = Form.form(
                action: "/admin/methods/\(method.id)/remove", csrfToken: viewer.csrfToken,
                content: Form.submitButton(L("admin.method.remove")))
            let locations = catalogue.locations.filter { $0.methodIDs.contains(method.id) }.map(\.name)
            return [rename, .text(locations.joined(separator: ", ")), remove]
        }
        let add = Form.form(
            action: "/admin/methods", csrfToken: viewer.csrfToken,
            content: """
                \(Form.textField(name: "name", label: L("admin.method.new"), value: "", error: errors["new"], required: true))
                <div class="actions">\(Form.submitButton(L("admin.method.add")))</div>
                """)
        let table = Table(
            columns: [L("column.method"), L("column.accepted_at"), L("admin.method.remove")], rows: rows,
            emptyMessage: L("table.empty"))
        return page(
            context.request, viewer: viewer, title: L("admin.section.methods"), flash: flash, status: status,
            content:
                "\(AdminViews.breadcrumbs(L("admin.section.methods"), path: "/admin/methods"))\(table.html)<h2>\(L("admin.method.add_heading"))</h2>\(add)"
        )
    }
}
