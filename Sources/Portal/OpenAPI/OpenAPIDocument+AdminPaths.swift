import LabelTemplates

extension OpenAPIDocument {
    /// What one admin collection (`/api/v1/admin/<path>`) lists and edits.
    struct AdminCollection {
        /// The path after `/api/v1/admin/`, e.g. `shipping-methods`.
        var path: String
        /// The key of the list in the GET answer, e.g. `shippingMethods`.
        var listKey: String
        /// Operation ID stems: `listShippingMethods`, `createShippingMethod`, `updateShippingMethod`.
        var plural: String
        var singular: String
        /// The schema of an entry as answered, and of the body sent.
        var schema: String
        var input: String
        /// The rules a saved entry must meet, for the description of create and update.
        var rules: String
        /// Whether a clashing name answers 409.
        var hasUniqueName: Bool
        /// Operations besides the update that a new entry's ID leads to.
        var otherOperations: [String] = []
    }

    /// `/api/v1/admin/…`: the catalogue, customers, tasks, label templates and the audit log (admin accounts only).
    static var adminPaths: [String: Any] {
        let collections = [
            AdminCollection(
                path: "locations", listKey: "locations", plural: "Locations", singular: "Location",
                schema: "AdminLocation", input: "LocationInput",
                rules: "Name (unique, one line, at most 200 characters) and address required; TAT 1–365 working "
                    + "days; every method ID must name a shipping method (else 422 on methodIDs).",
                hasUniqueName: true),
            AdminCollection(
                path: "shipping-methods", listKey: "shippingMethods", plural: "ShippingMethods",
                singular: "ShippingMethod", schema: "ShippingMethod", input: "ShippingMethodInput",
                rules: "The name is required, unique (case ignored), one line, at most 200 characters.",
                hasUniqueName: true, otherOperations: ["removeShippingMethod"]),
            AdminCollection(
                path: "device-models", listKey: "deviceModels", plural: "DeviceModels", singular: "DeviceModel",
                schema: "DeviceModel", input: "DeviceModelInput",
                rules: "Manufacturer and name required (one line, at most 200 characters); the pair is unique.",
                hasUniqueName: true),
            AdminCollection(
                path: "tasks", listKey: "tasks", plural: "Tasks", singular: "Task", schema: "Task", input: "TaskInput",
                rules: "Text required (at most 2000 characters); a choice task needs 2–50 different one-line "
                    + "options; a models or customers scope needs existing IDs; only a task filled by the customer "
                    + "can be required in the portal.",
                hasUniqueName: false),
            AdminCollection(
                path: "customers", listKey: "customers", plural: "Customers", singular: "Customer",
                schema: "Customer", input: "CustomerInput",
                rules: "Name required (one line, at most 200 characters; need not be unique); kind person or "
                    + "company; address at most 2000 characters.",
                hasUniqueName: false),
        ]
        var paths = union(collections.map(adminCollectionPaths))
        let methodPath = "/api/v1/admin/shipping-methods/{id}"
        var methodItem = paths[methodPath] as? [String: Any] ?? [:]
        methodItem["delete"] = operation(
            "removeShippingMethod", "Removes a shipping method and drops it from the locations accepting it.",
            description:
                "Refused with 409 (field `method`) while any order, open or closed, uses it: rename it instead.",
            parameters: [parameterRef("entryID")],
            responses: answers(["204": ["description": "Removed."]], errors: 401, 403, 404, 409))
        paths[methodPath] = methodItem
        return union([paths, adminTemplatePaths, adminAuditPaths])
    }

    /// The list, create and update operations of one admin collection.
    static func adminCollectionPaths(_ collection: AdminCollection) -> [String: Any] {
        let conflicts = collection.hasUniqueName ? [409] : []
        let base = "/api/v1/admin/\(collection.path)"
        let listSchema = object([
            collection.listKey: ["type": "array", "items": ref(collection.schema)] as [String: Any]
        ])
        var create = answers(
            [
                "201": jsonResponse("The new entry as saved (names trimmed, IDs sorted).", ref(collection.schema))
                    .merging(["links": links(to: ["update\(collection.singular)"] + collection.otherOperations)]) { $1 }
            ],
            errors: 400, 401, 403, 415, 422)
        var update = answers(
            ["200": jsonResponse("The entry as saved.", ref(collection.schema))],
            errors: 400, 401, 403, 404, 415, 422)
        for status in conflicts {
            create[String(status)] = errorRef("Conflict")
            update[String(status)] = errorRef("Conflict")
        }
        let audited = " The change is written to the audit log. The Content-Type header is required."
        return [
            base: [
                "get": operation(
                    "list\(collection.plural)", "Every entry, including non-public ones.",
                    responses: answers(["200": jsonResponse("The entries.", listSchema)], errors: 401, 403)),
                "post": operation(
                    "create\(collection.singular)", "Adds an entry.", description: collection.rules + audited,
                    body: jsonBody(ref(collection.input)), responses: create),
            ],
            base + "/{id}": [
                "put": operation(
                    "update\(collection.singular)", "Replaces an entry's fields.",
                    description: collection.rules + audited, parameters: [parameterRef("entryID")],
                    body: jsonBody(ref(collection.input)), responses: update)
            ],
        ]
    }

    /// `/api/v1/admin/templates`: the four label templates and their stored overrides.
    static var adminTemplatePaths: [String: Any] {
        let name: [String: Any] = [
            "name": "name", "in": "path", "required": true, "description": "The template's file name.",
            "schema": ["type": "string", "enum": LabelTemplateSet.fileNames],
        ]
        return [
            "/api/v1/admin/templates": [
                "get": operation(
                    "listLabelTemplates", "The four label templates, each from its stored override or Labels/ file.",
                    responses: answers(
                        ["200": jsonResponse("The templates.", object(["templates": array(ref("LabelTemplate"))]))],
                        errors: 401, 403))
            ],
            "/api/v1/admin/templates/{name}": [
                "put": operation(
                    "saveLabelTemplate", "Stores an override of a template, checked first.",
                    description: "A template with an unknown placeholder or a broken filter is refused with 422 "
                        + "(error `invalid_template`, field `source`) naming the line. Bodies up to 256 KiB.",
                    parameters: [name], body: jsonBody(ref("LabelTemplateInput")),
                    responses: answers(
                        ["200": jsonResponse("The template now in use.", ref("LabelTemplate"))],
                        errors: 400, 401, 403, 404, 415, 422)),
                "delete": operation(
                    "resetLabelTemplate", "Drops the stored override: the Labels/ file is used again.",
                    parameters: [name],
                    responses: answers(
                        ["204": ["description": "Reset (also when there was no override)."]],
                        errors: 401, 403, 404)),
            ],
        ]
    }

    /// `/api/v1/admin/audit`: the audit log, newest first.
    static var adminAuditPaths: [String: Any] {
        [
            "/api/v1/admin/audit": [
                "get": operation(
                    "listAuditEntries", "The audit log of staff changes, newest first.",
                    parameters: [
                        query(
                            "entity", "Only entries about this kind of thing, e.g. location, user, shippingMethod.",
                            required: false, schema: string),
                        query(
                            "limit", "Entries per page.", required: false,
                            schema: [
                                "type": "integer", "minimum": 1, "maximum": AdminController.maxAuditPageSize,
                                "default": AdminController.auditPageSize,
                            ]),
                        query(
                            "offset", "Entries to skip.", required: false,
                            schema: ["type": "integer", "minimum": 0, "maximum": Int(Int32.max), "default": 0]),
                    ],
                    responses: answers(
                        ["200": jsonResponse("The entries.", object(["entries": array(ref("AuditEntry"))]))],
                        errors: 400, 401, 403))
            ]
        ]
    }
}
