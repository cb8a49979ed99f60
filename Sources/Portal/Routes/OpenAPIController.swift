import HTTPServer

/// `GET /api/v1/openapi.json`: the API's OpenAPI 3.0 document, public and cacheable.
struct OpenAPIController: FeatureController {
    func register(in routes: inout PortalRoutes) {
        routes.group(.open) { router in
            router.add(.get, "/api/v1/openapi.json", options: RouteOptions(execution: .inline)) { _ in
                var response = HTTPResponse.json(OpenAPIDocument.json)
                response.headers.set("Cache-Control", "public, max-age=300")
                return response
            }
        }
    }
}
