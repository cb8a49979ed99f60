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
        var layout = Layout(
            siteName: siteName, links: Self.navigation(for: viewer, currentPath: request.path),
            userName: viewer?.user.displayName, csrfToken: viewer?.csrfToken, footerText: L("layout.footer"),
            language: PageWords.current.language)
        layout.texts = Layout.Texts(
            signIn: L("layout.sign_in"), signOut: L("layout.sign_out"), mainNavigation: L("layout.main_navigation"))
        // Signed-in people choose their language in their settings; visitors get the switch on every page.
        if viewer == nil { layout.footerExtra = LanguageSwitch.html(returningTo: request) }
        var response = HTTPResponse.html(
            layout.render(title: title, flash: flash, content: content).rendered, status: status)
        if viewer != nil { response.headers.set("Cache-Control", "no-store") }
        return response
    }

    /// The main navigation: what each role may reach.
    static func navigation(for viewer: Viewer?, currentPath: String) -> [NavigationLink] {
        var links: [(String, String)] = []
        let myOrders = (L("nav.my_orders"), "/orders"), newOrder = (L("nav.new_order"), "/orders/new")
        switch viewer?.user.role {
        case .customer: links = [myOrders, newOrder]
        case .reseller: links = [myOrders, newOrder, (L("nav.shipments"), "/shipments")]
        case .agent: links = [(L("nav.order_queue"), "/staff/orders")]
        case .admin: links = [(L("nav.order_queue"), "/staff/orders"), (L("nav.admin"), "/admin")]
        case nil: links = []
        }
        links.append((L("nav.track"), "/track"))
        if viewer != nil {
            links.append((L("nav.api_tokens"), "/account/tokens"))
            links.append((L("nav.settings"), "/account/settings"))
        }
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
