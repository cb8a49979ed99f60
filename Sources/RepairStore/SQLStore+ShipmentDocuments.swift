import Foundation
import RepairCore

// A confirmed shipment's packing list and label are produced once and kept, so a
// re-download prints what was packed even after templates or addresses change.
extension SQLStore {
    /// The kept documents of a shipment, if they were produced.
    public func shipmentDocuments(shipmentID: Int64) throws -> ShipmentDocumentTexts? {
        try read { db in try Self.shipmentDocuments(shipmentID: shipmentID, in: db) }
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
                Rows.insertSQL("shipment_documents", Rows.documentColumns) + " ON CONFLICT (shipment_id) DO NOTHING",
                Rows.documentValues(documents, shipmentID: shipmentID, at: date))
            return try Self.shipmentDocuments(shipmentID: shipmentID, in: db) ?? documents
        }
    }

    static func shipmentDocuments(shipmentID: Int64, in db: any SQLConnection) throws -> ShipmentDocumentTexts? {
        try db.firstRow(
            "SELECT \(Rows.documentColumns) FROM shipment_documents WHERE shipment_id = ?", [.integer(shipmentID)],
            Rows.documents)
    }
}
