/// Pure checks of the admin's edits to the catalogue and customers.
///
/// Each `validated…` function returns the value tidied (names trimmed, IDs sorted
/// and de-duplicated) or throws `Problem.validation` naming every broken field.
/// Unique names are compared case-insensitively against the other entries given.
public enum AdminRules {
    /// Longest accepted name (location, method, model, customer), in characters (default 200).
    public static let maxNameLength = 200
    /// Longest accepted address or task text, in characters (default 2 000).
    public static let maxTextLength = 2_000
    /// Shortest and longest TAT, in working days (1…365).
    public static let tatDays = 1...365
    /// Most options a choice task may offer (default 50).
    public static let maxChoices = 50

    /// Parses a TAT typed by a person: a whole number of working days in `tatDays`.
    public static func parseTAT(_ raw: String, field: String = "tatDays") throws(Problem) -> Int {
        let text = raw.trimmingSpaces
        guard !text.isEmpty else { throw .invalid(field, .tatRequired) }
        guard let days = Int(text) else { throw .invalid(field, .tatWholeNumber) }
        guard tatDays.contains(days) else { throw .validation([FieldError(field: field, rule: tatRule)]) }
        return days
    }

    static let tatRule = FieldRule(
        .tatRange, ["minimum": .number(tatDays.lowerBound), "maximum": .number(tatDays.upperBound)])

    /// Checks a new or changed location against the catalogue it joins.
    public static func validated(_ location: Location, in catalogue: Catalogue) throws(Problem) -> Location {
        var result = location
        var errors = Errors()
        result.name = errors.name(location.name, field: "name")
        result.address = errors.text(location.address, field: "address", isRequired: true)
        if !tatDays.contains(location.tatDays) { errors.add("tatDays", tatRule.code, tatRule.parameters) }
        result.methodIDs = Array(Set(location.methodIDs)).sorted()
        let unknown = result.methodIDs.filter { catalogue.method(id: $0) == nil }
        if !unknown.isEmpty { errors.add("methodIDs", .unknownMethods, ["ids": list(unknown)]) }
        try errors.check()
        if catalogue.locations.contains(where: { $0.id != location.id && sameName($0.name, result.name) }) {
            throw .conflict(field: "name", .locationNameTaken, ["name": .text(result.name)])
        }
        return result
    }

    /// Checks a new or renamed shipping method.
    public static func validated(_ method: ShippingMethod, in catalogue: Catalogue) throws(Problem)
        -> ShippingMethod
    {
        var result = method
        var errors = Errors()
        result.name = errors.name(method.name, field: "name")
        try errors.check()
        if catalogue.methods.contains(where: { $0.id != method.id && sameName($0.name, result.name) }) {
            throw .conflict(field: "name", .methodNameTaken, ["name": .text(result.name)])
        }
        return result
    }

    /// Checks a new or changed device model; manufacturer and name together are unique.
    public static func validated(_ model: DeviceModel, in catalogue: Catalogue) throws(Problem) -> DeviceModel {
        var result = model
        var errors = Errors()
        result.manufacturer = errors.name(model.manufacturer, field: "manufacturer")
        result.name = errors.name(model.name, field: "name")
        try errors.check()
        if catalogue.models.contains(where: {
            $0.id != model.id && sameName($0.manufacturer, result.manufacturer) && sameName($0.name, result.name)
        }) {
            throw .conflict(field: "name", .modelTaken, ["name": .text(result.displayName)])
        }
        return result
    }

    /// Checks a new or changed task: its choices, and that every ID in its scope exists.
    public static func validated(
        _ task: ServiceTask, in catalogue: Catalogue, customerIDs: Set<Int64>
    ) throws(Problem) -> ServiceTask {
        var result = task
        var errors = Errors()
        result.text = errors.text(task.text, field: "text", isRequired: true)
        if case .choice(let options) = task.kind {
            var seen = Set<String>()
            let cleaned = options.map(\.trimmingSpaces).filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
            if cleaned.count < 2 {
                errors.add("choices", .choicesTooFew)
            } else if cleaned.count > maxChoices {
                errors.add("choices", .choicesTooMany, ["maximum": .number(maxChoices)])
            } else if let error = cleaned.lazy.compactMap({
                TextRules.violation(of: $0, field: "choices", lines: .single)
            })
            .first {
                errors.add(error.field, error.rule.code, error.rule.parameters)
            } else if cleaned.contains(where: { $0.count > maxNameLength }) {
                errors.add("choices", .choiceLine, ["maximum": .number(maxNameLength)])
            }
            result.kind = .choice(cleaned)
        }
        switch task.scope {
        case .allDevices: break
        case .models(let ids):
            let ids = Array(Set(ids)).sorted()
            let unknown = ids.filter { catalogue.model(id: $0) == nil }
            if ids.isEmpty { errors.add("scope", .scopeModelsRequired) }
            if !unknown.isEmpty { errors.add("scope", .scopeUnknownModels, ["ids": list(unknown)]) }
            result.scope = .models(ids)
        case .customers(let ids):
            let ids = Array(Set(ids)).sorted()
            let unknown = ids.filter { !customerIDs.contains($0) }
            if ids.isEmpty { errors.add("scope", .scopeCustomersRequired) }
            if !unknown.isEmpty { errors.add("scope", .scopeUnknownCustomers, ["ids": list(unknown)]) }
            result.scope = .customers(ids)
        }
        if task.isRequiredInPortal && !task.isFilledByCustomer {
            errors.add("isRequiredInPortal", .requiredNeedsCustomer)
        }
        try errors.check()
        return result
    }

    /// Checks a new or changed customer; names need not be unique (two people may share one).
    public static func validated(_ customer: Customer) throws(Problem) -> Customer {
        var result = customer
        var errors = Errors()
        result.name = errors.name(customer.name, field: "name")
        result.address = errors.text(customer.address, field: "address", isRequired: false)
        try errors.check()
        return result
    }

    static func sameName(_ a: String, _ b: String) -> Bool {
        a.trimmingSpaces.lowercased() == b.trimmingSpaces.lowercased()
    }

    static func list(_ ids: [Int64]) -> ProblemValue { .list(ids.map(String.init)) }
}
