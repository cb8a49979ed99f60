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
                "description": overview,
            ],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": [String]()], ["sessionCookie": [String]()]],
            "tags": tags,
            "paths": paths,
            "components": [
                "securitySchemes": [
                    "bearerAuth": [
                        "type": "http", "scheme": "bearer",
                        "description": "A per-user API token created at /account/tokens; no CSRF header needed.",
                    ],
                    "sessionCookie": [
                        "type": "apiKey", "in": "cookie", "name": Portal.sessionCookieName,
                        "description":
                            "The browser session of a signed-in user. Writes (POST, PUT, DELETE) must also send the "
                            + "session's CSRF token in \(csrfHeaderName), or they answer 403 csrf.",
                    ],
                ] as [String: Any],
                "schemas": schemas,
                "responses": sharedResponses,
                "parameters": sharedParameters,
            ] as [String: Any],
        ]
    }

    /// The API's overview: authentication, the CSRF rule, errors.
    static let overview = """
        Service orders for repair shops. Authenticate with a per-user API token created at /account/tokens, \
        sent as 'Authorization: Bearer <token>'. A signed-in browser session (cookie \(Portal.sessionCookieName)) \
        works as well, but then every write (POST, PUT, DELETE) must carry the session's CSRF token in the \
        \(csrfHeaderName) header; API-token requests need none. Errors are JSON {error, message, field, fields}: \
        `error` is a stable code, `fields` lists every field at fault with its rule. Admin routes \
        (/api/v1/admin/…) are for admin accounts, staff routes (/api/v1/staff/…) for agents and admins, \
        shipments (/api/v1/shipments…) for reseller accounts; others answer 403. Request bodies are limited \
        to 64 KiB by default (413).
        """

    /// The operation groups, in the order tools show them.
    static var tags: [[String: Any]] {
        [
            ["name": "orders", "description": "Customers' and resellers' own orders, tracking, the catalogue."],
            ["name": "shipments", "description": "Resellers' batch shipments of confirmed orders."],
            ["name": "staff", "description": "The service's order queue (agents and admins)."],
            ["name": "admin", "description": "Catalogue, customers, tasks and the audit log (admins)."],
            ["name": "accounts", "description": "Customer accounts, their confirmation and the mail outbox."],
        ]
    }

    /// Every `/api/v1` path and method, each write with the CSRF header parameter.
    static var paths: [String: Any] {
        addingCSRFHeader(to: union(pathGroups))
    }

    /// The paths by feature; no path is in two groups.
    static var pathGroups: [[String: Any]] {
        [
            tagging(orderPaths, "orders"), tagging(shipmentPaths, "shipments"), tagging(staffPaths, "staff"),
            tagging(adminPaths, "admin"), tagging(accountPaths, "accounts"),
            tagging(settingsPaths, "settings"),
        ]
    }

    /// Every request and response body.
    static var schemas: [String: Any] { union(schemaGroups) }

    /// The schemas by feature; no name is in two groups.
    static var schemaGroups: [[String: Any]] {
        [orderSchemas, shipmentSchemas, staffSchemas, adminSchemas, accountSchemas, settingsSchemas]
    }

    /// A reference to a component schema.
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    /// A reference to a shared error response.
    static func errorRef(_ name: String) -> [String: Any] { ["$ref": "#/components/responses/\(name)"] }

    /// A JSON response described by `schema`.
    static func jsonResponse(_ description: String, _ schema: [String: Any]) -> [String: Any] {
        ["description": overview, "content": ["application/json": ["schema": schema]]]
    }

    /// A JSON request body described by `schema`.
    static func jsonBody(_ schema: [String: Any]) -> [String: Any] {
        ["required": true, "content": ["application/json": ["schema": schema]]]
    }

    /// The error answers every route may give, by status.
    static var sharedResponses: [String: Any] {
        [
            "BadRequest": errorResponse(
                "Malformed request: bad JSON, a missing or mistyped body field (`field` names it), or a bad parameter."),
            "Unauthorized": errorResponse("No session and no API token, or an unknown, revoked or disabled token."),
            "Forbidden": errorResponse(
                "The account's role may not do this (or, with a session cookie, the X-CSRF-Token header is missing "
                    + "or wrong: error `csrf`)."),
            "NotFound": errorResponse("No such entry (order, shipment, account, …), or it is not yours."),
            "Conflict": errorResponse(
                "The entry's state forbids the change (e.g. approved twice, an illegal status move) or a name is taken."
            ),
            "Gone": errorResponse("The link has expired, was replaced by a newer one, or was already used."),
            "UnsupportedMediaType": errorResponse("The body is not sent as application/json."),
            "Unprocessable": errorResponse("Invalid fields; `fields` lists each with its rule."),
            "TooManyRequests": [
                "description": "Rate limit reached; wait Retry-After seconds.",
                "headers": ["Retry-After": ["schema": ["type": "integer"], "description": "Seconds to wait."]],
                "content": ["application/json": ["schema": ref("Error")]],
            ] as [String: Any],
        ]
    }
}
