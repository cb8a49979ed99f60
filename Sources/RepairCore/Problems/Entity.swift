/// What a `not_found` problem looked for; its name in each language is the catalogue's `entity.<rawValue>`.
public enum Entity: String, Sendable, Hashable, CaseIterable {
    case order
    case customer
    case user
    case location
    case shippingMethod = "shipping_method"
    case deviceModel = "device_model"
    case task
    case outboxEntry = "outbox_entry"
    case shipment
    case template

    /// The catalogue key of its name.
    public var termKey: String { "entity.\(rawValue)" }
}
