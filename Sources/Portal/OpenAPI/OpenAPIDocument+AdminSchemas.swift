import LabelTemplates
import RepairCore

extension OpenAPIDocument {
    /// An array of `items`.
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }

    /// A row ID (positive 64-bit integer).
    static var rowID: [String: Any] { ["type": "integer", "format": "int64", "minimum": 1] }

    /// An admin name: trimmed, not empty, one line, at most `AdminRules.maxNameLength` characters.
    static var adminName: [String: Any] {
        [
            "type": "string", "minLength": 1, "maxLength": AdminRules.maxNameLength,
            "pattern":
                "^[^\\r\\n\\u000B\\u000C\\u0085\\u2028\\u2029]*\\S[^\\r\\n\\u000B\\u000C\\u0085\\u2028\\u2029]*$",
            "description": "One line; spaces around it are trimmed.",
        ]
    }

    /// A longer text (address, task text): several lines, at most `AdminRules.maxTextLength` characters.
    static func adminText(isRequired: Bool) -> [String: Any] {
        isRequired
            ? nonBlank(maxLength: AdminRules.maxTextLength)
            : ["type": "string", "maxLength": AdminRules.maxTextLength]
    }

    /// The bodies of `/api/v1/admin/…` (catalogue, customers, tasks, templates, audit).
    static var adminSchemas: [String: Any] {
        let taskKind: [String: Any] = ["type": "string", "enum": ["text", "yes_no", "choice", "number"]]
        let taskScope: [String: Any] = [
            "type": "string", "enum": ["all", "models", "customers"],
            "description":
                "Which orders the task applies to: all, those of the models or of the customers in scopeIDs.",
        ]
        let customerKind: [String: Any] = ["type": "string", "enum": Customer.Kind.allCases.map(\.rawValue)]
        return [
            "AdminLocation": object([
                "id": integer, "name": string, "address": string, "tatDays": ["type": "integer"], "isPublic": boolean,
                "methodIDs": array(integer),
            ]),
            "LocationInput": object([
                "name": adminName, "address": adminText(isRequired: true),
                "tatDays": [
                    "type": "integer", "minimum": AdminRules.tatDays.lowerBound,
                    "maximum": AdminRules.tatDays.upperBound, "description": "Turnaround in working days.",
                ],
                "isPublic": ["type": "boolean", "description": "Whether intake offers the location."],
                "methodIDs": [
                    "type": "array", "items": rowID,
                    "description": "Accepted shipping methods; duplicates are dropped, unknown IDs answer 422.",
                ] as [String: Any],
            ]),
            "ShippingMethod": object(["id": integer, "name": string]),
            "ShippingMethodInput": object(["name": adminName]),
            "DeviceModel": object(["id": integer, "manufacturer": string, "name": string]),
            "DeviceModelInput": object(["manufacturer": adminName, "name": adminName]),
            "Task": object([
                "id": integer, "text": string, "kind": taskKind, "choices": array(string),
                "isFilledByCustomer": boolean, "isRequiredInPortal": boolean, "scope": taskScope,
                "scopeIDs": array(integer),
            ]),
            "TaskInput": object(
                [
                    "text": adminText(isRequired: true), "kind": taskKind,
                    "choices": [
                        "type": "array", "items": string, "maxItems": AdminRules.maxChoices,
                        "description": "The options of a choice task (at least two different ones); ignored otherwise.",
                    ] as [String: Any],
                    "isFilledByCustomer": boolean,
                    "isRequiredInPortal": [
                        "type": "boolean", "description": "Blocks approval until answered; needs isFilledByCustomer.",
                    ],
                    "scope": taskScope,
                    "scopeIDs": [
                        "type": "array", "items": integer,
                        "description": "Device model IDs (scope models) or customer IDs (scope customers), each "
                            + "existing (else 422 on scope); ignored for scope all.",
                    ] as [String: Any],
                ], optional: ["choices", "scopeIDs"]),
            "Customer": object([
                "id": integer, "name": string, "kind": customerKind, "isReseller": boolean, "address": string,
            ]),
            "CustomerInput": object(
                [
                    "name": adminName, "kind": customerKind,
                    "isReseller": [
                        "type": "boolean",
                        "description": "Resellers' orders are confirmed at approval and shipped in batches.",
                    ],
                    "address": adminText(isRequired: false),
                ], optional: ["address"]),
            "LabelTemplate": object([
                "fileName": ["type": "string", "enum": LabelTemplateSet.fileNames],
                "isOverridden": ["type": "boolean", "description": "Whether a stored override replaces the file."],
                "source": string,
            ]),
            "LabelTemplateInput": object(["source": string]),
            "AuditEntry": object(
                [
                    "id": integer, "at": dateTime,
                    "actorID": ["type": "integer", "format": "int64", "description": "Absent for the system."],
                    "actorName": string,
                    "action": ["type": "string", "description": "e.g. location.update, account.create."],
                    "entity": string, "entityKey": string,
                    "details": ["type": "string", "description": "What changed, e.g. tatDays: 5 → 7."],
                ], optional: ["actorID", "actorName"]),
        ]
    }
}
