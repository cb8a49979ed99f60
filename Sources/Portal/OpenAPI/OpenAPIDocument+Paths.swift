extension OpenAPIDocument {
    /// What a client can do next with a new draft (OpenAPI links, followed by stateful testers).
    static var draftLinks: [String: Any] {
        let operations = [
            "getOrder", "reviseIntake", "getQuestions", "answerQuestions", "getSummary", "approveOrder", "getEvents",
            "discardOrder",
        ]
        var links: [String: Any] = [:]
        for operation in operations {
            links[operation] = ["operationId": operation, "parameters": ["number": "$response.body#/number"]]
        }
        return links
    }

    /// The order, tracking, account-info and document paths (customers' and resellers' side).
    static var orderPaths: [String: Any] {
        let number: [String: Any] = ["$ref": "#/components/parameters/number"]
        let signedIn: [String: Any] = ["401": errorRef("Unauthorized")]
        let ordering: [String: Any] = ["401": errorRef("Unauthorized"), "403": errorRef("Forbidden")]
        let onOrder = ordering.merging(["404": errorRef("NotFound")]) { $1 }
        let withBody = onOrder.merging([
            "400": errorRef("BadRequest"), "415": errorRef("UnsupportedMediaType"), "422": errorRef("Unprocessable"),
            "409": errorRef("Conflict"),
        ]) { $1 }
        return [
            "/api/v1/openapi.json": [
                "get": operation(
                    "getOpenAPI", "This document.",
                    responses: [
                        "200": [
                            "description": "The OpenAPI document.",
                            "content": ["application/json": ["schema": ["type": "object"]]],
                        ]
                    ],
                    isPublic: true)
            ],
            "/api/v1/me": [
                "get": operation(
                    "getMe", "The account the token belongs to.",
                    responses: signedIn.merging(["200": jsonResponse("The account.", ref("Me"))]) { $1 })
            ],
            "/api/v1/track": [
                "get": operation(
                    "track", "Anonymous tracking by order number and contact surname (no token needed).",
                    parameters: [
                        query(
                            "number", "Order number as typed.", required: true,
                            schema: nonBlank(maxLength: Tracker.maximumFieldLength)),
                        query(
                            "surname", "Contact surname; case and diacritics do not matter.", required: true,
                            schema: nonBlank(maxLength: Tracker.maximumFieldLength)),
                    ],
                    responses: [
                        "200": jsonResponse("The public status of the order.", ref("Tracking")),
                        "400": errorRef("BadRequest"),
                        "404": jsonResponse(
                            "No order matches this number and surname (the same for any mismatch).", ref("Error")),
                        "429": errorRef("TooManyRequests"),
                    ], isPublic: true)
            ],
            "/api/v1/catalogue": [
                "get": operation(
                    "getCatalogue", "Public locations (TAT, accepted methods), shipping methods and device models.",
                    responses: signedIn.merging(["200": jsonResponse("What intake offers.", ref("Catalogue"))]) { $1 })
            ],
            "/api/v1/orders": [
                "get": operation(
                    "listOrders", "The user's customer's orders, newest first (customer and reseller users).",
                    parameters: [
                        query(
                            "filter", "Which orders.", required: false,
                            schema: ["type": "string", "enum": ["open", "closed", "all"], "default": "all"])
                    ],
                    responses: ordering.merging([
                        "200": jsonResponse("The orders.", ["type": "array", "items": ref("OrderListItem")]),
                        "400": errorRef("BadRequest"),
                    ]) { $1 }),
                "post": operation(
                    "createOrder",
                    "Creates a draft from the intake (step 1); empty contact fields default from the account.",
                    body: jsonBody(ref("IntakeRequest")),
                    responses: withBody.merging([
                        "201": [
                            "description": "The new draft.",
                            "headers": ["Location": ["schema": ["type": "string"], "description": "The draft's URL."]],
                            "content": ["application/json": ["schema": ref("Order")]],
                            "links": draftLinks,
                        ] as [String: Any]
                    ]) { $1 }),
            ],
            "/api/v1/orders/{number}": [
                "get": operation(
                    "getOrder", "One order (its customer's users and staff).", parameters: [number],
                    responses: onOrder.merging(["200": jsonResponse("The order.", ref("Order"))]) { $1 }),
                "delete": operation(
                    "discardOrder", "Discards a draft.", parameters: [number],
                    responses: onOrder.merging(["204": ["description": "Discarded."], "409": errorRef("Conflict")]) {
                        $1
                    }),
            ],
            "/api/v1/orders/{number}/intake": [
                "put": operation(
                    "reviseIntake", "Replaces a draft's intake; answers that no longer apply are dropped.",
                    parameters: [number], body: jsonBody(ref("IntakeRequest")),
                    responses: withBody.merging(["200": jsonResponse("The revised draft.", ref("Order"))]) { $1 })
            ],
            "/api/v1/orders/{number}/questions": [
                "get": operation(
                    "getQuestions", "The questions that apply to the order, with current answers (step 2).",
                    parameters: [number],
                    responses: onOrder.merging([
                        "200": jsonResponse("The questions.", ["type": "array", "items": ref("Question")])
                    ]) { $1 })
            ],
            "/api/v1/orders/{number}/answers": [
                "put": operation(
                    "answerQuestions", "Records answers by task ID; an empty answer clears it.", parameters: [number],
                    body: jsonBody(ref("AnswersRequest")),
                    responses: withBody.merging([
                        "200": jsonResponse(
                            "The questions with their answers.", ["type": "array", "items": ref("Question")])
                    ]) { $1 })
            ],
            "/api/v1/orders/{number}/summary": [
                "get": operation(
                    "getSummary", "Everything entered, with the location's TAT (step 3).", parameters: [number],
                    responses: onOrder.merging(["200": jsonResponse("The summary.", ref("Summary"))]) { $1 })
            ],
            "/api/v1/orders/{number}/approve": [
                "post": operation(
                    "approveOrder", "Approves the draft (step 4): submitted, or confirmed at once for a reseller.",
                    parameters: [number],
                    responses: onOrder.merging([
                        "200": jsonResponse("The approved order.", ref("Order")), "409": errorRef("Conflict"),
                        "422": errorRef("Unprocessable"),
                    ]) { $1 })
            ],
            "/api/v1/orders/{number}/events": [
                "get": operation(
                    "getEvents", "The order's history, oldest first (public events only for customers).",
                    parameters: [number],
                    responses: onOrder.merging([
                        "200": jsonResponse("The events.", ["type": "array", "items": ref("Event")])
                    ]) { $1 })
            ],
        ]
    }
}
