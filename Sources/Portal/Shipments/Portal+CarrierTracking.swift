import RepairCore

// The carrier and tracking number of the confirmed shipment an order travels in,
// shown by anonymous tracking so customers can follow the parcel themselves.
extension Portal {
    /// The carrier tracking of the order's confirmed shipment, if the reseller recorded one.
    public func carrierTracking(for number: OrderNumber) throws -> CarrierTracking? {
        try store.carrierTracking(orderNumber: number)
    }

}
