import RepairCore

extension OpenAPIDocument {
    /// `/api/v1/shipments…`: resellers' batch shipments (reseller accounts only; others answer 403).
    static var shipmentPaths: [String: Any] {
        let shipment = parameterRef("shipmentID")
        let answered = jsonResponse("The shipment with its orders.", ref("Shipment"))
        let rules =
            "Errors carry the broken rule as `error`: order_not_found (404), order_not_confirmed, "
            + "order_in_shipment, already_confirmed, not_confirmed (409), mixed_groups, empty_selection, "
            + "empty_shipment, order_not_in_shipment, invalid_field, too_many_orders (422)."
        var paths: [String: Any] = [
            "/api/v1/shipments": [
                "get": operation(
                    "listShipments",
                    "Confirmed orders not yet shipped, grouped by location and method, and the shipments, newest first.",
                    responses: answers(
                        ["200": jsonResponse("Groups and shipments.", ref("ShipmentList"))], errors: 401, 403)),
                "post": operation(
                    "createShipment", "Makes a draft shipment of confirmed orders of one group.",
                    description: "At most \(ShipmentLimits.default.maxOrders) orders, all confirmed, in no other "
                        + "shipment, of one location and method. " + rules,
                    body: jsonBody(ref("ShipmentOrdersRequest")),
                    responses: answers(
                        [
                            "201": [
                                "description": "The new draft.",
                                "headers": [
                                    "Location": ["schema": ["type": "string"], "description": "The shipment's URL."]
                                ],
                                "content": ["application/json": ["schema": ref("Shipment")]],
                                "links": links(to: [
                                    "getShipment", "discardShipment", "addShipmentOrders", "confirmShipment",
                                    "recordShipmentCarrier", "getPackingListText", "getShippingLabelZPL",
                                ]),
                            ] as [String: Any]
                        ], errors: 400, 401, 403, 404, 409, 415, 422)),
            ],
            "/api/v1/shipments/{id}": [
                "get": operation(
                    "getShipment", "One shipment with its orders and, once confirmed, its documents' paths.",
                    parameters: [shipment], responses: answers(["200": answered], errors: 401, 403, 404)),
                "delete": operation(
                    "discardShipment", "Discards a draft shipment; its orders can be shipped again.",
                    description: "A confirmed shipment answers 409 already_confirmed.", parameters: [shipment],
                    responses: answers(["204": ["description": "Discarded."]], errors: 401, 403, 404, 409)),
            ],
            "/api/v1/shipments/{id}/orders": [
                "post": operation(
                    "addShipmentOrders", "Adds orders of the same group to a draft shipment.",
                    description: rules, parameters: [shipment], body: jsonBody(ref("ShipmentOrdersRequest")),
                    responses: answers(["200": answered], errors: 400, 401, 403, 404, 409, 415, 422))
            ],
            "/api/v1/shipments/{id}/orders/{number}": [
                "delete": operation(
                    "removeShipmentOrder", "Takes an order out of a draft shipment.",
                    description: rules, parameters: [shipment, parameterRef("number")],
                    responses: answers(["200": answered], errors: 401, 403, 404, 409, 422))
            ],
            "/api/v1/shipments/{id}/confirm": [
                "post": operation(
                    "confirmShipment", "Confirms a draft: its orders are shipped and its documents are produced.",
                    description: "The body may be empty (one parcel, no weight). " + rules,
                    parameters: [shipment],
                    body: [
                        "required": false, "content": ["application/json": ["schema": ref("ShipmentConfirmRequest")]],
                    ],
                    responses: answers(["200": answered], errors: 400, 401, 403, 404, 409, 415, 422))
            ],
            "/api/v1/shipments/{id}/carrier": [
                "put": operation(
                    "recordShipmentCarrier", "Records the carrier and tracking number of a confirmed shipment.",
                    description: "Anonymous tracking of its orders then shows them. A draft answers 409 not_confirmed.",
                    parameters: [shipment], body: jsonBody(ref("ShipmentCarrierRequest")),
                    responses: answers(["200": answered], errors: 400, 401, 403, 404, 409, 415, 422))
            ],
        ]
        let documents = [
            ("packing-list.txt", "getPackingListText", "The packing list as plain text.", "text/plain"),
            ("packing-list.zpl", "getPackingListZPL", "The packing list for a Zebra printer.", "application/zpl"),
            ("label.txt", "getShippingLabelText", "The shipping label as plain text.", "text/plain"),
            ("label.zpl", "getShippingLabelZPL", "The shipping label for a Zebra printer.", "application/zpl"),
        ]
        for (file, id, summary, type) in documents {
            paths["/api/v1/shipments/{id}/\(file)"] = [
                "get": operation(
                    id, summary, description: "Kept as printed at confirmation; a draft answers 409 not_confirmed.",
                    parameters: [shipment],
                    responses: answers(
                        [
                            "200": [
                                "description": "The document, as an attachment named after the shipment reference.",
                                "headers": [
                                    "Content-Disposition": ["schema": ["type": "string"], "description": "attachment"]
                                ],
                                "content": [type: ["schema": ["type": "string"]]],
                            ] as [String: Any]
                        ], errors: 401, 403, 404, 409))
            ]
        }
        return paths
    }
}
