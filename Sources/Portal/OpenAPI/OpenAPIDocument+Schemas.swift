import RepairCore

extension OpenAPIDocument {
    /// An object schema with `properties`, all of them required unless listed in `optional`.
    static func object(_ properties: [String: Any], optional: Set<String> = []) -> [String: Any] {
        [
            "type": "object", "properties": properties,
            "required": properties.keys.filter { !optional.contains($0) }.sorted(),
        ]
    }

    static var string: [String: Any] { ["type": "string"] }
    /// `properties` with the intake's free-text fields (`IntakeField.all`) added as plain strings, as answers give them.
    static func withIntakeTexts(_ properties: [String: Any]) -> [String: Any] {
        properties.merging(IntakeField.all.map { ($0.key, string) }) { first, _ in first }
    }
    /// The intake's free-text fields as a request takes them, with their limits and patterns.
    static func intakeTextRequests(_ limits: IntakeLimits) -> [String: Any] {
        Dictionary(
            uniqueKeysWithValues: IntakeField.all.map { field -> (String, Any) in
                var schema: [String: Any] = ["type": "string", "maxLength": limits[keyPath: field.limit]]
                if field.isRequired { schema["minLength"] = 1 }
                if let pattern = field.pattern ?? (field.isRequired ? "\\S" : nil) { schema["pattern"] = pattern }
                return (field.key, schema)
            })
    }
    /// A string with at least one non-space character, at most `maxLength` characters.
    static func nonBlank(maxLength: Int) -> [String: Any] {
        ["type": "string", "minLength": 1, "maxLength": maxLength, "pattern": "\\S"]
    }
    static var integer: [String: Any] { ["type": "integer", "format": "int64"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    static var nullableString: [String: Any] { ["type": "string", "nullable": true] }
    static var statusCode: [String: Any] {
        [
            "type": "string",
            "enum": [
                "draft", "submitted", "confirmed", "received", "in_repair", "waiting_for_customer", "on_hold",
                "resolved",
                "shipped", "ready_for_pickup", "closed", "cancelled",
            ],
        ]
    }

    /// The bodies of the order, tracking and account-info paths.
    static var orderSchemas: [String: Any] {
        let contact = object(["firstName": string, "surname": string, "email": string, "phone": string])
        // Text fields may be left out: validation answers 422 naming each. A value of another type (an ID as a
        // string, text as a boolean, null) is a 422 naming the field too: nothing is coerced.
        // IDs must name catalogue entries (GET /api/v1/catalogue); an unknown one is a 422 naming the field.
        let id: [String: Any] = ["type": "integer", "format": "int64", "minimum": 1]
        // The core's limits, so the document cannot drift from what validation enforces.
        let limits = IntakeLimits()
        let intakeRequest: [String: Any] = [
            "type": "object",
            "description":
                "A value of the wrong type (an ID sent as a string, text as a number, null) answers 422 naming the field.",
            "required": ["modelID"] + IntakeField.all.filter(\.isRequired).map(\.key) + ["locationID", "methodID"],
            "properties": intakeTextRequests(limits).merging(
                [
                    "modelID": id, "locationID": id, "methodID": id,
                    "contact": [
                        "type": "object",
                        "description": "Empty or missing fields default from the account (name, e-mail).",
                        "properties": [
                            "firstName": nonBlank(maxLength: limits.maxNameLength),
                            "surname": nonBlank(maxLength: limits.maxNameLength),
                            "email": ["type": "string", "format": "email", "maxLength": limits.maxNameLength],
                            "phone": [
                                "type": "string", "maxLength": limits.maxPhoneLength, "pattern": "^[0-9 +()-]*$",
                            ],
                        ] as [String: Any],
                    ] as [String: Any],
                ] as [String: Any]
            ) { first, _ in first },
        ]
        return [
            "Error": object(
                [
                    "error": [
                        "type": "string", "description": "The problem's stable code; `message` says it in words.",
                        "enum": ProblemCode.all.map(\.rawValue),
                    ] as [String: Any],
                    "message": string,
                    "field": ["type": "string", "description": "The first field at fault, if any."],
                    "fields": [
                        "type": "array",
                        "items": object([
                            "field": string,
                            "rule": [
                                "type": "string", "description": "The broken rule's stable code.",
                                "enum": FieldRule.Code.allCases.map(\.rawValue),
                            ] as [String: Any],
                            "message": string,
                        ]),
                    ] as [String: Any],
                ], optional: ["field", "fields"]),
            "Me": object(
                [
                    "id": integer, "email": string, "displayName": string,
                    "role": ["type": "string", "enum": ["customer", "reseller", "agent", "admin"]],
                    "customerID": integer,
                ],
                optional: ["customerID"]),
            "Tracking": [
                "type": "object", "additionalProperties": false,
                "properties": [
                    "number": string, "status": statusCode, "statusLabel": string, "deviceDescription": string,
                    "agentDisplayName": nullableString, "locationName": string, "tatDays": ["type": "integer"],
                    "carrier": [
                        "type": "object", "nullable": true, "additionalProperties": false,
                        "description": "The parcel's carrier once the reseller recorded it on a confirmed shipment.",
                        "properties": ["carrier": string, "trackingNumber": string, "url": string],
                        "required": ["carrier", "trackingNumber"],
                    ] as [String: Any],
                ] as [String: Any],
                "required": TrackingResult.jsonKeys,
            ] as [String: Any],
            "Catalogue": object([
                "locations": [
                    "type": "array",
                    "items": object([
                        "id": integer, "name": string, "tatDays": ["type": "integer"],
                        "methodIDs": ["type": "array", "items": integer],
                    ]),
                ],
                "methods": ["type": "array", "items": object(["id": integer, "name": string])],
                "models": ["type": "array", "items": object(["id": integer, "manufacturer": string, "name": string])],
            ]),
            "Contact": contact,
            "IntakeRequest": intakeRequest,
            "OrderListItem": object([
                "number": string, "status": statusCode, "statusLabel": string, "createdAt": dateTime, "device": string,
                "fault": string,
            ]),
            "Order": object([
                "number": string, "status": statusCode, "statusLabel": string, "createdAt": dateTime,
                "updatedAt": dateTime,
                "intake": object(
                    withIntakeTexts([
                        "modelID": integer, "device": string, "locationID": integer, "methodID": integer,
                        "contact": ref("Contact"),
                    ])),
                "answers": ["type": "object", "additionalProperties": string, "description": "Answers by task ID."],
                "trackingPath": ["type": "string", "description": "Signed tracking link path, /t/…"],
            ]),
            "Question": object([
                "id": integer, "text": string,
                "kind": ["type": "string", "enum": ["text", "yes_no", "choice", "number"]],
                "choices": ["type": "array", "items": string], "required": boolean, "answer": nullableString,
            ]),
            "AnswersRequest": object([
                "answers": [
                    "type": "object",
                    "description":
                        "Answers by task ID (keys are decimal task IDs from /questions): text, yes/no, one of the choices, or a number.",
                    "additionalProperties": [
                        "oneOf": [
                            ["type": "string", "maxLength": Answer.maxTextLength], ["type": "number"], boolean,
                        ]
                    ],
                ] as [String: Any]
            ]),
            "Summary": object(
                withIntakeTexts([
                    "number": string, "status": statusCode, "statusLabel": string, "device": string,
                    "locationName": string, "methodName": string, "tatDays": ["type": "integer"],
                    "turnaroundText": string, "contact": ref("Contact"),
                    "answers": [
                        "type": "array",
                        "items": object(["taskID": integer, "question": string, "answer": string, "required": boolean]),
                    ],
                    "missing": ["type": "array", "items": object(["field": string, "message": string])],
                ])),
            "Event": object(
                [
                    "at": dateTime, "fromStatus": statusCode, "toStatus": statusCode, "statusLabel": string,
                    "note": string,
                    "isPublic": boolean,
                ], optional: ["fromStatus"]),
        ]
    }
}
