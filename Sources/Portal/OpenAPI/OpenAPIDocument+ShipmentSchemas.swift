import RepairCore

extension OpenAPIDocument {
    /// The bodies of the shipment paths.
    static var shipmentSchemas: [String: Any] {
        let limits = ShipmentLimits.default
        let shipmentOrder = object([
            "number": string, "device": string, "serial": string, "fault": string, "status": statusCode,
        ])
        return [
            "ShipmentOrder": shipmentOrder,
            "ShipmentGroup": object([
                "locationID": integer, "locationName": string, "methodID": integer, "methodName": string,
                "count": ["type": "integer", "description": "Confirmed orders of the group not in any shipment."],
                "orders": array(ref("ShipmentOrder")),
            ]),
            "CarrierTracking": object(
                ["carrier": string, "trackingNumber": string, "url": ["type": "string", "format": "uri"]],
                optional: ["url"]),
            "Shipment": object(
                [
                    "id": integer,
                    "reference": ["type": "string", "description": "SH- and at least six digits, e.g. SH-000042."],
                    "status": ["type": "string", "enum": ShipmentStatus.allCases.map(\.rawValue)],
                    "locationID": integer, "locationName": string, "methodID": integer, "methodName": string,
                    "orderCount": ["type": "integer"],
                    "orders": [
                        "type": "array", "items": ref("ShipmentOrder"),
                        "description": "Present for one shipment, absent in the list.",
                    ] as [String: Any],
                    "parcelCount": ["type": "integer"],
                    "weightKg": ["type": "number", "description": "Total weight, when given at confirmation."],
                    "createdAt": dateTime,
                    "confirmedAt": ["type": "string", "format": "date-time", "description": "Absent for a draft."],
                    "carrier": ref("CarrierTracking"),
                    "documents": [
                        "type": "object", "additionalProperties": string,
                        "description": "Once confirmed: the download path of each document, by file name.",
                    ] as [String: Any],
                ], optional: ["orders", "weightKg", "confirmedAt", "carrier", "documents"]),
            "ShipmentList": object([
                "groups": array(ref("ShipmentGroup")),
                "shipments": array(ref("Shipment")),
            ]),
            "ShipmentOrdersRequest": object([
                "orders": [
                    "type": "array", "maxItems": limits.maxOrders,
                    "items": ["type": "string", "description": "An order number, e.g. RS-7K2M-9QXD."],
                    "description": "Order numbers; a malformed one answers 422 on `orders`.",
                ] as [String: Any]
            ]),
            "ShipmentConfirmRequest": object(
                [
                    "parcelCount": [
                        "type": "integer", "minimum": 1, "maximum": limits.maxParcelCount, "default": 1,
                    ] as [String: Any],
                    "weightKg": [
                        "type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": limits.maxWeightKg,
                        "description": "Total weight in kilograms.",
                    ] as [String: Any],
                ], optional: ["parcelCount", "weightKg"]),
            "ShipmentCarrierRequest": object(
                [
                    "carrier": nonBlank(maxLength: limits.maxCarrierLength),
                    "trackingNumber": [
                        "type": "string", "minLength": 1, "maxLength": limits.maxTrackingNumberLength,
                        "pattern": "^[ ]*[A-Za-z0-9-][A-Za-z0-9 -]*$",
                        "description": "ASCII letters, digits, spaces and -.",
                    ] as [String: Any],
                    "trackingURL": [
                        "type": "string", "format": "uri", "maxLength": limits.maxTrackingURLLength,
                        "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\"<>]+$",
                        "description": "The carrier's tracking page, http or https; empty or absent for none.",
                    ] as [String: Any],
                ], optional: ["trackingURL"]),
        ]
    }
}
