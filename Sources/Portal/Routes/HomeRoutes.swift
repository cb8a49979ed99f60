import HTMLKit
import HTTPServer

extension Portal {
    /// `/` (start page or the viewer's home), the stylesheet, and a health check.
    func registerHomeRoutes(_ router: inout Router) {
        router.add(.get, "/") { [self] request in
            let viewer = try viewer(for: request)
            switch viewer?.user.role {
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
        router.add(.get, "/static/style.css", options: RouteOptions(execution: .inline)) { _ in
            var response = HTTPResponse.text(Stylesheet.css)
            response.headers.set("Content-Type", Stylesheet.contentType)
            response.headers.set("Cache-Control", "public, max-age=3600")
            return response
        }
        router.add(.get, "/healthz", options: RouteOptions(execution: .inline)) { _ in .text("ok\n") }
    }
}
