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
