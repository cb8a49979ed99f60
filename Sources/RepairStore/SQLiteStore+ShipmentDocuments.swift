import Foundation
import RepairCore

/// The four documents of a confirmed shipment as text, kept once produced.
public struct ShipmentDocumentTexts: Sendable, Hashable {
    public var packingListText: String
    public var packingListZPL: String
    public var labelText: String
    public var labelZPL: String

    /// Makes the set.
    public init(packingListText: String, packingListZPL: String, labelText: String, labelZPL: String) {
        self.packingListText = packingListText
        self.packingListZPL = packingListZPL
        self.labelText = labelText
        self.labelZPL = labelZPL
    }
}

// A confirmed shipment's packing list and label are produced once and kept, so a
// re-download prints what was packed even after templates or addresses change.
extension SQLiteStore {
    /// The kept documents of a shipment, if they were produced.
    public func shipmentDocuments(shipmentID: Int64) throws -> ShipmentDocumentTexts? {
        try read { db in
            try db.firstRow(
                """
                SELECT packing_list_text, packing_list_zpl, label_text, label_zpl FROM shipment_documents
                WHERE shipment_id = ?
                """, [.integer(shipmentID)]
            ) { row in
                ShipmentDocumentTexts(
                    packingListText: row.text(0), packingListZPL: row.text(1), labelText: row.text(2),
                    labelZPL: row.text(3))
            }
        }
    }

    /// Keeps the documents of a confirmed shipment unless some were kept already; returns the kept ones.
    ///
    /// The first call wins, so two requests producing at once both answer with the same documents.
    public func keepShipmentDocuments(_ documents: ShipmentDocumentTexts, shipmentID: Int64, at date: Date) throws
        -> ShipmentDocumentTexts
    {
        try write { db in
            guard let shipment = try Self.shipment(id: shipmentID, in: db) else {
                throw Problem(.shipmentNotFound, reference: Shipment.reference(for: shipmentID))
            }
            guard shipment.status == .confirmed else {
                throw Problem(.notConfirmed, reference: shipment.reference)
            }
            try db.run(
                """
                INSERT INTO shipment_documents (shipment_id, packing_list_text, packing_list_zpl, label_text, label_zpl,
                    produced_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_id) DO NOTHING
                """,
                [
                    .integer(shipmentID), .text(documents.packingListText), .text(documents.packingListZPL),
                    .text(documents.labelText), .text(documents.labelZPL), .real(date.timeIntervalSince1970),
                ])
            return try db.firstRow(
                """
                SELECT packing_list_text, packing_list_zpl, label_text, label_zpl FROM shipment_documents
                WHERE shipment_id = ?
                """, [.integer(shipmentID)]
            ) { row in
                ShipmentDocumentTexts(
                    packingListText: row.text(0), packingListZPL: row.text(1), labelText: row.text(2),
                    labelZPL: row.text(3))
            } ?? documents
        }
    }
}
