import Foundation
import HTTPServer
import Localization
import RepairCore

extension Portal {
    /// The context of `request`, made once before its handler runs; with `looksUpViewer` false nobody is
    /// looked up (the inline routes). Refused credentials are kept in the context for the route's group to judge.
    func makeContext(for request: HTTPRequest, looksUpViewer: Bool) -> RequestContext {
        var viewer: Viewer?
        var refusal: (any Error)?
        if looksUpViewer {
            do { viewer = try self.viewer(for: request) } catch { refusal = error }
        }
        let locale = Self.locale(for: request, viewer: viewer)
        return RequestContext(
            request: request, viewer: viewer, refusal: refusal, locale: locale,
            timeZone: Self.timeZone(for: request, viewer: viewer), localizer: Self.localizer(for: locale))
    }

    /// The language of the answer. Issue #13 resolves it here and nowhere else: the user's setting, then
    /// `Accept-Language`, then the shop's default; English until then.
    static func locale(for request: HTTPRequest, viewer: Viewer?) -> String { "en" }

    /// The time zone dates are shown in. Issue #13 resolves it here, like the locale; UTC until then.
    static func timeZone(for request: HTTPRequest, viewer: Viewer?) -> TimeZone { utc }

    // Made once: Foundation builds a new zone on every `.gmt`, which showed in tracking's profile.
    private static let utc = TimeZone(identifier: "UTC") ?? .gmt

    /// The words for `locale`; English is the only catalogue so far.
    static func localizer(for locale: String) -> Localizer { .english }

    /// Puts `routes` into `router`: each request gets its context once, then the JSON-write CSRF rule, the
    /// group's permission and the handler run; anything thrown is rendered with that same context.
    func install(_ routes: PortalRoutes, in router: inout Router) {
        for route in routes.routes {
            router.add(route.method, route.pattern, options: route.options) { [self] request in
                let context = makeContext(for: request, looksUpViewer: route.permission.looksUpViewer)
                do {
                    try checkAPIWriteFromBrowser(context)
                    return try route.handler(context, try route.permission.check(context, policy: policy))
                } catch {
                    return errorResponse(error, in: context)
                }
            }
        }
    }
}
