import RepairCore

extension OpenAPIDocument {
    /// `/api/v1/staff/orders…`: the service's queue and order handling (agent and admin accounts only).
    static var staffPaths: [String: Any] {
        let number = parameterRef("number")
        let onOrder = answers(
            ["200": jsonResponse("The order as it is now.", ref("StaffOrder"))], errors: 401, 403, 404)
        let queueStatuses = ["open", "all"] + OrderStatus.allCases.filter { $0 != .draft }.map(\.rawValue)
        return [
            "/api/v1/staff/orders": [
                "get": operation(
                    "listStaffQueue", "The queue of submitted and later orders, oldest first.",
                    description: "\(StaffController.staffQueuePageSize) lines a page. Drafts are never listed. A bad "
                        + "`location`, `status` or `page` answers 422 naming it.",
                    parameters: [
                        query("location", "Only orders for this location ID.", required: false, schema: rowID),
                        [
                            "name": "status", "in": "query", "required": false, "style": "form", "explode": true,
                            "description": "Statuses to list (repeatable): open (the default), all, or one status.",
                            "schema": ["type": "array", "items": ["type": "string", "enum": queueStatuses]],
                        ] as [String: Any],
                        query(
                            "page", "1-based page.", required: false,
                            schema: [
                                "type": "integer", "minimum": 1, "maximum": StaffController.maxStaffQueuePage,
                                "default": 1,
                            ]
                        ),
                    ],
                    responses: answers(
                        ["200": jsonResponse("The queue lines.", array(ref("QueueLine")))], errors: 401, 403, 422))
            ],
            "/api/v1/staff/orders/{number}": [
                "get": operation(
                    "getStaffOrder", "One order with its answers and full history (internal notes included).",
                    parameters: [number], responses: onOrder)
            ],
            "/api/v1/staff/orders/{number}/confirm": [
                "post": operation(
                    "confirmStaffOrder", "Confirms a submitted order (a public event); no body.",
                    description: "Any other status answers 409 `illegal_transition`.", parameters: [number],
                    responses: answers(onOrder, errors: 409))
            ],
            "/api/v1/staff/orders/{number}/status": [
                "post": operation(
                    "changeStaffOrderStatus", "Moves the order to another status with an optional note.",
                    description: "An unknown status or a note over \(ServiceOrder.maxNoteLength) characters answers "
                        + "422; a move the pipeline forbids answers 409 `illegal_transition` listing the allowed ones.",
                    parameters: [number], body: jsonBody(ref("StatusChangeRequest")),
                    responses: answers(onOrder, errors: 400, 409, 415, 422))
            ],
            "/api/v1/staff/orders/{number}/assign": [
                "post": operation(
                    "assignStaffOrder", "Makes an agent the order's service agent, or clears it with null.",
                    description: "agentID must name an active agent or admin (else 422).", parameters: [number],
                    body: jsonBody(ref("AssignRequest")), responses: answers(onOrder, errors: 400, 415, 422))
            ],
        ]
    }

    /// The bodies of the staff paths.
    static var staffSchemas: [String: Any] {
        [
            "QueueLine": object(
                [
                    "number": string, "status": statusCode, "device": string, "customerName": string,
                    "locationID": integer, "locationName": string,
                    "agentName": ["type": "string", "description": "Absent until an agent is assigned."],
                    "createdAt": dateTime,
                ], optional: ["agentName"]),
            "StaffOrder": object(
                withIntakeTexts([
                    "number": string, "status": statusCode, "statusLabel": string,
                    "nextStatuses": [
                        "type": "array", "items": statusCode, "description": "The statuses the order may move to.",
                    ] as [String: Any],
                    "customerID": integer, "customerName": string, "device": string,
                    "locationID": integer, "locationName": string, "methodName": string,
                    "contact": ref("Contact"), "assignedAgentID": integer, "agentName": string,
                    "createdAt": dateTime, "updatedAt": dateTime,
                    "answers": array(object(["taskID": integer, "question": string, "answer": string])),
                    "events": array(
                        object(
                            [
                                "at": dateTime, "actorName": string, "fromStatus": statusCode, "toStatus": statusCode,
                                "note": string, "isPublic": boolean,
                            ], optional: ["actorName", "fromStatus"])),
                ]), optional: ["assignedAgentID", "agentName"]),
            "StatusChangeRequest": object(
                [
                    "status": statusCode,
                    "note": [
                        "type": "string", "maxLength": ServiceOrder.maxNoteLength,
                        "description": "Shown in the history; empty by default.",
                    ] as [String: Any],
                    "isPublic": [
                        "type": "boolean", "default": false,
                        "description": "Whether the customer sees the note (default internal).",
                    ] as [String: Any],
                ], optional: ["note", "isPublic"]),
            "AssignRequest": object(
                [
                    "agentID": [
                        "type": "integer", "format": "int64", "nullable": true,
                        "description": "An active agent's or admin's user ID; null or absent clears the agent.",
                    ] as [String: Any]
                ], optional: ["agentID"]),
        ]
    }
}
