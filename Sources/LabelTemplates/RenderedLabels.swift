/// The four documents of a confirmed shipment.
public struct RenderedLabels: Sendable, Equatable {
    public var packingListText: String
    public var packingListZPL: String
    public var shippingLabelText: String
    public var shippingLabelZPL: String
}
