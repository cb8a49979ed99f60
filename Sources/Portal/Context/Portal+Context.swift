import Foundation
import HTTPServer
import Localization
import RepairCore
import Synchronization

extension Portal {
    /// The cookie an anonymous visitor's language switch sets.
    static let languageCookieName = "rs_lang"

    /// The context of `request`, made once before its handler runs; with `looksUpViewer` false nobody is
    /// looked up (the inline routes). Refused credentials are kept in the context for the route's group to judge.
    func makeContext(for request: HTTPRequest, looksUpViewer: Bool) -> RequestContext {
        var viewer: Viewer?
        var refusal: (any Error)?
        if looksUpViewer {
            do { viewer = try self.viewer(for: request) } catch { refusal = error }
        }
        let shop = shopSettings
        let locale = Self.locale(for: request, viewer: viewer, shop: shop)
        return RequestContext(
            request: request, viewer: viewer, refusal: refusal, locale: locale,
            timeZone: Self.timeZone(for: viewer, shop: shop), localizer: Self.localizer(for: locale))
    }

    /// The language of the answer, decided here and nowhere else. For pages: the user's setting, then the
    /// language switch's cookie, then `Accept-Language`, then the shop's default. For the API, `Accept-Language`
    /// comes first: a client states what its `message` texts should be in.
    static func locale(for request: HTTPRequest, viewer: Viewer?, shop: ShopSettings) -> String {
        let header = request.headers["Accept-Language"].flatMap { AcceptLanguage.best(in: $0, of: supported) }
        let chosen = viewer?.preferences.language
        let cookie = request.cookies[languageCookieName].flatMap { supported.contains($0) ? $0 : nil }
        if isAPIRequest(request) { return header ?? chosen ?? shop.language }
        return chosen ?? cookie ?? header ?? shop.language
    }

    /// The languages with a catalogue.
    static var supported: [String] { MessageCatalogue.bundledLanguages }

    /// The time zone dates are shown in: the user's setting, else the shop's zone.
    static func timeZone(for viewer: Viewer?, shop: ShopSettings) -> TimeZone {
        zone(named: viewer?.preferences.timeZone ?? shop.timeZone)
    }

    /// The zone named `name`, made once per name: Foundation builds a new zone on every look-up, which showed
    /// in tracking's profile.
    static func zone(named name: String) -> TimeZone {
        if let known = zones.withLock({ $0[name] }) { return known }
        let zone = TimeZone(identifier: name) ?? .gmt
        zones.withLock { $0[name] = zone }
        return zone
    }

    private static let zones = Mutex<[String: TimeZone]>([:])

    /// The words for `locale`.
    static func localizer(for locale: String) -> Localizer { .of(locale) }

    /// Puts `routes` into `router`: each request gets its context once, then the JSON-write CSRF rule, the
    /// group's permission and the handler run, with the context's words bound for the pages (`PageWords`);
    /// anything thrown is rendered with that same context.
    func install(_ routes: PortalRoutes, in router: inout Router) {
        for route in routes.routes {
            router.add(route.method, route.pattern, options: route.options) { [self] request in
                let context = makeContext(for: request, looksUpViewer: route.permission.looksUpViewer)
                return PageWords.$current.withValue(context.words) {
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
}
