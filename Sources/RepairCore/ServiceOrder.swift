import Foundation

/// A service order: one device sent to one location by one customer.
public struct ServiceOrder: Sendable, Hashable {
    public var id: Int64
    public var number: OrderNumber
    public var customerID: Int64
    /// The user who created the order at intake.
    public var createdByUserID: Int64
    /// What intake recorded: device, location, method, contact.
    public var intake: Intake
    /// Answers by task ID.
    public var answers: [Int64: Answer]
    public var status: OrderStatus
    /// The current service agent, shown to tracking by display name.
    public var assignedAgentID: Int64?
    public var createdAt: Date
    public var updatedAt: Date

    /// Makes an order.
    public init(
        id: Int64, number: OrderNumber, customerID: Int64, createdByUserID: Int64, intake: Intake,
        answers: [Int64: Answer] = [:], status: OrderStatus = .draft, assignedAgentID: Int64? = nil,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.number = number
        self.customerID = customerID
        self.createdByUserID = createdByUserID
        self.intake = intake
        self.answers = answers
        self.status = status
        self.assignedAgentID = assignedAgentID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// The validated intake of an order: device, fault, location, method, contact.
public struct Intake: Sendable, Hashable, Codable {
    public var modelID: Int64
    /// Serial number or IMEI.
    public var serial: String
    public var fault: String
    public var locationID: Int64
    public var methodID: Int64
    public var contact: Contact

    /// Makes an intake; use `IntakeForm.validate(against:)` for user input.
    public init(
        modelID: Int64, serial: String, fault: String, locationID: Int64, methodID: Int64,
        contact: Contact
    ) {
        self.modelID = modelID
        self.serial = serial
        self.fault = fault
        self.locationID = locationID
        self.methodID = methodID
        self.contact = contact
    }
}
