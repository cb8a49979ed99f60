import HTTPServer
import RepairCore

extension Portal {
    /// `/api/v1/shipments…`: the same operations as the pages, as JSON, for reseller sessions and API tokens.
    func registerShipmentAPIRoutes(_ router: inout Router) {
        let body = RouteOptions(maxBodyBytes: configuration.maxFormBytes)
        router.add(.get, "/api/v1/shipments") { [self] request in
            let viewer = try requireReseller(request)
            let customerID = viewer.user.customerID ?? 0
            let catalogue = try store.catalogue()
            return try jsonResponse(
                ShipmentListBody(
                    groups: groupBodies(try store.shipmentGroups(customerID: customerID), catalogue: catalogue),
                    shipments: try store.shipments(customerID: customerID).map {
                        shipmentBody($0, orders: nil, catalogue: catalogue)
                    }))
        }
        router.add(.post, "/api/v1/shipments", options: body) { [self] request in
            do {
                let viewer = try requireReseller(request)
                let numbers = try parseShipmentOrderNumbers(
                    try decodeJSON(ShipmentOrdersRequest.self, from: request).orders)
                let shipment = try store.createShipment(orderNumbers: numbers, by: viewer.user, at: now())
                var response = try shipmentJSON(shipment, status: .created)
                response.headers.set("Location", "/api/v1/shipments/\(shipment.id)")
                return response
            }
        }
        router.add(.get, "/api/v1/shipments/:id") { [self] request in
            try shipmentJSON(try ownedShipment(request, viewer: try requireReseller(request)))
        }
        router.add(.delete, "/api/v1/shipments/:id") { [self] request in
            do {
                let viewer = try requireReseller(request)
                try store.discardShipment(id: try ownedShipment(request, viewer: viewer).id, by: viewer.user)
                return .empty()
            }
        }
        router.add(.post, "/api/v1/shipments/:id/orders", options: body) { [self] request in
            do {
                let viewer = try requireReseller(request)
                let shipment = try ownedShipment(request, viewer: viewer)
                let numbers = try parseShipmentOrderNumbers(
                    try decodeJSON(ShipmentOrdersRequest.self, from: request).orders)
                return try shipmentJSON(
                    try store.addOrders(numbers, toShipment: shipment.id, by: viewer.user, at: now()))
            }
        }
        router.add(.delete, "/api/v1/shipments/:id/orders/:number") { [self] request in
            do {
                let viewer = try requireReseller(request)
                let shipment = try ownedShipment(request, viewer: viewer)
                let numbers = try parseShipmentOrderNumbers([request.pathParameters["number"] ?? ""], field: "number")
                return try shipmentJSON(
                    try store.removeOrders(numbers, fromShipment: shipment.id, by: viewer.user, at: now()))
            }
        }
        router.add(.post, "/api/v1/shipments/:id/confirm", options: body) { [self] request in
            do {
                let viewer = try requireReseller(request)
                let shipment = try ownedShipment(request, viewer: viewer)
                let input =
                    try request.body.count == 0
                    ? ShipmentConfirmRequest() : decodeJSON(ShipmentConfirmRequest.self, from: request)
                let confirmed = try store.confirmShipment(
                    id: shipment.id, parcelCount: input.parcelCount ?? 1, weightKg: input.weightKg, by: viewer.user,
                    at: now())
                produceDocuments(confirmed)
                return try shipmentJSON(confirmed)
            }
        }
        router.add(.put, "/api/v1/shipments/:id/carrier", options: body) { [self] request in
            do {
                let viewer = try requireReseller(request)
                let shipment = try ownedShipment(request, viewer: viewer)
                let input = try decodeJSON(ShipmentCarrierRequest.self, from: request)
                let tracking = try CarrierTracking.validated(
                    carrier: input.carrier, trackingNumber: input.trackingNumber, url: input.trackingURL)
                return try shipmentJSON(
                    try store.recordCarrier(tracking, shipmentID: shipment.id, by: viewer.user, at: now()))
            }
        }
        for document in ShipmentDownload.allCases {
            router.add(.get, "/api/v1/shipments/:id/\(document.rawValue)") { [self] request in
                try documentDownload(try ownedShipment(request, viewer: try requireReseller(request)), document)
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
