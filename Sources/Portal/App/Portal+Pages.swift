import HTMLKit
import HTTPServer
import RepairCore

extension Portal {
    /// A whole HTML page in the site layout, with the navigation `viewer` may use.
    public func page(
        _ request: HTTPRequest, viewer: Viewer?, title: String, flash: Flash? = nil, status: HTTPStatus = .ok,
        content: HTML
    ) -> HTTPResponse {
        let layout = Layout(
            siteName: configuration.siteName, links: navigation(for: viewer, currentPath: request.path),
            userName: viewer?.user.displayName, csrfToken: viewer?.csrfToken)
        var response = HTTPResponse.html(layout.render(title: title, flash: flash, content: content).rendered, status: status)
        if viewer != nil { response.headers.set("Cache-Control", "no-store") }
        return response
    }

    /// The main navigation: what each role may reach.
    func navigation(for viewer: Viewer?, currentPath: String) -> [NavigationLink] {
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
