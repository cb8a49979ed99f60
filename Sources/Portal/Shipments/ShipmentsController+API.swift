import HTTPServer
import RepairCore

extension ShipmentsController {
    /// `/api/v1/shipments…`: the same operations as the pages, as JSON, for reseller sessions and API tokens.
    func registerAPI(_ router: inout RouteGroup) {
        let body = router.bodyOptions
        router.add(.get, "/api/v1/shipments") { _, viewer in
            let overview = try shipments.overview(for: viewer.user)
            let catalogue = try store.catalogue()
            return try jsonResponse(
                ShipmentListBody(
                    groups: overview.groups.map { ShipmentGroupBody($0, catalogue: catalogue) },
                    shipments: overview.shipments.map { ShipmentBody($0, orders: nil, catalogue: catalogue) }))
        }
        router.add(.post, "/api/v1/shipments", options: body) { context, viewer in
            let request = context.request
            do {
                let numbers = try decodeJSON(ShipmentOrdersRequest.self, from: request).orders
                let shipment = try shipments.create(orderNumbers: numbers, by: viewer.user)
                var response = try shipmentJSON(shipment, status: .created)
                response.headers.set("Location", "/api/v1/shipments/\(shipment.id)")
                return response
            }
        }
        router.add(.get, "/api/v1/shipments/:id") { context, viewer in
            try shipmentJSON(try ownedShipment(context.request, viewer: viewer))
        }
        router.add(.delete, "/api/v1/shipments/:id") { context, viewer in
            let request = context.request
            do {
                try shipments.discard(request.pathParameters["id"] ?? "", by: viewer.user)
                return .empty()
            }
        }
        router.add(.post, "/api/v1/shipments/:id/orders", options: body) { context, viewer in
            let request = context.request
            do {
                let shipment = try ownedShipment(request, viewer: viewer)
                let numbers = try decodeJSON(ShipmentOrdersRequest.self, from: request).orders
                return try shipmentJSON(
                    try shipments.add(orderNumbers: numbers, to: String(shipment.id), by: viewer.user))
            }
        }
        router.add(.delete, "/api/v1/shipments/:id/orders/:number") { context, viewer in
            let request = context.request
            do {
                let shipment = try ownedShipment(request, viewer: viewer)
                return try shipmentJSON(
                    try shipments.remove(
                        orderNumbers: [request.pathParameters["number"] ?? ""], from: String(shipment.id),
                        field: "number", by: viewer.user))
            }
        }
        router.add(.post, "/api/v1/shipments/:id/confirm", options: body) { context, viewer in
            let request = context.request
            do {
                let shipment = try ownedShipment(request, viewer: viewer)
                let input =
                    try request.body.count == 0
                    ? ShipmentConfirmRequest() : decodeJSON(ShipmentConfirmRequest.self, from: request)
                let confirmed = try shipments.confirm(
                    String(shipment.id), parcelCount: input.parcelCount ?? 1, weightKg: input.weightKg, by: viewer.user)
                documents.produce(after: confirmed)
                return try shipmentJSON(confirmed)
            }
        }
        router.add(.put, "/api/v1/shipments/:id/carrier", options: body) { context, viewer in
            let request = context.request
            do {
                let shipment = try ownedShipment(request, viewer: viewer)
                let input = try decodeJSON(ShipmentCarrierRequest.self, from: request)
                return try shipmentJSON(
                    try shipments.recordCarrier(
                        input.carrier, trackingNumber: input.trackingNumber, url: input.trackingURL,
                        on: String(shipment.id), by: viewer.user))
            }
        }
        for document in ShipmentDownload.allCases {
            router.add(.get, "/api/v1/shipments/:id/\(document.rawValue)") { context, viewer in
                try documents.download(try ownedShipment(context.request, viewer: viewer), document)
            }
        }
    }

    private func shipmentJSON(_ shipment: Shipment, status: HTTPStatus = .ok) throws -> HTTPResponse {
        try jsonResponse(
            ShipmentBody(
                shipment, orders: try store.shipmentOrders(shipmentID: shipment.id), catalogue: try store.catalogue()),
            status: status)
    }
}
