import HTMLKit
import HTTPServer
import Localization
import RepairCore

/// `/` (start page or the viewer's home), the visitors' language switch, the stylesheet, and a health check.
struct HomeController: FeatureController, PageRendering {
    let layout: PageLayout
    /// Marks the language cookie `Secure`, like the session cookie.
    let isCookieSecure: Bool

    func register(in routes: inout PortalRoutes) {
        routes.group(.anyone) { router in registerStartPage(&router) }
        routes.group(.open) { router in
            router.add(.get, "/language/:code") { context in try switchLanguage(context) }
        }
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
                    request, viewer: nil, title: L("home.title"),
                    content: """
                        <p>\(L("home.intro"))</p>
                        <p><a class="button" href="/login">\(L("layout.sign_in"))</a> \
                        <a class="button" href="/track">\(L("nav.track"))</a></p>
                        """)
            }
        }
    }

    /// Sets the language cookie and goes back to the page the visitor was on (a local path only).
    private func switchLanguage(_ context: RequestContext) throws -> HTTPResponse {
        let code = context.request.pathParameters["code"] ?? ""
        guard MessageCatalogue.bundledLanguages.contains(code) else {
            throw Problem.invalid("language", .oneOf, ["choices": .list(MessageCatalogue.bundledLanguages)])
        }
        let back = context.request.query("return") ?? "/"
        var response = HTTPResponse.redirect(to: Portal.isLocalPath(back) ? back : "/")
        let secure = isCookieSecure ? "; Secure" : ""
        response.headers.add(
            "Set-Cookie", "\(Portal.languageCookieName)=\(code); Path=/; Max-Age=31536000; SameSite=Lax\(secure)")
        return response
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
