import HTTPServer
import RepairCore
import WebSecurity

/// Anonymous tracking: `/track` (form and result), `/api/v1/track` (JSON) and signed links `/t/:token`.
struct TrackingController: FeatureController {
    /// One tracker per router: its rate limiters live as long as the routes that use them.
    let tracker: Tracker
    /// Signs and checks tracking links.
    let secret: ServerSecret
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        // A single indexed read and no session look-up: cheap enough to run on the event loop.
        routes.group(.open) { router in
            router.add(.get, "/api/v1/track", options: RouteOptions(execution: .inline)) { context in
                try trackAPI(context.request)
            }
        }
        // The pages show the signed-in viewer's navigation; refused credentials count as anonymous.
        routes.group(.visitor) { router in
            router.add(.get, "/track") { context in try trackPage(context) }
            router.add(.get, "/t/:token") { context in try trackLinkPage(context) }
        }
    }

    private func trackAPI(_ request: HTTPRequest) throws -> HTTPResponse {
        // The query is decoded once for both fields.
        let items = request.queryItems
        let result = try tracker.track(
            number: items.first { $0.name == "number" }?.value,
            surname: items.first { $0.name == "surname" }?.value,
            address: request.remoteAddress, in: TurnSnapshot.current)
        var response = HTTPResponse(
            status: .ok, headers: ["Content-Type": "application/json"], body: result.jsonBytes)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    private func trackPage(_ context: RequestContext) throws -> HTTPResponse {
        let request = context.request
        let number = request.query("number")
        let surname = request.query("surname")
        var view = TrackingView(number: number ?? "", surname: surname ?? "", localizer: context.localizer)
        var status = HTTPStatus.ok
        // A bare `/track` shows the empty form; any submitted field runs the look-up.
        if number != nil || surname != nil {
            do {
                view.result = try tracker.track(number: number, surname: surname, address: request.remoteAddress)
            } catch let error as Problem {
                view.error = error
                status = error.httpStatus
            }
        }
        var response = layout.page(context, title: L("tracking.title"), status: status, content: view.html)
        if let wait = view.error?.retryAfter { response.headers.set("Retry-After", String(wait)) }
        return response
    }

    private func trackLinkPage(_ context: RequestContext) throws -> HTTPResponse {
        let token = context.request.pathParameters["token"] ?? ""
        guard let number = TrackingLink.orderNumber(fromToken: token, secret: secret) else {
            throw Problem.notFound("tracking_link")
        }
        let result = try tracker.track(signedNumber: number)
        return layout.page(
            context, title: L("tracking.order_title", ["number": .text(result.number.description)]), content: TrackingView.resultHTML(result))
    }
}
