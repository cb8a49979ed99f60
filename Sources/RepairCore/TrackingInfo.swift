/// What anonymous tracking may see of an order, from one indexed look-up by number.
///
/// `contactSurname` is for matching only (fold both sides with `NameFolding`);
/// it must never be shown. No address, phone, e-mail, serial or notes here.
public struct TrackingInfo: Sendable, Hashable {
    public var number: OrderNumber
    public var status: OrderStatus
    /// The device model's display name.
    public var deviceDescription: String
    /// The current service agent's display name, if one is assigned.
    public var agentDisplayName: String?
    public var locationName: String
    public var tatDays: Int
    /// For matching the surname the visitor typed; never shown.
    public var contactSurname: String
    /// The parcel's carrier, once the reseller recorded it on the confirmed shipment the order travels in.
    public var carrier: CarrierTracking?

    /// Makes tracking information.
    public init(
        number: OrderNumber, status: OrderStatus, deviceDescription: String, agentDisplayName: String?,
        locationName: String, tatDays: Int, contactSurname: String, carrier: CarrierTracking? = nil
    ) {
        self.number = number
        self.status = status
        self.deviceDescription = deviceDescription
        self.agentDisplayName = agentDisplayName
        self.locationName = locationName
        self.tatDays = tatDays
        self.contactSurname = contactSurname
        self.carrier = carrier
    }
}
