import HTTPServer
import RepairCore
import WebSecurity

extension Portal {
    /// Anonymous tracking: `/track` (form and result), `/api/v1/track` (JSON) and signed links `/t/:token`.
    func registerTrackingRoutes(_ router: inout Router) {
        // One tracker per router: its rate limiters live as long as the routes that use them.
        let tracker = Tracker(store: store, configuration: configuration)
        // A single indexed read and no session look-up: cheap enough to run on the event loop.
        router.add(.get, "/api/v1/track", options: RouteOptions(execution: .inline)) { request in
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
        router.add(.get, "/track") { [self] request in
            let viewer = try? viewer(for: request)
            let number = request.query("number")
            let surname = request.query("surname")
            var view = TrackingView(number: number ?? "", surname: surname ?? "")
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
            var response = page(
                request, viewer: viewer ?? nil, title: "Track an order", status: status, content: view.html)
            if let wait = view.error?.retryAfter { response.headers.set("Retry-After", String(wait)) }
            return response
        }
        router.add(.get, "/t/:token") { [self] request in
            let viewer = try? viewer(for: request)
            let token = request.pathParameters["token"] ?? ""
            guard let number = TrackingLink.orderNumber(fromToken: token, secret: secret) else {
                throw Problem.notFound("tracking_link")
            }
            let result = try tracker.track(signedNumber: number)
            return page(
                request, viewer: viewer ?? nil, title: "Order \(result.number.description)",
                content: TrackingView.resultHTML(result))
        }
    }
}
