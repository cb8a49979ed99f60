import RepairCore

/// The task form's fields as text, so a refused form comes back exactly as typed.
struct TaskForm {
    var text = ""
    var kind = "text"
    /// One option per line.
    var choices = ""
    var isFilledByCustomer = true
    var isRequiredInPortal = false
    var scope = "all"
    var modelIDs: [Int64] = []
    var customerIDs: [Int64] = []

    /// Answer kinds as the form and the API name them.
    static var kinds: [(value: String, label: String)] {
        ["text", "yes_no", "choice", "number"].map { ($0, L("task.kind.\($0)")) }
    }
    /// Scopes as the form and the API name them.
    static var scopes: [(value: String, label: String)] {
        ["all", "models", "customers"].map { ($0, L("task.scope.\($0)")) }
    }

    init() {}

    /// The form showing `task`.
    init(_ task: ServiceTask) {
        text = task.text
        isFilledByCustomer = task.isFilledByCustomer
        isRequiredInPortal = task.isRequiredInPortal
        switch task.kind {
        case .text: kind = "text"
        case .yesNo: kind = "yes_no"
        case .number: kind = "number"
        case .choice(let options):
            kind = "choice"
            choices = options.joined(separator: "\n")
        }
        switch task.scope {
        case .allDevices: scope = "all"
        case .models(let ids): (scope, modelIDs) = ("models", ids)
        case .customers(let ids): (scope, customerIDs) = ("customers", ids)
        }
    }

    /// The task these fields describe; unknown kinds and scopes are field errors.
    func makeTask(id: Int64, errors: inout [FieldError]) -> ServiceTask {
        let taskKind: ServiceTask.Kind
        switch kind {
        case "text": taskKind = .text
        case "yes_no": taskKind = .yesNo
        case "number": taskKind = .number
        case "choice": taskKind = .choice(choices.split(whereSeparator: \.isNewline).map(String.init))
        default:
            errors.append(
                FieldError(field: "kind", rule: FieldRule(.oneOf, ["choices": .list(Self.kinds.map(\.value))])))
            taskKind = .text
        }
        let taskScope: ServiceTask.Scope
        switch scope {
        case "all": taskScope = .allDevices
        case "models": taskScope = .models(modelIDs)
        case "customers": taskScope = .customers(customerIDs)
        default:
            errors.append(
                FieldError(field: "scope", rule: FieldRule(.oneOf, ["choices": .list(Self.scopes.map(\.value))])))
            taskScope = .allDevices
        }
        return ServiceTask(
            id: id, text: text, kind: taskKind, isFilledByCustomer: isFilledByCustomer,
            isRequiredInPortal: isRequiredInPortal, scope: taskScope)
    }
}
