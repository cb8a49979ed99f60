import RepairCore

// JSON bodies of the admin API. Inputs carry no `id`: the path names the entry.

/// `POST/PUT /api/v1/admin/locations`.
struct LocationBody: Decodable {
    var name: String
    var address: String
    var tatDays: Int
    var isPublic: Bool
    var methodIDs: [Int64]

    func makeLocation(id: Int64) -> Location {
        Location(id: id, name: name, address: address, tatDays: tatDays, isPublic: isPublic, methodIDs: methodIDs)
    }
}

/// `POST/PUT /api/v1/admin/shipping-methods`.
struct MethodBody: Decodable {
    var name: String
}

/// `POST/PUT /api/v1/admin/device-models`.
struct ModelBody: Decodable {
    var manufacturer: String
    var name: String
}

/// `POST/PUT /api/v1/admin/customers`; `kind` is `person` or `company`.
struct CustomerBody: Decodable {
    var name: String
    var kind: String
    var isReseller: Bool
    var address: String?

    func makeCustomer(id: Int64) throws(RepairError) -> Customer {
        guard let kind = Customer.Kind(rawValue: kind) else { throw .invalid("kind", "must be person or company") }
        return Customer(id: id, name: name, kind: kind, isReseller: isReseller, address: address ?? "")
    }
}

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

    func makeTask(id: Int64) throws(RepairError) -> ServiceTask {
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
        let task = form.makeTask(id: id, errors: &errors)
        if !errors.isEmpty { throw .validation(errors) }
        return task
    }
}

/// An audit entry with the actor's name, as the API lists it.
struct AuditEntryBody: Encodable {
    var entry: AuditEntry
    var actorName: String?

    enum CodingKeys: String, CodingKey { case id, at, actorID, actorName, action, entity, entityKey, details }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.id, forKey: .id)
        try container.encode(entry.at, forKey: .at)
        try container.encodeIfPresent(entry.actorID, forKey: .actorID)
        try container.encodeIfPresent(actorName, forKey: .actorName)
        try container.encode(entry.action, forKey: .action)
        try container.encode(entry.entity, forKey: .entity)
        try container.encode(entry.entityKey, forKey: .entityKey)
        try container.encode(entry.details, forKey: .details)
    }
}
