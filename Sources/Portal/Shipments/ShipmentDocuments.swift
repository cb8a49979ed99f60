import Foundation
import HTTPServer
import LabelTemplates
import RepairCore

/// The packing list and shipping label of confirmed shipments: rendered from the label templates once, kept in
/// the store, and downloaded as text or ZPL.
struct ShipmentDocuments: Sendable {
    /// Read for the shipment's orders, sender and catalogue, the template overrides and the kept documents.
    let store: any RepairStorage
    /// Names the templates folder (`labelsDirectory`, read at each use as before).
    let configuration: PortalConfiguration
    /// The time documents are kept at.
    let now: @Sendable () -> Date
    /// The shop's default language: the documents go to the shop's locations and carriers, so they are in it.
    let language: @Sendable () -> String

    /// The four templates: the files of `configuration.labelsDirectory` in the shop's language (the folder's
    /// own where that language has none), each replaced by its stored override.
    func templateSet() throws -> LabelTemplateSet {
        var sources: [String: String] = [:]
        let folder = LabelFolder(path: configuration.labelsDirectory)
        for name in LabelTemplateSet.fileNames {
            sources[name] = folder.source(name, language: language())
        }
        sources.merge(try store.labelTemplateOverrides()) { _, override in override }
        do {
            return try LabelTemplateSet(sources: sources, orderFields: IntakeField.packingListKeys)
        } catch {
            // A broken installation, not the reseller's fault: say which file and line.
            throw Problem(.internal, reason: "label_templates", parameters: ["detail": .text(error.description)])
        }
    }

    /// The document data of a shipment, from the store.
    func document(for shipment: Shipment) throws -> ShipmentDocument {
        guard let customer = try store.customer(id: shipment.customerID) else {
            throw Problem.notFound(.customer, key: String(shipment.customerID))
        }
        return ShipmentDocument(
            shipment: shipment, orders: try store.shipmentOrders(shipmentID: shipment.id), sender: customer,
            senderUser: try store.user(id: shipment.createdByUserID), catalogue: try store.catalogue())
    }

    /// The four documents of a confirmed shipment: those kept at confirmation, else produced and kept now.
    ///
    /// A draft has none yet (409).
    func texts(for shipment: Shipment) throws -> ShipmentDocumentTexts {
        guard shipment.status == .confirmed else {
            throw Problem(.notConfirmed, reference: shipment.reference)
        }
        if let kept = try store.shipmentDocuments(shipmentID: shipment.id) { return kept }
        let labels = try templateSet().render(document(for: shipment))
        return try store.keepShipmentDocuments(
            ShipmentDocumentTexts(
                packingListText: labels.packingListText, packingListZPL: labels.packingListZPL,
                labelText: labels.shippingLabelText, labelZPL: labels.shippingLabelZPL),
            shipmentID: shipment.id, at: now())
    }

    /// Produces the documents right after a confirm; a failure here (a broken template) is reported on download instead.
    func produce(after shipment: Shipment) {
        do { _ = try texts(for: shipment) } catch {
            FileHandle.standardError.write(
                Data("warning: documents of \(shipment.reference) not produced: \(error)\n".utf8))
        }
    }

    /// One document as a download: text or ZPL, named after the shipment.
    func download(_ shipment: Shipment, _ document: ShipmentDownload) throws -> HTTPResponse {
        let documents = try texts(for: shipment)
        let text: String
        switch document {
        case .packingListText: text = documents.packingListText
        case .packingListZPL: text = documents.packingListZPL
        case .labelText: text = documents.labelText
        case .labelZPL: text = documents.labelZPL
        }
        var response = HTTPResponse(status: .ok, body: Array(text.utf8))
        response.headers.set("Content-Type", document.contentType)
        response.headers.set(
            "Content-Disposition", "attachment; filename=\"\(shipment.reference)-\(document.fileSuffix)\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
