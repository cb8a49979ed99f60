import HTTPServer
import RepairCore

extension Portal {
    /// `/api/v1/shipments…`: the same operations as the pages, as JSON, for reseller sessions and API tokens.
    func registerShipmentAPIRoutes(_ router: inout RouteGroup) {
        let body = router.bodyOptions
        router.add(.get, "/api/v1/shipments") { [self] context, viewer in
            let request = context.request
            let overview = try app.shipments.overview(for: viewer.user)
            let catalogue = try store.catalogue()
            return try jsonResponse(
                ShipmentListBody(
                    groups: groupBodies(overview.groups, catalogue: catalogue),
                    shipments: overview.shipments.map {
                        shipmentBody($0, orders: nil, catalogue: catalogue)
                    }))
        }
        router.add(.post, "/api/v1/shipments", options: body) { [self] context, viewer in
            let request = context.request
            do {
                let numbers = try decodeJSON(ShipmentOrdersRequest.self, from: request).orders
                let shipment = try app.shipments.create(orderNumbers: numbers, by: viewer.user)
                var response = try shipmentJSON(shipment, status: .created)
                response.headers.set("Location", "/api/v1/shipments/\(shipment.id)")
                return response
            }
        }
        router.add(.get, "/api/v1/shipments/:id") { [self] context, viewer in
            try shipmentJSON(try ownedShipment(context.request, viewer: viewer))
        }
        router.add(.delete, "/api/v1/shipments/:id") { [self] context, viewer in
            let request = context.request
            do {
                try app.shipments.discard(request.pathParameters["id"] ?? "", by: viewer.user)
                return .empty()
            }
        }
        router.add(.post, "/api/v1/shipments/:id/orders", options: body) { [self] context, viewer in
            let request = context.request
            do {
                let shipment = try ownedShipment(request, viewer: viewer)
                let numbers = try decodeJSON(ShipmentOrdersRequest.self, from: request).orders
                return try shipmentJSON(
                    try app.shipments.add(orderNumbers: numbers, to: String(shipment.id), by: viewer.user))
            }
        }
        router.add(.delete, "/api/v1/shipments/:id/orders/:number") { [self] context, viewer in
            let request = context.request
            do {
                let shipment = try ownedShipment(request, viewer: viewer)
                return try shipmentJSON(
                    try app.shipments.remove(
                        orderNumbers: [request.pathParameters["number"] ?? ""], from: String(shipment.id),
                        field: "number", by: viewer.user))
            }
        }
        router.add(.post, "/api/v1/shipments/:id/confirm", options: body) { [self] context, viewer in
            let request = context.request
            do {
                let shipment = try ownedShipment(request, viewer: viewer)
                let input =
                    try request.body.count == 0
                    ? ShipmentConfirmRequest() : decodeJSON(ShipmentConfirmRequest.self, from: request)
                let confirmed = try app.shipments.confirm(
                    String(shipment.id), parcelCount: input.parcelCount ?? 1, weightKg: input.weightKg, by: viewer.user)
                produceDocuments(confirmed)
                return try shipmentJSON(confirmed)
            }
        }
        router.add(.put, "/api/v1/shipments/:id/carrier", options: body) { [self] context, viewer in
            let request = context.request
            do {
                let shipment = try ownedShipment(request, viewer: viewer)
                let input = try decodeJSON(ShipmentCarrierRequest.self, from: request)
                return try shipmentJSON(
                    try app.shipments.recordCarrier(
                        input.carrier, trackingNumber: input.trackingNumber, url: input.trackingURL,
                        on: String(shipment.id), by: viewer.user))
            }
        }
        for document in ShipmentDownload.allCases {
            router.add(.get, "/api/v1/shipments/:id/\(document.rawValue)") { [self] context, viewer in
                try documentDownload(try ownedShipment(context.request, viewer: viewer), document)
            }
        }
    }

    private func shipmentJSON(_ shipment: Shipment, status: HTTPStatus = .ok) throws -> HTTPResponse {
        try jsonResponse(
            shipmentBody(
                shipment, orders: try store.shipmentOrders(shipmentID: shipment.id), catalogue: try store.catalogue()),
            status: status)
    }
}
