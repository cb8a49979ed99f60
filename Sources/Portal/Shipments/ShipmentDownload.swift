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
        case .packingListText: L("shipment.document.packing_list_text")
        case .packingListZPL: L("shipment.document.packing_list_zpl")
        case .labelText: L("shipment.document.label_text")
        case .labelZPL: L("shipment.document.label_zpl")
        }
    }
}
