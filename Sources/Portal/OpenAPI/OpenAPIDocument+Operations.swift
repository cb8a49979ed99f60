// The building blocks every `+…Paths.swift` file uses: operations, parameters and error answers.
extension OpenAPIDocument {
    /// An operation object; `isPublic` drops the document's security requirement (no token needed).
    static func operation(
        _ id: String, _ summary: String, description: String? = nil, parameters: [[String: Any]] = [],
        body: [String: Any]? = nil, responses: [String: Any], isPublic: Bool = false
    ) -> [String: Any] {
        var result: [String: Any] = ["operationId": id, "summary": summary, "responses": responses]
        if let description { result["description"] = description }
        if !parameters.isEmpty { result["parameters"] = parameters }
        if let body { result["requestBody"] = body }
        if isPublic { result["security"] = [[String: Any]]() }
        return result
    }

    /// A query parameter.
    static func query(_ name: String, _ description: String, required: Bool, schema: [String: Any]) -> [String: Any] {
        ["name": name, "in": "query", "required": required, "description": description, "schema": schema]
    }

    /// A reference to a shared parameter in `components/parameters`.
    static func parameterRef(_ name: String) -> [String: Any] { ["$ref": "#/components/parameters/\(name)"] }

    /// The shared error answer (in `components/responses`) for each status it documents.
    static let errorResponseNames: [Int: String] = [
        400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict", 410: "Gone",
        415: "UnsupportedMediaType", 422: "Unprocessable", 429: "TooManyRequests",
    ]

    /// `responses` with the shared error answers for `statuses` added (an explicit entry wins).
    static func answers(_ responses: [String: Any], errors statuses: Int...) -> [String: Any] {
        var result = responses
        for status in statuses where result[String(status)] == nil {
            if let name = errorResponseNames[status] { result[String(status)] = errorRef(name) }
        }
        return result
    }

    /// An error answer with its own description (the schema is always `Error`).
    static func errorResponse(_ description: String) -> [String: Any] { jsonResponse(description, ref("Error")) }

    /// The header a browser session's JSON writes must carry (API tokens need nothing).
    static let csrfHeaderName = "X-CSRF-Token"

    /// Every shared parameter, by name.
    static var sharedParameters: [String: Any] {
        func pathID(_ description: String, _ schema: [String: Any]) -> [String: Any] {
            ["name": "id", "in": "path", "required": true, "description": description, "schema": schema]
        }
        let rowID: [String: Any] = ["type": "integer", "format": "int64", "minimum": 1]
        return [
            "number": [
                "name": "number", "in": "path", "required": true,
                "description": "Order number, e.g. RS-7K2M-9QXD (case, spaces and dashes are forgiven).",
                "schema": ["type": "string"],
            ] as [String: Any],
            "entryID": pathID("The catalogue entry or customer's ID; anything else answers 404.", rowID),
            "accountID": pathID("The user account's ID; anything else answers 404.", rowID),
            "mailID": pathID("The outbox row's ID; anything else answers 404.", rowID),
            "shipmentID": pathID(
                "The shipment's ID or its reference (SH-000042); another customer's shipment answers 404.",
                ["type": "string", "pattern": "^([1-9][0-9]*|SH-[0-9]{6,})$"]),
            "csrfToken": [
                "name": csrfHeaderName, "in": "header", "required": false,
                "description":
                    "Required only with a browser session cookie: the session's CSRF token (the csrf_token of its "
                    + "forms). Requests with an API token need none; a missing or wrong token answers 403 csrf.",
                "schema": ["type": "string"],
            ] as [String: Any],
        ]
    }

    /// `paths` with the CSRF header parameter added to every write (POST, PUT, PATCH, DELETE).
    static func addingCSRFHeader(to paths: [String: Any]) -> [String: Any] {
        paths.mapValues { item in
            guard var methods = item as? [String: Any] else { return item }
            for method in ["post", "put", "patch", "delete"] {
                guard var operation = methods[method] as? [String: Any] else { continue }
                var parameters = (operation["parameters"] as? [[String: Any]]) ?? []
                parameters.append(parameterRef("csrfToken"))
                operation["parameters"] = parameters
                methods[method] = operation
            }
            return methods
        }
    }

    /// `paths` with every operation in the group `tag`.
    static func tagging(_ paths: [String: Any], _ tag: String) -> [String: Any] {
        paths.mapValues { item in
            guard let methods = item as? [String: Any] else { return item }
            return methods.mapValues { value -> Any in
                guard var operation = value as? [String: Any] else { return value }
                operation["tags"] = [tag]
                return operation
            }
        }
    }

    /// OpenAPI links from an answer to `operations`, passing `parameter` from `expression` (followed by stateful testers).
    static func links(to operations: [String], parameter: String = "id", from expression: String = "$response.body#/id")
        -> [String: Any]
    {
        Dictionary(
            uniqueKeysWithValues: operations.map { ($0, ["operationId": $0, "parameters": [parameter: expression]]) })
    }

    /// The union of `groups`; a key in two groups keeps the first (`OpenAPITests` checks there is none).
    static func union(_ groups: [[String: Any]]) -> [String: Any] {
        groups.reduce(into: [:]) { result, group in result.merge(group) { first, _ in first } }
    }
}
