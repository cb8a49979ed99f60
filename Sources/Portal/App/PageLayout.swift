import HTMLKit
import HTTPServer
import RepairCore

/// Whole HTML pages in the site layout, with the navigation the viewer may use; what controllers render pages with.
struct PageLayout: Sendable {
    /// The shop's name in every page's header.
    let siteName: String

    /// A page for the request and viewer of `context`.
    func page(
        _ context: RequestContext, title: String, flash: Flash? = nil, status: HTTPStatus = .ok, content: HTML
    ) -> HTTPResponse {
        page(context.request, viewer: context.viewer, title: title, flash: flash, status: status, content: content)
    }

    /// A page for `request` as `viewer` sees it.
    func page(
        _ request: HTTPRequest, viewer: Viewer?, title: String, flash: Flash? = nil, status: HTTPStatus = .ok,
        content: HTML
    ) -> HTTPResponse {
        let layout = Layout(
            siteName: siteName, links: Self.navigation(for: viewer, currentPath: request.path),
            userName: viewer?.user.displayName, csrfToken: viewer?.csrfToken)
        var response = HTTPResponse.html(
            layout.render(title: title, flash: flash, content: content).rendered, status: status)
        if viewer != nil { response.headers.set("Cache-Control", "no-store") }
        return response
    }

    /// The main navigation: what each role may reach.
    static func navigation(for viewer: Viewer?, currentPath: String) -> [NavigationLink] {
        var links: [(String, String)] = []
        switch viewer?.user.role {
        case .customer: links = [("My orders", "/orders"), ("New order", "/orders/new")]
        case .reseller: links = [("My orders", "/orders"), ("New order", "/orders/new"), ("Shipments", "/shipments")]
        case .agent: links = [("Order queue", "/staff/orders")]
        case .admin: links = [("Order queue", "/staff/orders"), ("Admin", "/admin")]
        case nil: links = []
        }
        links.append(("Track an order", "/track"))
        if viewer != nil { links.append(("API tokens", "/account/tokens")) }
        return links.map { NavigationLink($0.0, path: $0.1, isCurrent: currentPath == $0.1) }
    }
}

/// Renders pages in the site layout: the portal and the feature controllers that show pages.
protocol PageRendering {
    var layout: PageLayout { get }
}

extension PageRendering {
    /// A whole HTML page for `request`, with the navigation `viewer` may use.
    func page(
        _ request: HTTPRequest, viewer: Viewer?, title: String, flash: Flash? = nil, status: HTTPStatus = .ok,
        content: HTML
    ) -> HTTPResponse {
        layout.page(request, viewer: viewer, title: title, flash: flash, status: status, content: content)
    }
}
