import RepairCore

// For the anonymous tracking answer (another feature's view): the carrier and
// tracking number of the confirmed shipment an order travels in, so customers
// can follow the parcel themselves.
extension Portal {
    /// The carrier tracking of the order's confirmed shipment, if the reseller recorded one.
    public func carrierTracking(for number: OrderNumber) throws -> CarrierTracking? {
        try store.carrierTracking(orderNumber: number)
    }

    /// Rows for a tracking page's summary list: carrier, and tracking number linked to the carrier's page; empty when none.
    public func carrierTrackingItems(for number: OrderNumber) throws -> [SummaryList.Item] {
        guard let tracking = try carrierTracking(for: number) else { return [] }
        // The URL was checked to be http(s) when recorded; interpolation escapes it for the attribute.
        let value: HTML =
            tracking.url.map {
                "<a href=\"\($0)\" rel=\"noopener noreferrer\">\(tracking.trackingNumber)</a>"
            } ?? "\(tracking.trackingNumber)"
        return [SummaryList.Item("Carrier", text: tracking.carrier), SummaryList.Item("Parcel tracking number", value)]
    }
}
