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
                case .allDevices: L("admin.task.all_devices")
                case .models(let ids): ids.compactMap { catalogue.model(id: $0)?.displayName }.joined(separator: ", ")
                case .customers(let ids):
                    L("admin.task.customers", ["ids": .list(ids.map(String.init))])
                }
            return [
                AdminViews.link(task.text, to: "/admin/tasks/\(task.id)"), .text(kind),
                .text(task.isFilledByCustomer ? L("answer.yes") : L("answer.no")),
                .text(task.isRequiredInPortal ? L("answer.yes") : L("answer.no")),
                .text(scope),
            ]
        }
        let table = Table(
            columns: [
                L("column.question"), L("column.answer"), L("column.filled_by_customer"), L("column.required_in_portal"),
                L("column.applies_to"),
            ], rows: rows, emptyMessage: L("table.empty"))
        return page(
            context.request, viewer: viewer, title: L("admin.section.tasks"), flash: AdminViews.flash(for: request.query),
            content:
                "\(AdminViews.breadcrumbs(L("admin.task.breadcrumb"), path: "/admin/tasks"))<p>\(AdminViews.link(L("admin.task.new"), to: "/admin/tasks/new"))</p>\(table.html)"
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
            \(Form.textArea(name: "text", label: L("column.question"), value: form.text, error: error["text"], required: true, rows: 2))
            \(Form.radioGroup(
                name: "kind", label: L("admin.task.kind"), options: TaskForm.kinds.map { FormOption(value: $0.value, label: $0.label) },
                selected: form.kind, error: error["kind"], required: true))
            \(Form.textArea(
                name: "choices", label: L("admin.task.choices"), value: form.choices, error: error["choices"], rows: 4,
                hint: L("admin.task.choices_hint")))
            \(AdminViews.checkbox(name: "isFilledByCustomer", label: L("admin.task.filled_label"), isChecked: form.isFilledByCustomer))
            \(AdminViews.checkbox(
                name: "isRequiredInPortal", label: L("admin.task.required_label"),
                isChecked: form.isRequiredInPortal, error: error["isRequiredInPortal"]))
            \(Form.radioGroup(
                name: "scope", label: L("column.applies_to"), options: TaskForm.scopes.map { FormOption(value: $0.value, label: $0.label) },
                selected: form.scope, error: error["scope"], required: true))
            \(AdminViews.checkboxGroup(
                name: "modelIDs", label: L("admin.task.models"), options: models,
                checked: Set(form.modelIDs.map(String.init)), error: error["modelIDs"]))
            \(AdminViews.checkboxGroup(
                name: "customerIDs", label: L("admin.task.customers_label"), options: customers,
                checked: Set(form.customerIDs.map(String.init)), error: error["customerIDs"]))
            <div class="actions">\(Form.submitButton(id == 0 ? L("admin.task.add") : L("admin.task.save")))</div>
            """
        let action = id == 0 ? "/admin/tasks" : "/admin/tasks/\(id)"
        let flash = errors.isEmpty ? nil : Flash(.error, L("form.check_fields"))
        return page(
            context.request, viewer: viewer, title: id == 0 ? L("admin.task.new") : L("admin.task.edit"), flash: flash, status: status,
            content:
                "\(AdminViews.breadcrumbs(L("admin.task.breadcrumb"), path: "/admin/tasks"))\(Form.form(action: action, csrfToken: viewer.csrfToken, content: fields))"
        )
    }
}
