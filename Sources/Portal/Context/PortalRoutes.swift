import HTTPServer
import RepairCore

/// The portal's routes before they go into the HTTP router: every route sits in a group that declares its
/// permission (`group(_:_:)`), and its handler receives the request's context, never the raw request alone.
struct PortalRoutes {
    /// One registered route.
    struct Route: Sendable {
        var method: HTTPMethod
        var pattern: String
        var options: RouteOptions
        var permission: Permission
        /// Receives the context and the viewer the permission let through (nil only for groups that need none).
        var handler: @Sendable (RequestContext, Viewer?) throws -> HTTPResponse
    }

    /// The options of a route that takes a form or JSON body: the portal's body limit.
    let bodyOptions: RouteOptions
    private(set) var routes: [Route] = []

    /// Routes whose bodies are at most `maxBodyBytes`.
    init(maxBodyBytes: Int) {
        bodyOptions = RouteOptions(maxBodyBytes: maxBodyBytes)
    }

    /// Adds the routes `body` registers, each behind `permission`.
    mutating func group(_ permission: Permission, _ body: (inout RouteGroup) -> Void) {
        var group = RouteGroup(permission: permission, bodyOptions: bodyOptions)
        body(&group)
        routes += group.routes
    }
}

/// Routes that share a permission: the group answers 401/403 before any of its handlers runs.
struct RouteGroup {
    /// A handler of a group that may have nobody signed in.
    typealias Handler = @Sendable (RequestContext) throws -> HTTPResponse
    /// A handler of a group that needs a viewer: it receives the one the group let through.
    typealias ViewerHandler = @Sendable (RequestContext, Viewer) throws -> HTTPResponse

    let permission: Permission
    /// The portal's body limit, for routes that take a form or JSON body.
    let bodyOptions: RouteOptions
    fileprivate(set) var routes: [PortalRoutes.Route] = []

    /// A route of an open group (`open`, `visitor`, `anyone`): the viewer, if any, is `context.viewer`.
    mutating func add(
        _ method: HTTPMethod, _ pattern: String, options: RouteOptions = RouteOptions(), _ handler: @escaping Handler
    ) {
        precondition(!permission.needsViewer, "\(pattern): a group with a viewer takes (context, viewer) handlers")
        routes.append(
            .init(method: method, pattern: pattern, options: options, permission: permission) { context, _ in
                try handler(context)
            })
    }

    /// A route of a group that needs a viewer (`signedIn`, `allowed`, `customerAccount`).
    mutating func add(
        _ method: HTTPMethod, _ pattern: String, options: RouteOptions = RouteOptions(),
        _ handler: @escaping ViewerHandler
    ) {
        precondition(permission.needsViewer, "\(pattern): an open group takes (context) handlers")
        routes.append(
            .init(method: method, pattern: pattern, options: options, permission: permission) { context, viewer in
                // The permission let the request through, so it has a viewer.
                guard let viewer else { throw Problem.unauthorized() }
                return try handler(context, viewer)
            })
    }
}
