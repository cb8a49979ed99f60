import HTMLKit
import HTTPServer
import RepairCore

// Locations: list, new, edit.
extension AdminController {
    func locationListPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let catalogue = try store.catalogue()
        let rows = catalogue.locations.map { location -> [HTML] in
            let methods = location.methodIDs.compactMap { catalogue.method(id: $0)?.name }.joined(separator: ", ")
            return [
                AdminViews.link(location.name, to: "/admin/locations/\(location.id)"),
                .text(AdminViews.oneLine(location.address)), "\(location.tatDays)",
                .text(location.isPublic ? L("answer.yes") : L("answer.no")), .text(methods),
            ]
        }
        let table = Table(
            columns: [L("column.name"), L("column.address"), L("column.tat"), L("column.public"), L("column.accepts")],
            rows: rows, emptyMessage: L("table.empty"))
        return page(
            context.request, viewer: viewer, title: L("admin.section.locations"), flash: AdminViews.flash(for: request.query),
            content:
                "\(AdminViews.breadcrumbs(L("admin.section.locations"), path: "/admin/locations"))<p>\(AdminViews.link(L("admin.location.new"), to: "/admin/locations/new"))</p>\(table.html)"
        )
    }

    func locationFormPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let catalogue = try store.catalogue()
        guard let id = request.pathParameters["id"] else {
            let blank = Location(id: 0, name: "", address: "", tatDays: 5, isPublic: true, methodIDs: [])
            return locationForm(context, viewer, blank, tatText: "5", catalogue: catalogue, errors: [], status: .ok)
        }
        let location = try Self.requireEntry(id, catalogue.location(id:), .location)
        return locationForm(
            context, viewer, location, tatText: String(location.tatDays), catalogue: catalogue, errors: [], status: .ok)
    }

    func saveLocationFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let form = try AdminForm(posted: request, viewer: viewer)
        let catalogue = try store.catalogue()
        let id =
            try request.pathParameters["id"].map { try Self.requireEntry($0, catalogue.location(id:), .location).id }
            ?? 0
        var errors: [FieldError] = []
        var tatDays = AdminRules.tatDays.lowerBound
        do { tatDays = try AdminRules.parseTAT(form["tatDays"]) } catch { errors += error.fieldErrors }
        let location = Location(
            id: id, name: form["name"], address: form["address"], tatDays: tatDays,
            isPublic: form.isChecked("isPublic"),
            methodIDs: form.ids("methodIDs", errors: &errors))
        switch try Self.attempt({ try adminCatalogue.saveLocation(location, inputErrors: errors, by: viewer.user) }) {
        case .saved: return .redirect(to: "/admin/locations?saved=1")
        case .refused(let errors, let status):
            return locationForm(
                context, viewer, location, tatText: form["tatDays"], catalogue: catalogue, errors: errors,
                status: status)
        }
    }

    private func locationForm(
        _ context: RequestContext, _ viewer: Viewer, _ location: Location, tatText: String, catalogue: Catalogue,
        errors: [FieldError], status: HTTPStatus
    ) -> HTTPResponse {
        let error = Self.errorsByField(errors, context.localizer)
        let isNew = location.id == 0
        let methods = catalogue.methods.map { FormOption(value: String($0.id), label: $0.name) }
        let fields: HTML = """
            \(Form.textField(name: "name", label: L("column.name"), value: location.name, error: error["name"], required: true))
            \(Form.textArea(name: "address", label: L("column.address"), value: location.address, error: error["address"], required: true, rows: 3))
            \(Form.textField(
                name: "tatDays", label: L("admin.location.tat"), value: tatText, error: error["tatDays"], required: true,
                hint: L("admin.location.tat_hint", ["minimum": .number(AdminRules.tatDays.lowerBound), "maximum": .number(AdminRules.tatDays.upperBound)])))
            \(AdminViews.checkbox(name: "isPublic", label: L("admin.location.public_label"), isChecked: location.isPublic, error: error["isPublic"]))
            \(AdminViews.checkboxGroup(
                name: "methodIDs", label: L("admin.location.methods"), options: methods,
                checked: Set(location.methodIDs.map(String.init)), error: error["methodIDs"]))
            <div class="actions">\(Form.submitButton(isNew ? L("admin.location.add") : L("admin.location.save")))</div>
            """
        let action = isNew ? "/admin/locations" : "/admin/locations/\(location.id)"
        let flash = errors.isEmpty ? nil : Flash(.error, L("form.check_fields"))
        return page(
            context.request, viewer: viewer, title: isNew ? L("admin.location.new") : L("admin.location.edit"), flash: flash,
            status: status,
            content:
                "\(AdminViews.breadcrumbs(L("admin.section.locations"), path: "/admin/locations"))\(Form.form(action: action, csrfToken: viewer.csrfToken, content: fields))"
        )
    }

    /// The entry a path's `:id` names, or 404.
    static func requireEntry<T>(_ rawID: String, _ find: (Int64) -> T?, _ entity: Entity) throws -> T {
        guard let id = Int64(rawID), let entry = find(id) else {
            throw Problem.notFound(entity, key: rawID)
        }
        return entry
    }
}
