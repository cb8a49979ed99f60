/// Method + path-pattern routing with `:name` parameters, 404, 405 with `Allow`, and HEAD from GET.
public struct Router: Sendable {
    struct Route: Sendable {
        var method: HTTPMethod
        var pattern: String
        var segments: [Segment]
        var options: RouteOptions
        var handler: HTTPHandler
        /// `handler` inside the middleware, built when either changes rather than per request.
        var wrapped: HTTPHandler
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// The result of matching a request to a route.
    public struct Match: Sendable {
        /// The options of the matched route (defaults when nothing matched).
        public var options: RouteOptions
        /// Parameters from the pattern.
        public var parameters: [String: String]
        let handler: HTTPHandler
        /// The matched route's pattern; nil for the router's own 404 and 405.
        public var pattern: String? = nil
    }

    var routes: [Route] = []
    /// Indexes into `routes` by segment count, in registration order: a path is compared only with
    /// the patterns that have as many segments.
    var routesBySegmentCount: [Int: [Int]] = [:]
    var middleware: [HTTPMiddleware] = []

    /// Creates an empty router.
    public init() {}

    /// Registers a handler for a method and a pattern such as `/orders/:number/questions`.
    public mutating func add(
        _ method: HTTPMethod, _ pattern: String, options: RouteOptions = RouteOptions(),
        _ handler: @escaping HTTPHandler
    ) {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            part.hasPrefix(":") ? Segment.parameter(String(part.dropFirst())) : .literal(String(part))
        }
        routesBySegmentCount[segments.count, default: []].append(routes.count)
        routes.append(
            Route(
                method: method, pattern: pattern, segments: Array(segments), options: options, handler: handler,
                wrapped: wrap(handler)))
    }

    /// Adds middleware; the first added runs outermost.
    public mutating func use(_ middleware: @escaping HTTPMiddleware) {
        self.middleware.append(middleware)
        for index in routes.indices { routes[index].wrapped = wrap(routes[index].handler) }
    }

    /// Every registered route as (method, pattern), in registration order.
    public var registeredRoutes: [(method: HTTPMethod, pattern: String)] {
        routes.map { ($0.method, $0.pattern) }
    }

    /// Finds the route for a method and raw (not yet decoded) path; 404/405 become handlers that throw.
    public func match(_ method: HTTPMethod, rawPath: String) -> Match {
        // Split on the byte: the parser admits only ASCII in a target, so bytes and characters agree.
        let parts = rawPath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        var allowed: [HTTPMethod] = []
        var headFallback: Match?
        for index in routesBySegmentCount[parts.count] ?? [] {
            let route = routes[index]
            guard let parameters = Self.parameters(route.segments, parts) else { continue }
            if route.method == method {
                return Match(
                    options: route.options, parameters: parameters, handler: route.wrapped, pattern: route.pattern)
            }
            if method == .head, route.method == .get, headFallback == nil {
                headFallback = Match(
                    options: route.options, parameters: parameters, handler: route.wrapped, pattern: route.pattern)
            }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        if let headFallback { return headFallback }
        if allowed.isEmpty {
            return Match(options: RouteOptions(execution: .inline), parameters: [:], handler: wrap { _ in
                throw RouterError.notFound
            })
        }
        if allowed.contains(.get), !allowed.contains(.head) { allowed.append(.head) }
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        return Match(options: RouteOptions(execution: .inline), parameters: [:], handler: wrap { _ in
            throw RouterError.methodNotAllowed(allow: allow)
        })
    }

    func wrap(_ handler: @escaping HTTPHandler) -> HTTPHandler {
        var handler = handler
        for layer in middleware.reversed() {
            let next = handler
            handler = { request in try layer(request, next) }
        }
        return handler
    }

    static func parameters(_ segments: [Segment], _ parts: ArraySlice<Substring.UTF8View>) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal):
                guard literal.utf8.elementsEqual(part) else { return nil }
            case .parameter(let name):
                guard !part.isEmpty, let decoded = PercentDecoding.decode(Substring(part), plusAsSpace: false)
                else { return nil }
                parameters[name] = decoded
            }
        }
        return parameters
    }
}

/// The router's own answers.
enum RouterError: HTTPResponseError {
    case notFound
    case methodNotAllowed(allow: String)

    var status: HTTPStatus {
        switch self {
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        }
    }

    func makeResponse() -> HTTPResponse {
        switch self {
        case .notFound:
            return .text("404 Not Found\n", status: .notFound)
        case .methodNotAllowed(let allow):
            var response = HTTPResponse.text("405 Method Not Allowed\n", status: .methodNotAllowed)
            response.headers.set("Allow", allow)
            return response
        }
    }
}
