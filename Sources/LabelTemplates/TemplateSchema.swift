/// The names a template kind may use: scalar fields and lists with their item fields.
public struct TemplateSchema: Sendable, Equatable {
    /// A list a template can loop over with `{{#each name}}`.
    public struct List: Sendable, Equatable {
        /// The name an item goes by inside the loop, e.g. `order` for `orders`.
        public var itemName: String
        /// Fields of an item (`order.number`); empty when each item is a plain line (`{{ line }}`).
        public var fields: Set<String>

        public init(itemName: String, fields: Set<String>) {
            self.itemName = itemName
            self.fields = fields
        }
    }

    /// Field added to every loop item: its 1-based position, e.g. `order.index`.
    public static let indexField = "index"

    public var scalars: Set<String>
    public var lists: [String: List]

    public init(scalars: Set<String>, lists: [String: List] = [:]) {
        self.scalars = scalars
        self.lists = lists
    }

    /// Fields shared by the packing list and the label.
    private static let shipmentFields: Set<String> = [
        "shipment.id", "shipment.date", "shipment.method",
        "shipment.orderCount", "shipment.parcelCount", "shipment.weight",
        "sender.name", "sender.contact", "sender.phone", "sender.email",
        "receiver.name",
    ]

    private static let addressLists: [String: List] = [
        "sender.address": List(itemName: "line", fields: []),
        "receiver.address": List(itemName: "line", fields: []),
    ]

    /// Fields every order line has, whatever the intake asks: `order.number`, `order.device`.
    public static let orderLineFields: Set<String> = ["number", "device"]

    /// Packing list: the shipment, both parties, one line per order, and which page of the list this is.
    ///
    /// `orderFields` are the intake's texts an order line carries (`order.serial`, `order.fault`, …), passed in
    /// by the caller so this module need not know the intake.
    public static func packingList(orderFields: [String]) -> TemplateSchema {
        TemplateSchema(
            scalars: shipmentFields.union(["page.number", "page.count"]),
            lists: addressLists.merging(
                ["orders": List(itemName: "order", fields: orderLineFields.union(orderFields))],
                uniquingKeysWith: { first, _ in first })
        )
    }

    /// Shipping label: the shipment and both parties, no order lines.
    public static let shippingLabel = TemplateSchema(scalars: shipmentFields, lists: addressLists)
}
