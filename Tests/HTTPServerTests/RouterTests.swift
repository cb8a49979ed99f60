import Testing

@testable import HTTPServer

@Suite struct RouterTests {
    func makeRouter() -> Router {
        var router = Router()
        router.add(.get, "/orders") { _ in .text("list") }
        router.add(.post, "/orders") { _ in .text("create") }
        router.add(.get, "/orders/:number/questions") { request in .text("q \(request.pathParameters["number"] ?? "")")
        }
        router.add(.get, "/") { _ in .text("home") }
        return router
    }

    func run(_ router: Router, _ method: HTTPMethod, _ target: String) throws -> HTTPResponse {
        let request = try HTTPRequest(method: method, target: target)
        let match = router.match(method, rawPath: request.rawPath)
        var routed = request
        routed.pathParameters = match.parameters
        do { return try match.handler(routed) } catch let error as any HTTPResponseError { return error.makeResponse() }
    }

    static let table: [(HTTPMethod, String, Int, String)] = [
        (.get, "/orders", 200, "list"),
        (.post, "/orders", 200, "create"),
        (.get, "/orders/RS-1/questions", 200, "q RS-1"),
        (.get, "/orders/a%2Fb/questions", 200, "q a/b"),
        (.get, "/", 200, "home"),
        (.get, "/orders/", 404, "404 Not Found\n"),
        (.get, "/orders//questions", 404, "404 Not Found\n"),
        (.get, "/nothing", 404, "404 Not Found\n"),
        (.delete, "/orders", 405, "405 Method Not Allowed\n"),
    ]

    @Test(arguments: table)
    func routes(_ method: HTTPMethod, _ target: String, _ status: Int, _ body: String) throws {
        let response = try run(makeRouter(), method, target)
        #expect(response.status.code == status)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test func methodNotAllowedListsAllowedMethods() throws {
        let response = try run(makeRouter(), .put, "/orders")
        #expect(response.headers["Allow"] == "GET, POST, HEAD")
    }

    @Test func parametersThatAreNotUTF8DoNotMatch() {
        #expect(makeRouter().match(.get, rawPath: "/orders/%FF/questions").parameters.isEmpty)
        #expect(throws: (any Error).self) {
            try makeRouter().match(.get, rawPath: "/orders/%FF/questions").handler(
                try HTTPRequest(method: .get, target: "/"))
        }
    }

    @Test func headFallsBackToGet() throws {
        #expect(try run(makeRouter(), .head, "/orders/7/questions").status == .ok)
    }

    @Test func listsRegisteredRoutes() {
        let routes = makeRouter().registeredRoutes.map { "\($0.method.rawValue) \($0.pattern)" }
        #expect(routes == ["GET /orders", "POST /orders", "GET /orders/:number/questions", "GET /"])
    }

    @Test func appliesMiddlewareInOrder() throws {
        var router = makeRouter()
        router.use { request, next in
            var response = try next(request)
            response.headers.add("X-Order", "outer")
            return response
        }
        router.use { request, next in
            var response = try next(request)
            response.headers.add("X-Order", "inner")
            return response
        }
        let response = try run(router, .get, "/orders")
        #expect(response.headers.values(for: "x-order") == ["inner", "outer"])
        // A route added after the middleware is wrapped by it as well.
        router.add(.get, "/late") { _ in .text("late") }
        #expect(try run(router, .get, "/late").headers.values(for: "x-order") == ["inner", "outer"])
        // 404s pass through middleware too, so it can log or decorate them.
        let missing = router.match(.get, rawPath: "/missing")
        #expect(throws: (any Error).self) { try missing.handler(try HTTPRequest(method: .get, target: "/missing")) }
    }

    @Test func keepsRouteOptions() {
        var router = Router()
        router.add(
            .post, "/upload",
            options: RouteOptions(maxBodyBytes: 25_000_000, streamsBodyToFile: true, execution: .inline)
        ) { _ in .empty() }
        let match = router.match(.post, rawPath: "/upload")
        #expect(match.options.maxBodyBytes == 25_000_000)
        #expect(match.options.streamsBodyToFile)
        #expect(router.match(.get, rawPath: "/x").options.maxBodyBytes == nil)
    }
}
