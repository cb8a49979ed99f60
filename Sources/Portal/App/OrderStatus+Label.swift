import RepairCore

extension OrderStatus {
    /// The catalogue key of the status's name (`status.in_repair`).
    var labelKey: String { "status.\(rawValue)" }

    /// The status as customers read it on pages, in tracking and in the API's `statusLabel`, in the request's
    /// language.
    public var label: String { L(labelKey) }
}
