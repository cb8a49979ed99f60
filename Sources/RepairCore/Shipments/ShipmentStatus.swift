/// Where a shipment is in its life: a draft the reseller edits, then confirmed and immutable.
///
/// Each event method returns the next status or throws `Problem`; the
/// switches are exhaustive so a new status must decide every event.
public enum ShipmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Orders can be added or removed; the shipment can be discarded.
    case draft
    /// Ready for pickup: immutable except for the carrier's tracking details.
    case confirmed

    /// Adding or removing orders: only a draft may change.
    public func editing(_ reference: String) throws(Problem) -> ShipmentStatus {
        switch self {
        case .draft: return .draft
        case .confirmed: throw Problem(.alreadyConfirmed, reference: reference)
        }
    }

    /// Discarding: only a draft may be thrown away.
    public func discarding(_ reference: String) throws(Problem) {
        switch self {
        case .draft: return
        case .confirmed: throw Problem(.alreadyConfirmed, reference: reference)
        }
    }

    /// Confirming: a draft becomes confirmed once; a second confirm is refused.
    public func confirming(_ reference: String) throws(Problem) -> ShipmentStatus {
        switch self {
        case .draft: return .confirmed
        case .confirmed: throw Problem(.alreadyConfirmed, reference: reference)
        }
    }

    /// Recording the carrier: only once the parcel is confirmed (a draft has no parcel yet).
    public func recordingCarrier(_ reference: String) throws(Problem) -> ShipmentStatus {
        switch self {
        case .draft: throw Problem(.notConfirmed, reference: reference)
        case .confirmed: return .confirmed
        }
    }
}
