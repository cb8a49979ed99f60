import HTTPServer
import RepairCore

extension OrderAPIController {
    /// The order named by the `:number` path parameter, if `viewer` may see it.
    ///
    /// Unknown numbers, malformed numbers and other customers' orders all answer the same 404,
    /// so the API never reveals that someone else's order exists.
    func apiOrder(_ request: HTTPRequest, viewer: Viewer) throws -> ServiceOrder {
        let raw = request.pathParameters["number"] ?? ""
        do {
            return try customerOrders.order(number: raw, for: viewer.user)
        } catch let problem as Problem where problem.code == .notFound {
            // The API's own words for it, naming the number as sent.
            throw Problem.notFound("api_order", ["number": .text(raw)])
        }
    }

    /// The API's view of `order`.
    func apiOrderBody(_ order: ServiceOrder, catalogue: Catalogue? = nil) throws -> APIOrder {
        APIOrder(
            order, catalogue: try catalogue ?? self.catalogue.catalogue(), trackingPath: trackingPath(order.number))
    }
}
