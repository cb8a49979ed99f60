import Foundation

/// The OpenAPI 3.0 description of every `/api/v1` route, served at `/api/v1/openapi.json`.
///
/// Written by hand beside the routes; `OpenAPITests` checks that its paths and methods are exactly
/// the router's `/api/` routes, both ways, so the two cannot drift apart unnoticed.
public enum OpenAPIDocument {
    /// The OpenAPI version the document follows.
    public static let openAPIVersion = "3.0.3"
    /// The API's version, as in the `/api/v1` prefix.
    public static let apiVersion = "1.0.0"

    /// The document as JSON (sorted keys, so it is byte-stable between runs).
    public static let json: Data = {
        // The document is built from literals only, so serialising it cannot fail.
        (try? JSONSerialization.data(withJSONObject: make(), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }()

    /// The document as a JSON object tree.
    static func make() -> [String: Any] {
        [
            "openapi": openAPIVersion,
            "info": [
                "title": "repairshop API",
                "version": apiVersion,
                "description":
                    "Service orders for repair shops. Authenticate with a per-user API token created at /account/tokens, "
                    + "sent as 'Authorization: Bearer <token>'. Errors are JSON {error, message, field, fields}.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": [String]()]],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"]],
                "schemas": schemas,
                "responses": sharedResponses,
                "parameters": [
                    "number": [
                        "name": "number", "in": "path", "required": true,
                        "description": "Order number, e.g. RS-7K2M-9QXD (case, spaces and dashes are forgiven).",
                        "schema": ["type": "string"],
                    ] as [String: Any]
                ],
            ] as [String: Any],
        ]
    }

    /// A reference to a component schema.
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    /// A reference to a shared error response.
    static func errorRef(_ name: String) -> [String: Any] { ["$ref": "#/components/responses/\(name)"] }

    /// A JSON response described by `schema`.
    static func jsonResponse(_ description: String, _ schema: [String: Any]) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }

    /// A JSON request body described by `schema`.
    static func jsonBody(_ schema: [String: Any]) -> [String: Any] {
        ["required": true, "content": ["application/json": ["schema": schema]]]
    }

    /// The error answers every route may give, by status.
    static var sharedResponses: [String: Any] {
        [
            "BadRequest": jsonResponse("Malformed request: bad JSON or a missing/empty parameter.", ref("Error")),
            "Unauthorized": jsonResponse("No or bad API token.", ref("Error")),
            "Forbidden": jsonResponse("The account's role may not do this.", ref("Error")),
            "NotFound": jsonResponse("No such order (or not yours).", ref("Error")),
            "Conflict": jsonResponse("The order is no longer a draft (e.g. approved twice).", ref("Error")),
            "UnsupportedMediaType": jsonResponse("The body is not application/json.", ref("Error")),
            "Unprocessable": jsonResponse("Invalid fields; `fields` lists each with its rule.", ref("Error")),
            "TooManyRequests": [
                "description": "Rate limit reached; wait Retry-After seconds.",
                "headers": ["Retry-After": ["schema": ["type": "integer"], "description": "Seconds to wait."]],
                "content": ["application/json": ["schema": ref("Error")]],
            ] as [String: Any],
        ]
    }
}
