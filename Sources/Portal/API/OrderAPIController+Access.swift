import HTTPServer
import RepairCore

extension OrderAPIController {
    /// The order named by the `:number` path parameter, if `viewer` may see it.
    ///
    /// Unknown numbers, malformed numbers and other customers' orders all answer the same 404,
    /// so the API never reveals that someone else's order exists.
    func apiOrder(_ request: HTTPRequest, viewer: Viewer) throws -> ServiceOrder {
        try apiReadable(request) { try customerOrders.order(number: $0, for: viewer.user) }
    }

    /// The view of the order named by the `:number` path parameter, read in one snapshot, with the same 404s.
    func apiOrderView(_ request: HTTPRequest, viewer: Viewer) throws -> OrderView {
        try apiReadable(request) { try customerOrders.view(number: $0, for: viewer.user) }
    }

    private func apiReadable<T>(_ request: HTTPRequest, read: (String) throws -> T) throws -> T {
        let raw = request.pathParameters["number"] ?? ""
        do {
            return try read(raw)
        } catch let problem as Problem where problem.code == .notFound {
            // The API's own words for it, naming the number as sent.
            throw Problem.notFound("api_order", ["number": .text(raw)])
        }
    }

    /// The API's view of `order`.
    func apiOrderBody(_ order: ServiceOrder, catalogue: Catalogue? = nil) throws -> APIOrder {
        // The body shows the order and catalogue names only, so a view without history or customer will do.
        apiOrderBody(OrderView.make(order: order, catalogue: try catalogue ?? self.catalogue.catalogue()))
    }

    /// The API's view of `view`.
    func apiOrderBody(_ view: OrderView) -> APIOrder {
        APIOrder(view, trackingPath: trackingPath(view.number))
    }
}
