import Foundation
import HTTPServer
import LabelTemplates
import RepairCore

extension Portal {
    /// The four templates: the files of `configuration.labelsDirectory`, each replaced by its stored override.
    public func labelTemplateSet() throws -> LabelTemplateSet {
        var sources: [String: String] = [:]
        let folder = URL(fileURLWithPath: configuration.labelsDirectory)
        for name in LabelTemplateSet.fileNames {
            let file = folder.appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: file.path) {
                sources[name] = String(decoding: data, as: UTF8.self)
            }
        }
        sources.merge(try store.labelTemplateOverrides()) { _, override in override }
        do {
            return try LabelTemplateSet(sources: sources)
        } catch {
            // A broken installation, not the reseller's fault: say which file and line.
            throw Problem(.internal, reason: "label_templates", parameters: ["detail": .text(error.description)])
        }
    }

    /// The document data of a shipment, from the store.
    func shipmentDocument(_ shipment: Shipment) throws -> ShipmentDocument {
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
    func shipmentDocumentTexts(_ shipment: Shipment) throws -> ShipmentDocumentTexts {
        guard shipment.status == .confirmed else {
            throw Problem(.notConfirmed, reference: shipment.reference)
        }
        if let kept = try store.shipmentDocuments(shipmentID: shipment.id) { return kept }
        let labels = try labelTemplateSet().render(shipmentDocument(shipment))
        return try store.keepShipmentDocuments(
            ShipmentDocumentTexts(
                packingListText: labels.packingListText, packingListZPL: labels.packingListZPL,
                labelText: labels.shippingLabelText, labelZPL: labels.shippingLabelZPL),
            shipmentID: shipment.id, at: now())
    }

    /// Produces the documents right after a confirm; a failure here (a broken template) is reported on download instead.
    func produceDocuments(_ shipment: Shipment) {
        do { _ = try shipmentDocumentTexts(shipment) } catch {
            FileHandle.standardError.write(
                Data("warning: documents of \(shipment.reference) not produced: \(error)\n".utf8))
        }
    }

    /// One document as a download: text or ZPL, named after the shipment.
    func documentDownload(_ shipment: Shipment, _ document: ShipmentDownload) throws -> HTTPResponse {
        let documents = try shipmentDocumentTexts(shipment)
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

/// The downloadable documents of a confirmed shipment, by the last part of their path.
enum ShipmentDownload: String, CaseIterable, Sendable {
    case packingListText = "packing-list.txt"
    case packingListZPL = "packing-list.zpl"
    case labelText = "label.txt"
    case labelZPL = "label.zpl"

    /// `text/plain` for any printer; ZPL as its own type so browsers save it rather than show it.
    var contentType: String {
        switch self {
        case .packingListText, .labelText: "text/plain; charset=utf-8"
        case .packingListZPL, .labelZPL: "application/zpl; charset=utf-8"
        }
    }

    /// The file name after the shipment reference.
    var fileSuffix: String {
        switch self {
        case .packingListText: "packing-list.txt"
        case .packingListZPL: "packing-list.zpl"
        case .labelText: "shipping-label.txt"
        case .labelZPL: "shipping-label.zpl"
        }
    }

    /// A short title for links.
    var title: String {
        switch self {
        case .packingListText: "Packing list (text)"
        case .packingListZPL: "Packing list (ZPL)"
        case .labelText: "Shipping label (text)"
        case .labelZPL: "Shipping label (ZPL)"
        }
    }
}
