import Foundation

/// A confirmed shipment's packing list and label, produced once and kept, so a re-download prints
/// what was packed even after templates or addresses change.
public protocol ShipmentDocumentRepository: Sendable {
    /// The kept documents of a shipment, if they were produced.
    func shipmentDocuments(shipmentID: Int64) throws -> ShipmentDocumentTexts?
    /// Keeps the documents of a confirmed shipment unless some were kept already; returns the kept ones
    /// (the first call wins). An unknown or unconfirmed shipment throws `Problem`.
    func keepShipmentDocuments(_ documents: ShipmentDocumentTexts, shipmentID: Int64, at date: Date) throws
        -> ShipmentDocumentTexts
}
