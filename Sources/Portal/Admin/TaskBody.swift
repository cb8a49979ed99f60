import RepairCore

/// A task in and out of the API: `kind` text/yes_no/choice/number, `scope` all/models/customers with `scopeIDs`.
struct TaskBody: Codable {
    var id: Int64?
    var text: String
    var kind: String
    var choices: [String]?
    var isFilledByCustomer: Bool
    var isRequiredInPortal: Bool
    var scope: String
    var scopeIDs: [Int64]?

    init(_ task: ServiceTask) {
        let form = TaskForm(task)
        id = task.id
        text = task.text
        kind = form.kind
        if case .choice(let options) = task.kind { choices = options } else { choices = [] }
        isFilledByCustomer = task.isFilledByCustomer
        isRequiredInPortal = task.isRequiredInPortal
        scope = form.scope
        scopeIDs = form.scope == "customers" ? form.customerIDs : form.modelIDs
    }

    func makeTask(id: Int64) throws(Problem) -> ServiceTask {
        var form = TaskForm()
        form.text = text
        form.kind = kind
        form.choices = (choices ?? []).joined(separator: "\n")
        form.isFilledByCustomer = isFilledByCustomer
        form.isRequiredInPortal = isRequiredInPortal
        form.scope = scope
        form.modelIDs = scopeIDs ?? []
        form.customerIDs = scopeIDs ?? []
        var errors: [FieldError] = []
        // The form keeps one option a line; an option holding a line break would silently become two.
        if (choices ?? []).contains(where: { $0.contains(where: \.isNewline) }) {
            errors.append(FieldError(field: "choices", rule: FieldRule(.singleLine)))
        }
        let task = form.makeTask(id: id, errors: &errors)
        if !errors.isEmpty { throw .validation(errors) }
        return task
    }
}
