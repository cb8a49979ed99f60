import HTMLKit
import HTTPServer
import RepairCore

// Tasks (custom questions): list, new, edit, with the scope as model or customer checkboxes.
extension AdminController {
    func taskListPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let catalogue = try store.catalogue()
        let rows = catalogue.tasks.map { task -> [HTML] in
            let form = TaskForm(task)
            let kind = TaskForm.kinds.first { $0.value == form.kind }?.label ?? form.kind
            let scope: String =
                switch task.scope {
                case .allDevices: "all devices"
                case .models(let ids): ids.compactMap { catalogue.model(id: $0)?.displayName }.joined(separator: ", ")
                case .customers(let ids): "customers " + ids.map(String.init).joined(separator: ", ")
                }
            return [
                AdminViews.link(task.text, to: "/admin/tasks/\(task.id)"), .text(kind),
                .text(task.isFilledByCustomer ? "yes" : "no"), .text(task.isRequiredInPortal ? "yes" : "no"),
                .text(scope),
            ]
        }
        let table = Table(
            columns: ["Question", "Answer", "Filled by customer", "Required in portal", "Applies to"], rows: rows)
        return page(
            context.request, viewer: viewer, title: "Tasks (questions)", flash: AdminViews.flash(for: request.query),
            content:
                "\(AdminViews.breadcrumbs("Tasks", path: "/admin/tasks"))<p>\(AdminViews.link("New task", to: "/admin/tasks/new"))</p>\(table.html)"
        )
    }

    func taskFormPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let catalogue = try store.catalogue()
        guard let rawID = request.pathParameters["id"] else {
            return try taskForm(context, viewer, id: 0, TaskForm(), catalogue: catalogue, errors: [], status: .ok)
        }
        let task = try Self.requireEntry(rawID, { id in catalogue.tasks.first { $0.id == id } }, .task)
        return try taskForm(context, viewer, id: task.id, TaskForm(task), catalogue: catalogue, errors: [], status: .ok)
    }

    func saveTaskFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let posted = try AdminForm(posted: request, viewer: viewer)
        let catalogue = try store.catalogue()
        let id =
            try request.pathParameters["id"].map { rawID in
                try Self.requireEntry(rawID, { id in catalogue.tasks.first { $0.id == id } }, .task).id
            } ?? 0
        var errors: [FieldError] = []
        var form = TaskForm()
        form.text = posted["text"]
        form.kind = posted["kind"]
        form.choices = posted["choices"]
        form.isFilledByCustomer = posted.isChecked("isFilledByCustomer")
        form.isRequiredInPortal = posted.isChecked("isRequiredInPortal")
        form.scope = posted["scope"]
        form.modelIDs = posted.ids("modelIDs", errors: &errors)
        form.customerIDs = posted.ids("customerIDs", errors: &errors)
        let task = form.makeTask(id: id, errors: &errors)
        switch try Self.attempt({ try adminCatalogue.saveTask(task, inputErrors: errors, by: viewer.user) }) {
        case .saved: return .redirect(to: "/admin/tasks?saved=1")
        case .refused(let errors, let status):
            return try taskForm(context, viewer, id: id, form, catalogue: catalogue, errors: errors, status: status)
        }
    }

    private func taskForm(
        _ context: RequestContext, _ viewer: Viewer, id: Int64, _ form: TaskForm, catalogue: Catalogue,
        errors: [FieldError],
        status: HTTPStatus
    ) throws -> HTTPResponse {
        let error = Self.errorsByField(errors, context.localizer)
        let models = catalogue.models.map { FormOption(value: String($0.id), label: $0.displayName) }
        let customers = try store.customers().map { FormOption(value: String($0.id), label: $0.name) }
        let fields: HTML = """
            \(Form.textArea(name: "text", label: "Question", value: form.text, error: error["text"], required: true, rows: 2))
            \(Form.radioGroup(
                name: "kind", label: "Answer kind", options: TaskForm.kinds.map { FormOption(value: $0.value, label: $0.label) },
                selected: form.kind, error: error["kind"], required: true))
            \(Form.textArea(
                name: "choices", label: "Options (choice kind)", value: form.choices, error: error["choices"], rows: 4,
                hint: "One option per line; at least two."))
            \(AdminViews.checkbox(name: "isFilledByCustomer", label: "Filled by customer (asked in the portal)", isChecked: form.isFilledByCustomer))
            \(AdminViews.checkbox(
                name: "isRequiredInPortal", label: "Required in portal (must be answered before approval)",
                isChecked: form.isRequiredInPortal, error: error["isRequiredInPortal"]))
            \(Form.radioGroup(
                name: "scope", label: "Applies to", options: TaskForm.scopes.map { FormOption(value: $0.value, label: $0.label) },
                selected: form.scope, error: error["scope"], required: true))
            \(AdminViews.checkboxGroup(
                name: "modelIDs", label: "Device models (when applying to chosen models)", options: models,
                checked: Set(form.modelIDs.map(String.init)), error: error["modelIDs"]))
            \(AdminViews.checkboxGroup(
                name: "customerIDs", label: "Customers (when applying to chosen customers)", options: customers,
                checked: Set(form.customerIDs.map(String.init)), error: error["customerIDs"]))
            <div class="actions">\(Form.submitButton(id == 0 ? "Add task" : "Save task"))</div>
            """
        let action = id == 0 ? "/admin/tasks" : "/admin/tasks/\(id)"
        let flash = errors.isEmpty ? nil : Flash(.error, "Check the marked fields.")
        return page(
            context.request, viewer: viewer, title: id == 0 ? "New task" : "Edit task", flash: flash, status: status,
            content:
                "\(AdminViews.breadcrumbs("Tasks", path: "/admin/tasks"))\(Form.form(action: action, csrfToken: viewer.csrfToken, content: fields))"
        )
    }
}
