/// What tracking's look-up found, after the same work either way (see `RepairRepository.trackingLookUp`).
public enum TrackingLookUp: Sendable, Equatable {
    /// The order with the number asked for.
    case found(TrackingInfo)
    /// No order has that number. `standInSurname` is the surname of the order read in its place (nil
    /// when there are no orders), for the caller to compare as it would a real one; nothing else of
    /// that order leaves the store.
    case notFound(standInSurname: String?)
}
