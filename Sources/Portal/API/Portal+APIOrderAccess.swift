import HTTPServer
import RepairCore

extension Portal {
    /// The order named by the `:number` path parameter, if `viewer` may see it.
    ///
    /// Unknown numbers, malformed numbers and other customers' orders all answer the same 404,
    /// so the API never reveals that someone else's order exists.
    func apiOrder(_ request: HTTPRequest, viewer: Viewer) throws -> ServiceOrder {
        let raw = request.pathParameters["number"] ?? ""
        guard let number = OrderNumber(raw), let order = try store.order(number: number),
            (try? viewer.user.checkCanAct(on: order)) != nil
        else { throw Problem.notFound("api_order", ["number": .text(raw)]) }
        return order
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
        APIOrder(order, catalogue: try catalogue ?? store.catalogue(), trackingPath: trackingPath(for: order.number))
    }
}
