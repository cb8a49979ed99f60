/// What intake validates against: models, locations, methods and tasks.
public struct Catalogue: Sendable, Hashable {
    public var models: [DeviceModel]
    public var locations: [Location]
    public var methods: [ShippingMethod]
    public var tasks: [ServiceTask]

    /// Makes a catalogue.
    public init(
        models: [DeviceModel] = [], locations: [Location] = [], methods: [ShippingMethod] = [],
        tasks: [ServiceTask] = []
    ) {
        self.models = models
        self.locations = locations
        self.methods = methods
        self.tasks = tasks
    }

    /// The locations offered at intake: public ones only.
    public var publicLocations: [Location] { locations.filter(\.isPublic) }

    /// The shipping methods offered at intake for `locationID`: those it accepts.
    public func methods(acceptedAt locationID: Int64) -> [ShippingMethod] {
        guard let location = location(id: locationID) else { return [] }
        return methods.filter { location.methodIDs.contains($0.id) }
    }

    /// The questions asked for an order: customer-filled tasks applying to its model or customer.
    public func applicableTasks(modelID: Int64, customerID: Int64) -> [ServiceTask] {
        tasks.filter { $0.isFilledByCustomer && $0.applies(toModel: modelID, customer: customerID) }
    }

    /// The questions asked for `order`.
    public func applicableTasks(for order: ServiceOrder) -> [ServiceTask] {
        applicableTasks(modelID: order.intake.modelID, customerID: order.customerID)
    }

    /// The device of an order as people read it ("Apple iPhone 13"): the one place a device name is made.
    public func deviceName(modelID: Int64) -> String {
        model(id: modelID)?.displayName ?? "model #\(modelID)"
    }

    /// The model with `id`, if any.
    public func model(id: Int64) -> DeviceModel? { models.first { $0.id == id } }
    /// The location with `id`, if any.
    public func location(id: Int64) -> Location? { locations.first { $0.id == id } }
    /// The shipping method with `id`, if any.
    public func method(id: Int64) -> ShippingMethod? { methods.first { $0.id == id } }
}
