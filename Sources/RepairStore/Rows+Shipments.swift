import Foundation
import RepairCore

// Shipments, their orders, their kept documents and the label template overrides.
extension Rows {
    static let shipmentColumns = """
        id, customer_id, location_id, method_id, status, created_by, created_at, updated_at, confirmed_at, \
        parcel_count, weight_kg, carrier, tracking_number, tracking_url
        """
    static func shipment(_ row: any SQLRow) throws -> Shipment {
        Shipment(
            id: row.int64("id"), customerID: row.int64("customer_id"),
            group: ShipmentGroupKey(locationID: row.int64("location_id"), methodID: row.int64("method_id")),
            status: try enumValue(row.text("status"), "shipments.status"), orderIDs: [],
            createdByUserID: row.int64("created_by"), createdAt: row.date("created_at"),
            updatedAt: row.date("updated_at"), confirmedAt: row.optionalDate("confirmed_at"),
            parcelCount: Int(row.int64("parcel_count")),
            weightKg: row.isNull("weight_kg") ? nil : row.double("weight_kg"),
            carrier: row.isNull("carrier") ? nil : carrier(row))
    }

    static let shipmentOrderColumns = "order_id, shipment_id, position"
    static let insertShipmentOrder = insertSQL("shipment_orders", shipmentOrderColumns)

    static let carrierColumns = "carrier, tracking_number, tracking_url"
    static func carrier(_ row: any SQLRow) -> CarrierTracking {
        CarrierTracking(
            carrier: row.text("carrier"), trackingNumber: row.text("tracking_number"),
            url: row.optionalText("tracking_url"))
    }

    static let documentColumns = "shipment_id, packing_list_text, packing_list_zpl, label_text, label_zpl, produced_at"
    static func documents(_ row: any SQLRow) -> ShipmentDocumentTexts {
        ShipmentDocumentTexts(
            packingListText: row.text("packing_list_text"), packingListZPL: row.text("packing_list_zpl"),
            labelText: row.text("label_text"), labelZPL: row.text("label_zpl"))
    }
    static func documentValues(_ documents: ShipmentDocumentTexts, shipmentID: Int64, at date: Date) -> [SQLValue] {
        [
            .integer(shipmentID), .text(documents.packingListText), .text(documents.packingListZPL),
            .text(documents.labelText), .text(documents.labelZPL), time(date),
        ]
    }

    static let labelTemplateColumns = "file_name, source, updated_at, updated_by"

    /// A customer's confirmed orders in no shipment, oldest first (by the `orders_by_customer` index).
    static let openOrdersSQL = """
        SELECT \(Rows.orderColumns) FROM orders o
        WHERE o.customer_id = ? AND o.status = 'confirmed'
          AND NOT EXISTS (SELECT 1 FROM shipment_orders s WHERE s.order_id = o.id)
        ORDER BY o.created_at, o.id
        """
}
