import Foundation
import HTTPServer
import Localization
import RepairApp
import RepairCore
import RepairStore
import StoreBackend
import Synchronization
import WebSecurity

/// The web portal and JSON API: joins the domain core, a store and the HTTP server.
///
/// Each feature registers its routes in groups that declare their permission (a controller in `Routes/`, or an
/// extension for the order pages and shipments, not yet split out); `makeRouter()` lists them.
public final class Portal: Sendable {
    /// The store, through its protocols: the portal names no backend outside `open`.
    public let store: any RepairStorage
    public let configuration: PortalConfiguration
    /// Signs CSRF tokens and tracking links; kept in the database so links survive restarts.
    public let secret: ServerSecret
    /// The time, injected so tests can move it.
    public let now: @Sendable () -> Date
    /// The use cases the controllers call; the rules live there and in the core, not in the portal.
    let app: RepairApp
    let passwords: PasswordHasher
    let loginThrottle: LoginThrottle
    let sessions: SessionStore
    /// The access rules route groups check, the same the use cases apply.
    let policy = AccessPolicy.standard
    /// How many times a viewer was looked up: once per request that looks anyone up (tests check it).
    let viewerLookUps = Atomic<Int>(0)
    /// Requests by route and status and their durations, filled by the HTTP server, shown at `/metrics`.
    public let requestMetrics = RequestMetrics()
    /// The shop's default language and zone, read from the store at the first request (see `shopSettings`).
    let shopSettingsCache = Mutex<ShopSettings?>(nil)
    /// Forgot-password requests per typed address.
    let passwordResetLimiter: RateLimiter

    /// Every migration the portal needs: the store's, which include the sessions, tokens and settings tables.
    public static var migrations: [Migration] { Migration.builtIn }

    /// Makes a portal over an opened, migrated store.
    public init(
        store: any RepairStorage, configuration: PortalConfiguration = PortalConfiguration(),
        passwords: PasswordHasher = PasswordHasher(), now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.store = store
        self.configuration = configuration
        self.passwords = passwords
        self.now = now
        secret = try PortalSettings.loadOrCreateSecret(in: store)
        loginThrottle = LoginThrottle(configuration: configuration.loginThrottle)
        passwordResetLimiter = RateLimiter(policy: configuration.passwordResetsPerAddress)
        sessions = SessionStore(store: store, lifetime: configuration.sessionLifetime)
        app = Self.makeApp(store: store, configuration: configuration, passwords: passwords, now: now)
    }

    /// Opens (and migrates) the database at `databasePath` (an SQLite file or a `postgresql://` URL, see
    /// `DatabaseLocation`) and makes a portal on it.
    public static func open(databasePath: String, configuration: PortalConfiguration = PortalConfiguration()) throws
        -> Portal
    {
        try Portal(store: DatabaseLocation(databasePath).open(sqliteMigrations: migrations), configuration: configuration)
    }

    /// Plugs the portal into a server's settings: the per-turn read snapshot and the request metrics.
    public func prepare(_ server: inout HTTPServerConfiguration) {
        server.aroundTurn = aroundTurn
        server.metrics = requestMetrics
    }

    /// For `HTTPServerConfiguration.aroundTurn`: the inline requests (tracking) an event loop answers in
    /// one turn share one read snapshot, taken after all of them were received (see `TurnSnapshot`).
    public var aroundTurn: @Sendable (_ answer: () -> Void) -> Void {
        { [store] answer in
            store.sharingReads { snapshot in TurnSnapshot.$current.withValue(snapshot, operation: answer) }
        }
    }

    /// All routes of the portal and the API, with the error-rendering middleware.
    public func makeRouter() -> Router {
        var routes = PortalRoutes(maxBodyBytes: configuration.maxFormBytes)
        HomeController(layout: layout, isCookieSecure: configuration.isCookieSecure).register(in: &routes)
        AuthController(
            users: store, passwords: passwords, loginThrottle: loginThrottle,
            isRateLimited: configuration.isRateLimited, sessions: sessions, sessionCookie: sessionCookie,
            anonymousForms: anonymousForms, now: now, layout: layout
        ).register(in: &routes)
        TrackingController(
            tracker: Tracker(store: store, configuration: configuration), secret: secret, layout: layout
        ).register(in: &routes)
        APITokensController(apiTokens: app.apiTokens, layout: layout).register(in: &routes)
        OrderPagesController(
            customerOrders: app.customerOrders, catalogue: store, trackingPath: { [self] in trackingPath(for: $0) },
            trackingURL: { [self] in trackingURL(for: $0) }, layout: layout
        ).register(in: &routes)
        OrderAPIController(
            customerOrders: app.customerOrders, catalogue: store, trackingPath: { [self] in trackingPath(for: $0) }
        ).register(in: &routes)
        ShipmentsController(shipments: app.shipments, store: store, documents: shipmentDocuments, layout: layout)
            .register(in: &routes)
        StaffController(staffOrders: app.staffOrders, store: store, layout: layout).register(in: &routes)
        AdminController(adminCatalogue: app.catalogue, store: store, layout: layout).register(in: &routes)
        LabelTemplatesController(
            templates: app.templates, labelsDirectory: configuration.labelsDirectory,
            shopLanguage: { [self] in shopSettings.language }, layout: layout
        ).register(in: &routes)
        AccountsController(
            accounts: app.accounts, store: store, anonymousForms: anonymousForms, layout: layout
        ).register(in: &routes)
        OutboxController(outbox: store, now: now, layout: layout).register(in: &routes)
        AccountSettingsController(settings: app.settings, shop: { [self] in shopSettings }, layout: layout)
            .register(in: &routes)
        PasswordResetController(
            passwordResets: app.passwordResets, anonymousForms: anonymousForms, perAddress: passwordResetLimiter,
            isRateLimited: configuration.isRateLimited, layout: layout
        ).register(in: &routes)
        OpenAPIController().register(in: &routes)
        MetricsController(requests: requestMetrics, store: store, now: now).register(in: &routes)
        var router = Router()
        install(routes, in: &router)
        router.use { [self] request, next in
            var response: HTTPResponse
            do {
                response = try next(request)
            } catch {
                // Only the router's own 404 and 405 get here: a portal route renders what it throws itself.
                let context = makeContext(for: request, looksUpViewer: !Self.isAPIRequest(request))
                response = PageWords.$current.withValue(context.words) { errorResponse(error, in: context) }
            }
            Self.addSecurityHeaders(&response)
            return response
        }
        return router
    }

    /// No sniffing, no framing, no scripts or styles from elsewhere: the portal needs none.
    static func addSecurityHeaders(_ response: inout HTTPResponse) {
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Referrer-Policy", "same-origin")
        response.headers.set(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'")
    }
}
