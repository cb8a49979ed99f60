import Foundation
import HTTPServer
import HTTPTesting
import Testing

@testable import Portal

@Suite("The OpenAPI document matches the router")
struct OpenAPITests {
    /// `METHOD /path/{param}` for every `/api/` route the router really has (`:param` written as `{param}`).
    static func routerOperations(_ portal: Portal) -> Set<String> {
        Set(
            portal.makeRouter().registeredRoutes.filter { $0.pattern.hasPrefix("/api/") }.map { route in
                let path = route.pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                    segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
                }.joined(separator: "/")
                return "\(route.method.rawValue) \(path)"
            })
    }

    /// `METHOD /path` for every operation in the document.
    static func documentOperations(_ document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: Any])
        var operations: Set<String> = []
        for (path, item) in paths {
            let methods = try #require(item as? [String: Any])
            for method in methods.keys
            where ["get", "put", "post", "delete", "patch", "head", "options"].contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func documentAndRouterListTheSameOperationsBothWays() throws {
        let harness = try PortalHarness(seed: false)
        let response = try harness.client().request(.get, "/api/v1/openapi.json")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
        let document = try response.jsonObject()
        let documented = try Self.documentOperations(document)
        let routed = Self.routerOperations(harness.portal)
        #expect(
            routed.subtracting(documented).isEmpty,
            "routes missing from the document: \(routed.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(routed).isEmpty,
            "documented but not routed: \(documented.subtracting(routed).sorted())")
        #expect(routed.contains("GET /api/v1/track"))
        #expect(routed.contains("PUT /api/v1/orders/{number}/answers"))
    }

    @Test func documentIsOpenAPI3WithInfoSecurityAndResolvableReferences() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        let version = try #require(document["openapi"] as? String)
        #expect(version.hasPrefix("3.0."))
        let info = try #require(document["info"] as? [String: Any])
        #expect(info["title"] is String && info["version"] is String)
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: Any])
        #expect((schemes["bearerAuth"] as? [String: Any])?["scheme"] as? String == "bearer")
        // Every $ref points at something that exists.
        let text = String(decoding: OpenAPIDocument.json, as: UTF8.self)
        let references = text.matches(of: /"\$ref":"#\/components\/(\w+)\/(\w+)"/).map { (String($0.1), String($0.2)) }
        #expect(!references.isEmpty)
        for (section, name) in references {
            #expect((components[section] as? [String: Any])?[name] != nil, "dangling reference \(section)/\(name)")
        }
    }

    @Test func everyOperationHasAnIDResponsesAndDeclaredPathParameters() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operationIDs: [String] = []
        for (path, methods) in paths {
            for (method, value) in methods {
                let operation = try #require(value as? [String: Any], "\(method) \(path)")
                operationIDs.append(try #require(operation["operationId"] as? String))
                let responses = try #require(operation["responses"] as? [String: Any])
                #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) has no success answer")
                let parameters = (operation["parameters"] as? [[String: Any]]) ?? []
                let hasNumber = parameters.contains { ($0["$ref"] as? String)?.hasSuffix("/number") == true }
                #expect(path.contains("{number}") == hasNumber, "\(method) \(path) path parameter")
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count)
    }

    @Test func trackingSchemaListsExactlyTheKeysTheServerSends() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        let schema = try #require(
            ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Tracking"] as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(TrackingResult.jsonKeys))
    }

    @Test func featureGroupsShareNoPathAndNoSchemaName() {
        let pathCount = OpenAPIDocument.pathGroups.map(\.count).reduce(0, +)
        #expect(OpenAPIDocument.paths.count == pathCount, "a path is documented in two feature files")
        let schemaCount = OpenAPIDocument.schemaGroups.map(\.count).reduce(0, +)
        #expect(OpenAPIDocument.schemas.count == schemaCount, "a schema name is used in two feature files")
    }

    @Test func pathParametersAreDeclaredAndWritesDocumentTheirGuards() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let shared = try #require((document["components"] as? [String: Any])?["parameters"] as? [String: Any])
        for (path, methods) in paths {
            let templated = Set(path.matches(of: /\{(\w+)\}/).map { String($0.1) })
            for (method, value) in methods {
                let operation = try #require(value as? [String: Any])
                let parameters = ((operation["parameters"] as? [[String: Any]]) ?? []).map { parameter in
                    (parameter["$ref"] as? String).flatMap { shared[String($0.split(separator: "/").last!)] }
                        as? [String: Any] ?? parameter
                }
                let declared = Set(
                    parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                #expect(declared == templated, "\(method) \(path) path parameters")
                let responses = try #require(operation["responses"] as? [String: Any])
                let isPublic = (operation["security"] as? [Any])?.isEmpty == true
                #expect(isPublic || responses["401"] != nil, "\(method) \(path) documents no 401")
                if method != "get" {
                    let hasCSRF = parameters.contains {
                        $0["name"] as? String == "X-CSRF-Token" && $0["in"] as? String == "header"
                    }
                    #expect(hasCSRF, "\(method) \(path) does not mention the X-CSRF-Token header")
                }
            }
        }
    }

    @Test func orderAnswersMatchTheirSchemas() throws {
        let harness = try PortalHarness()
        let customer = try harness.apiClient(.customer)
        let checker = try SchemaChecker()
        for path in ["/api/v1/me", "/api/v1/catalogue", "/api/v1/orders"] {
            try checker.check(try customer.sendJSON(.get, path), .get, path, expecting: 200)
        }
        let order = "/api/v1/orders/{number}"
        try checker.check(try customer.sendJSON(.get, "/api/v1/orders/RS-7K2M-9QXD"), .get, order, expecting: 200)
        for step in ["questions", "summary", "events"] {
            try checker.check(
                try customer.sendJSON(.get, "/api/v1/orders/RS-4HJT-2B8N/\(step)"), .get, order + "/" + step,
                expecting: 200)
        }
        try checker.check(
            try customer.sendJSON(.get, "/api/v1/orders/RS-9PWX-6T1C"), .get, order, expecting: 404)
        try checker.check(
            try harness.client().request(.get, "/api/v1/track?number=RS-7K2M-9QXD&surname=%C5%81ukasiewicz"), .get,
            "/api/v1/track", expecting: 200)
    }

    @Test func adminAnswersMatchTheirSchemas() throws {
        let harness = try PortalHarness()
        let admin = try harness.apiClient(.admin)
        let checker = try SchemaChecker()
        let method = try admin.sendJSON(.post, "/api/v1/admin/shipping-methods", json: #"{"name": "Pallet"}"#)
        try checker.check(method, .post, "/api/v1/admin/shipping-methods")
        let account = try admin.sendJSON(
            .post, "/api/v1/admin/accounts",
            json: #"{"customerID": 1, "email": "new@example.com", "displayName": "New Person"}"#)
        try checker.check(account, .post, "/api/v1/admin/accounts")
        for path in [
            "locations", "shipping-methods", "device-models", "tasks", "customers", "audit", "accounts", "outbox",
            "templates",
        ] {
            try checker.check(try admin.sendJSON(.get, "/api/v1/admin/" + path), .get, "/api/v1/admin/" + path)
        }
        let location = #"{"name": "X", "address": "A", "tatDays": 5, "isPublic": true, "methodIDs": [1]}"#
        try checker.check(
            try admin.sendJSON(.put, "/api/v1/admin/locations/999", json: location), .put,
            "/api/v1/admin/locations/{id}", expecting: 404)
        try checker.check(
            try admin.sendJSON(.put, "/api/v1/admin/locations/1", json: #"{"name": "X"}"#), .put,
            "/api/v1/admin/locations/{id}", expecting: 400)
        let customer = try harness.apiClient(.customer)
        try checker.check(
            try customer.sendJSON(.get, "/api/v1/admin/tasks"), .get, "/api/v1/admin/tasks", expecting: 403)
    }

    @Test func staffAnswersMatchTheirSchemas() throws {
        let harness = try PortalHarness()
        let agent = try harness.apiClient(.agent)
        let checker = try SchemaChecker()
        try checker.check(
            try agent.sendJSON(.get, "/api/v1/staff/orders?status=all"), .get, "/api/v1/staff/orders")
        let order = "/api/v1/staff/orders/{number}"
        try checker.check(try agent.sendJSON(.get, "/api/v1/staff/orders/RS-7K2M-9QXD"), .get, order)
        try checker.check(
            try agent.sendJSON(.post, "/api/v1/staff/orders/RS-Q3V5-K8MZ/confirm"), .post, order + "/confirm")
        try checker.check(
            try agent.sendJSON(
                .post, "/api/v1/staff/orders/RS-Q3V5-K8MZ/status", json: #"{"status": "received", "note": "in"}"#),
            .post, order + "/status")
        try checker.check(
            try agent.sendJSON(.post, "/api/v1/staff/orders/RS-Q3V5-K8MZ/status", json: #"{"status": "closed"}"#),
            .post, order + "/status", expecting: 409)
        try checker.check(
            try agent.sendJSON(.get, "/api/v1/staff/orders?page=0"), .get, "/api/v1/staff/orders", expecting: 422)
    }

    @Test func shipmentAnswersMatchTheirSchemas() throws {
        let harness = try PortalHarness()
        let reseller = try harness.apiClient(.reseller)
        let checker = try SchemaChecker()
        let created = try reseller.sendJSON(
            .post, "/api/v1/shipments", json: #"{"orders": ["RS-9PWX-6T1C", "RS-2DFG-H7JK"]}"#)
        try checker.check(created, .post, "/api/v1/shipments")
        let id = try #require(try created.jsonObject()["id"] as? Int)
        let base = "/api/v1/shipments/\(id)"
        try checker.check(
            try reseller.sendJSON(.post, base + "/confirm", json: #"{"parcelCount": 2, "weightKg": 1.5}"#), .post,
            "/api/v1/shipments/{id}/confirm")
        try checker.check(
            try reseller.sendJSON(.put, base + "/carrier", json: #"{"carrier": "DPD", "trackingNumber": "123 456"}"#),
            .put, "/api/v1/shipments/{id}/carrier")
        try checker.check(try reseller.sendJSON(.get, base), .get, "/api/v1/shipments/{id}")
        try checker.check(try reseller.sendJSON(.get, "/api/v1/shipments"), .get, "/api/v1/shipments")
        try checker.check(
            try reseller.sendJSON(.delete, base), .delete, "/api/v1/shipments/{id}", expecting: 409)
        let label = try reseller.sendJSON(.get, base + "/label.txt")
        #expect(label.status == 200 && label.headers["Content-Type"]?.hasPrefix("text/plain") == true)
    }
}

/// Checks live answers against the document: the status is documented, and the JSON body has exactly
/// the documented keys (an object schema with `properties` is closed unless it names `additionalProperties`).
private struct SchemaChecker {
    let document: [String: Any]

    init() throws {
        document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
    }

    func check(
        _ response: HTTPTestResponse, _ method: HTTPMethod, _ path: String, expecting status: Int? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let label = "\(method.rawValue) \(path) → \(response.status)"
        if let status {
            #expect(response.status == status, "\(label): \(response.text.prefix(300))", sourceLocation: sourceLocation)
        }
        let operation = try #require(
            ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method.rawValue.lowercased()]
                as? [String: Any], "\(label) is not documented", sourceLocation: sourceLocation)
        var answer = try #require(
            (operation["responses"] as? [String: Any])?[String(response.status)] as? [String: Any],
            "\(label): status not documented: \(response.text.prefix(300))", sourceLocation: sourceLocation)
        if let reference = answer["$ref"] as? String { answer = try #require(resolve(reference)) }
        guard
            let schema = ((answer["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
                as? [String: Any]
        else { return #expect(response.body.isEmpty, "\(label): undocumented body", sourceLocation: sourceLocation) }
        let value = try JSONSerialization.jsonObject(with: Data(response.body), options: .fragmentsAllowed)
        let problems = self.problems(value, schema, at: "$")
        #expect(problems.isEmpty, "\(label): \(problems)", sourceLocation: sourceLocation)
    }

    func resolve(_ reference: String) -> [String: Any]? {
        let parts = reference.split(separator: "/").dropFirst().map(String.init)
        var node: Any? = document
        for part in parts { node = (node as? [String: Any])?[part] }
        return node as? [String: Any]
    }

    func problems(_ value: Any, _ schema: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else { return ["\(path): dangling \(reference)"] }
            return problems(value, target, at: path)
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            return choices.contains { problems(value, $0, at: path).isEmpty } ? [] : ["\(path): matches no oneOf"]
        }
        if value is NSNull { return schema["nullable"] as? Bool == true ? [] : ["\(path): null"] }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            var found = ((schema["required"] as? [String]) ?? []).filter { object[$0] == nil }
                .map { "\(path).\($0): missing" }
            for (key, item) in object {
                if let property = properties[key] {
                    found += problems(item, property, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    found += problems(item, extra, at: "\(path).\(key)")
                } else if schema["additionalProperties"] == nil {
                    found.append("\(path).\(key): not documented")
                }
            }
            return found
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { problems($1, items, at: "\(path)[\($0)]") }
        case "string":
            guard let text = value as? String else { return ["\(path): not a string"] }
            if let options = schema["enum"] as? [String], !options.contains(text) {
                return ["\(path): \(text) not in enum"]
            }
            return []
        case "integer", "number":
            guard let number = value as? NSNumber, !(value is String) else { return ["\(path): not a number"] }
            return schema["type"] as? String == "integer" && number.doubleValue.rounded() != number.doubleValue
                ? ["\(path): not an integer"] : []
        case "boolean":
            return value is Bool ? [] : ["\(path): not a boolean"]
        default:
            return []
        }
    }
}
