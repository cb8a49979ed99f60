import HTMLKit
import HTTPServer
import RepairCore

// Customers: list, new, edit (with the reseller flag).
extension AdminController {
    func customerListPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let rows = try store.customers().map { customer -> [HTML] in
            [
                AdminViews.link(customer.name, to: "/admin/customers/\(customer.id)"), .text(L("customer.kind.\(customer.kind.rawValue)")),
                .text(customer.isReseller ? L("answer.yes") : L("answer.no")), .text(AdminViews.oneLine(customer.address)),
            ]
        }
        let table = Table(
            columns: [L("column.name"), L("column.kind"), L("column.reseller"), L("column.address")], rows: rows,
            emptyMessage: L("table.empty"))
        return page(
            context.request, viewer: viewer, title: L("admin.section.customers"), flash: AdminViews.flash(for: request.query),
            content:
                "\(AdminViews.breadcrumbs(L("admin.section.customers"), path: "/admin/customers"))<p>\(AdminViews.link(L("admin.customer.new"), to: "/admin/customers/new"))</p>\(table.html)"
        )
    }

    func customerFormPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        guard let rawID = request.pathParameters["id"] else {
            let blank = Customer(id: 0, name: "", kind: .person, isReseller: false, address: "")
            return customerForm(context, viewer, blank, errors: [], status: .ok)
        }
        let customer = try requireCustomer(rawID)
        return customerForm(context, viewer, customer, errors: [], status: .ok)
    }

    func saveCustomerFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let form = try AdminForm(posted: request, viewer: viewer)
        let id = try request.pathParameters["id"].map { try requireCustomer($0).id } ?? 0
        var errors: [FieldError] = []
        let kind = Customer.Kind(rawValue: form["kind"])
        if kind == nil {
            errors.append(
                FieldError(field: "kind", rule: FieldRule(.oneOf, ["choices": .list(["person", "company"])])))
        }
        let customer = Customer(
            id: id, name: form["name"], kind: kind ?? .person, isReseller: form.isChecked("isReseller"),
            address: form["address"])
        switch try Self.attempt({ try adminCatalogue.saveCustomer(customer, inputErrors: errors, by: viewer.user) }) {
        case .saved: return .redirect(to: "/admin/customers?saved=1")
        case .refused(let errors, let status):
            return customerForm(context, viewer, customer, errors: errors, status: status)
        }
    }

    private func customerForm(
        _ context: RequestContext, _ viewer: Viewer, _ customer: Customer, errors: [FieldError], status: HTTPStatus
    ) -> HTTPResponse {
        let error = Self.errorsByField(errors, context.localizer)
        let isNew = customer.id == 0
        let kinds = Customer.Kind.allCases.map {
            FormOption(value: $0.rawValue, label: L("customer.kind.\($0.rawValue)"))
        }
        let fields: HTML = """
            \(Form.textField(name: "name", label: L("column.name"), value: customer.name, error: error["name"], required: true))
            \(Form.radioGroup(name: "kind", label: L("column.kind"), options: kinds, selected: customer.kind.rawValue, error: error["kind"], required: true))
            \(AdminViews.checkbox(name: "isReseller", label: L("admin.customer.reseller_label"), isChecked: customer.isReseller))
            \(Form.textArea(name: "address", label: L("column.address"), value: customer.address, error: error["address"], rows: 3))
            <div class="actions">\(Form.submitButton(isNew ? L("admin.customer.add") : L("admin.customer.save")))</div>
            """
        let action = isNew ? "/admin/customers" : "/admin/customers/\(customer.id)"
        let flash = errors.isEmpty ? nil : Flash(.error, L("form.check_fields"))
        return page(
            context.request, viewer: viewer, title: isNew ? L("admin.customer.new") : L("admin.customer.edit"), flash: flash,
            status: status,
            content:
                "\(AdminViews.breadcrumbs(L("admin.section.customers"), path: "/admin/customers"))\(Form.form(action: action, csrfToken: viewer.csrfToken, content: fields))"
        )
    }

    /// The customer a path's `:id` names, or 404.
    func requireCustomer(_ rawID: String) throws -> Customer {
        guard let id = Int64(rawID), let customer = try store.customer(id: id) else {
            throw Problem.notFound(.customer, key: rawID)
        }
        return customer
    }
}
