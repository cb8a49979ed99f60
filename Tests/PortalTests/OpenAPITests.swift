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
}
