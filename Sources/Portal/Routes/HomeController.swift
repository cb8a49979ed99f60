import HTMLKit
import HTTPServer

/// `/` (start page or the viewer's home), the stylesheet, and a health check.
struct HomeController: FeatureController, PageRendering {
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.anyone) { router in registerStartPage(&router) }
        routes.group(.open) { router in registerStaticRoutes(&router) }
    }

    private func registerStartPage(_ router: inout RouteGroup) {
        router.add(.get, "/") { context in
            let request = context.request
            switch context.viewer?.user.role {
            case .customer, .reseller: return .redirect(to: "/orders")
            case .agent, .admin: return .redirect(to: "/staff/orders")
            case nil:
                return page(
                    request, viewer: nil, title: "Repair service portal",
                    content: """
                        <p>Send a device for repair, follow your orders and answer our questions.</p>
                        <p><a class="button" href="/login">Sign in</a> <a class="button" href="/track">Track an order</a></p>
                        """)
            }
        }
    }

    private func registerStaticRoutes(_ router: inout RouteGroup) {
        router.add(.get, "/static/style.css", options: RouteOptions(execution: .inline)) { _ in
            var response = HTTPResponse.text(Stylesheet.css)
            response.headers.set("Content-Type", Stylesheet.contentType)
            response.headers.set("Cache-Control", "public, max-age=3600")
            return response
        }
        router.add(.get, "/healthz", options: RouteOptions(execution: .inline)) { _ in .text("ok\n") }
    }
}
