import HTTPServer
import RepairCore

extension Portal {
    /// The order named by the `:number` path parameter, if `viewer` may see it.
    ///
    /// Unknown numbers, malformed numbers and other customers' orders all answer the same 404,
    /// so the API never reveals that someone else's order exists.
    func apiOrder(_ request: HTTPRequest, viewer: Viewer) throws -> ServiceOrder {
        let raw = request.pathParameters["number"] ?? ""
        do {
            return try app.customerOrders.order(number: raw, for: viewer.user)
        } catch let problem as Problem where problem.code == .notFound {
            // The API's own words for it, naming the number as sent.
            throw Problem.notFound("api_order", ["number": .text(raw)])
        }
    }

    /// The viewer of an API call that changes orders: customer and reseller users only (staff get 403); the
    /// use cases refuse a user without a customer.
    func requireAPIOrderingViewer(_ request: HTTPRequest) throws -> Viewer {
        try requireViewer(request, roles: [.customer, .reseller])
    }

    /// The API's view of `order`.
    func apiOrderBody(_ order: ServiceOrder, catalogue: Catalogue? = nil) throws -> APIOrder {
        APIOrder(order, catalogue: try catalogue ?? store.catalogue(), trackingPath: trackingPath(for: order.number))
    }
}
