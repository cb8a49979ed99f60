import HTTPServer
import RepairCore

extension Portal {
    /// The order named by the `:number` path parameter, if `viewer` may see it.
    ///
    /// Unknown numbers, malformed numbers and other customers' orders all answer the same 404,
    /// so the API never reveals that someone else's order exists.
    func apiOrder(_ request: HTTPRequest, viewer: Viewer) throws -> ServiceOrder {
        try apiReadable(request, viewer: viewer, read: store.order(number:), order: { $0 })
    }

    /// The view of the order named by the `:number` path parameter, read in one snapshot, with the same 404s.
    func apiOrderView(_ request: HTTPRequest, viewer: Viewer) throws -> OrderView {
        try apiReadable(request, viewer: viewer, read: { try store.orderView(number: $0, for: viewer.user) }) {
            $0.order
        }
    }

    private func apiReadable<T>(
        _ request: HTTPRequest, viewer: Viewer, read: (OrderNumber) throws -> T?, order: (T) -> ServiceOrder
    ) throws -> T {
        let raw = request.pathParameters["number"] ?? ""
        guard let number = OrderNumber(raw), let value = try read(number),
            (try? viewer.user.checkCanAct(on: order(value))) != nil
        else { throw Problem.notFound("api_order", ["number": .text(raw)]) }
        return value
    }

    /// The viewer of an API call that changes orders: customer and reseller users only (staff get 403).
    func requireAPIOrderingViewer(_ request: HTTPRequest) throws -> (viewer: Viewer, customerID: Int64) {
        let viewer = try requireViewer(request, roles: [.customer, .reseller])
        guard let customerID = viewer.user.customerID else {
            throw Problem.forbidden("no_customer")
        }
        return (viewer, customerID)
    }

    /// The API's view of `order`.
    func apiOrderBody(_ order: ServiceOrder, catalogue: Catalogue? = nil) throws -> APIOrder {
        // The body shows the order and catalogue names only, so a view without history or customer will do.
        apiOrderBody(OrderView.make(order: order, catalogue: try catalogue ?? store.catalogue()))
    }

    /// The API's view of `view`.
    func apiOrderBody(_ view: OrderView) -> APIOrder {
        APIOrder(view, trackingPath: trackingPath(for: view.number))
    }
}
