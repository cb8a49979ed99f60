import HTMLKit
import HTTPServer
import RepairCore

// Device models: a list with an add form, and an edit page per model.
extension AdminController {
    func modelListPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let blank = DeviceModel(id: 0, manufacturer: "", name: "")
        return try modelPage(
            context, viewer, blank, errors: [], status: .ok, flash: AdminViews.flash(for: request.query))
    }

    func modelEditPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let model = try Self.requireEntry(
            request.pathParameters["id"] ?? "", try store.catalogue().model(id:), .deviceModel)
        return try modelPage(context, viewer, model, errors: [], status: .ok, flash: nil)
    }

    func saveModelFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let form = try AdminForm(posted: request, viewer: viewer)
        let catalogue = try store.catalogue()
        let id =
            try request.pathParameters["id"].map { try Self.requireEntry($0, catalogue.model(id:), .deviceModel).id }
            ?? 0
        let model = DeviceModel(id: id, manufacturer: form["manufacturer"], name: form["name"])
        switch try Self.attempt({ try adminCatalogue.saveDeviceModel(model, by: viewer.user) }) {
        case .saved: return .redirect(to: "/admin/models?saved=1")
        case .refused(let errors, let status):
            return try modelPage(
                context, viewer, model, errors: errors, status: status, flash: Flash(.error, L("form.check_fields"))
            )
        }
    }

    // The edit page shows only the form; the list page shows the models and an add form.
    private func modelPage(
        _ context: RequestContext, _ viewer: Viewer, _ model: DeviceModel, errors: [FieldError], status: HTTPStatus,
        flash: Flash?
    ) throws -> HTTPResponse {
        let error = Self.errorsByField(errors, context.localizer)
        let isNew = model.id == 0
        let form = Form.form(
            action: isNew ? "/admin/models" : "/admin/models/\(model.id)", csrfToken: viewer.csrfToken,
            content: """
                \(Form.textField(name: "manufacturer", label: L("column.manufacturer"), value: model.manufacturer, error: error["manufacturer"], required: true))
                \(Form.textField(name: "name", label: L("column.model"), value: model.name, error: error["name"], required: true))
                <div class="actions">\(Form.submitButton(isNew ? L("admin.model.add") : L("admin.model.save")))</div>
                """)
        let breadcrumbs = AdminViews.breadcrumbs(L("admin.section.models"), path: "/admin/models")
        guard isNew else {
            return page(
                context.request, viewer: viewer, title: L("admin.model.edit"), flash: flash, status: status,
                content: "\(breadcrumbs)\(form)")
        }
        let rows = try store.catalogue().models.map { model -> [HTML] in
            [.text(model.manufacturer), AdminViews.link(model.name, to: "/admin/models/\(model.id)")]
        }
        let table = Table(
            columns: [L("column.manufacturer"), L("column.model")], rows: rows, emptyMessage: L("table.empty"))
        return page(
            context.request, viewer: viewer, title: L("admin.section.models"), flash: flash, status: status,
            content: "\(breadcrumbs)\(table.html)<h2>\(L("admin.model.add_heading"))</h2>\(form)")
    }
}
