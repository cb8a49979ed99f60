import Foundation
import HTTPServer

/// A feature's routes and handlers: a small value holding only the services it uses, registering its routes in
/// groups that declare their permission; each handler receives the request's context.
protocol FeatureController: JSONHandling, FormHandling, Sendable {
    /// Adds the feature's routes to `routes`.
    func register(in routes: inout PortalRoutes)
}
