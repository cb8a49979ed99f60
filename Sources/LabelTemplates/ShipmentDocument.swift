/// The data of a shipment's packing list and label, in the shape the schemas expect.
public struct ShipmentDocument: Sendable, Equatable {
    /// A sender or receiver.
    public struct Party: Sendable, Equatable {
        public var name: String
        public var addressLines: [String]
        public var contact: String?
        public var phone: String?
        public var email: String?

        public init(
            name: String, addressLines: [String], contact: String? = nil, phone: String? = nil, email: String? = nil
        ) {
            self.name = name
            self.addressLines = addressLines
            self.contact = contact
            self.phone = phone
            self.email = email
        }
    }

    /// One order line of the packing list.
    public struct OrderLine: Sendable, Equatable {
        public var number: String
        public var device: String
        /// The intake's texts by field name (`serial`, `fault`, …): `order.<name>` in the packing list.
        public var texts: [String: String]

        public init(number: String, device: String, texts: [String: String]) {
            self.number = number
            self.device = device
            self.texts = texts
        }
    }

    public var shipmentID: String
    /// Already formatted by the caller (e.g. `2026-11-24`), so rendering needs no clock or locale.
    public var date: String
    public var method: String
    public var sender: Party
    public var receiver: Party
    public var orders: [OrderLine]
    public var parcelCount: Int
    /// Already formatted (e.g. `4.5 kg`); nil when unknown.
    public var weight: String?

    public init(
        shipmentID: String, date: String, method: String, sender: Party, receiver: Party,
        orders: [OrderLine], parcelCount: Int = 1, weight: String? = nil
    ) {
        self.shipmentID = shipmentID
        self.date = date
        self.method = method
        self.sender = sender
        self.receiver = receiver
        self.orders = orders
        self.parcelCount = parcelCount
        self.weight = weight
    }

    /// The context for `TemplateSchema.packingList(orderFields:)` and `.shippingLabel`.
    public func makeContext() -> TemplateContext {
        var scalars: [String: String] = [
            "shipment.id": shipmentID,
            "shipment.date": date,
            "shipment.method": method,
            "shipment.orderCount": String(orders.count),
            "shipment.parcelCount": String(parcelCount),
            "sender.name": sender.name,
            "receiver.name": receiver.name,
        ]
        scalars["shipment.weight"] = weight
        scalars["sender.contact"] = sender.contact
        scalars["sender.phone"] = sender.phone
        scalars["sender.email"] = sender.email
        var context = TemplateContext(scalars: scalars)
        context.setLines(sender.addressLines, for: "sender.address")
        context.setLines(receiver.addressLines, for: "receiver.address")
        context.lists["orders"] = orders.enumerated().map { offset, order in
            order.texts.merging(
                ["number": order.number, "device": order.device, TemplateSchema.indexField: String(offset + 1)],
                uniquingKeysWith: { _, fixed in fixed })
        }
        context.scalars["page.number"] = "1"
        context.scalars["page.count"] = "1"
        return context
    }

    /// One context per page of at most `ordersPerPage` orders (at least one page), for a packing list
    /// printed on labels that hold only so many lines; `order.index` still counts across pages.
    public func makePageContexts(ordersPerPage: Int) -> [TemplateContext] {
        let whole = makeContext()
        let lines = whole.lists["orders"] ?? []
        let size = max(1, ordersPerPage)
        let pageCount = max(1, (lines.count + size - 1) / size)
        return (0..<pageCount).map { page in
            var context = whole
            context.lists["orders"] = Array(lines[min(lines.count, page * size)..<min(lines.count, (page + 1) * size)])
            context.scalars["page.number"] = String(page + 1)
            context.scalars["page.count"] = String(pageCount)
            return context
        }
    }
}
