import Foundation

/// A data set in the `Fixtures/` JSON format (see `Fixtures/README.md`).
public struct FixtureSet: Sendable, Decodable {
    /// A task as written in JSON: kind and scope spelled out.
    public struct Task: Sendable, Decodable {
        public var id: Int64
        public var text: String
        /// `text`, `yes_no`, `choice` or `number`.
        public var kind: String
        public var choices: [String]
        public var isFilledByCustomer: Bool
        public var isRequiredInPortal: Bool
        /// `all`, `models` or `customers`.
        public var scope: String
        public var scopeIDs: [Int64]
    }

    /// An order as written in JSON, with its number, status and raw answers.
    public struct Order: Sendable, Decodable {
        public var number: OrderNumber
        public var customerID: Int64
        public var createdByUserID: Int64
        public var modelID: Int64
        public var serial: String
        public var fault: String
        public var locationID: Int64
        public var methodID: Int64
        public var contact: Contact
        /// Raw answers by task ID, checked by kind when loaded.
        public var answers: [String: String]
        public var status: OrderStatus
        public var assignedAgentID: Int64?
        public var createdAt: Date
    }

    public var customers: [Customer]
    public var users: [User]
    public var shippingMethods: [ShippingMethod]
    public var locations: [Location]
    public var deviceModels: [DeviceModel]
    public var tasks: [Task]
    public var orders: [Order]
    /// The shop's default language and time zone; nil keeps the shop's defaults.
    public var shop: ShopSettings?

    /// The file name of the demo set inside a fixtures folder.
    public static let demoFileName = "demo.json"

    /// Decodes a data set from JSON.
    public static func decode(_ data: Data) throws -> FixtureSet {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(FixtureSet.self, from: data)
    }

    /// The tasks as domain values; throws a validation error naming a bad kind or scope.
    public func serviceTasks() throws -> [ServiceTask] {
        try tasks.map { task in
            let kind: ServiceTask.Kind
            switch task.kind {
            case "text": kind = .text
            case "yes_no": kind = .yesNo
            case "number": kind = .number
            case "choice": kind = .choice(task.choices)
            default:
                throw Problem.invalid(
                    "tasks[\(task.id)].kind", .oneOf, ["choices": .list(["text", "yes_no", "choice", "number"])])
            }
            let scope: ServiceTask.Scope
            switch task.scope {
            case "all": scope = .allDevices
            case "models": scope = .models(task.scopeIDs)
            case "customers": scope = .customers(task.scopeIDs)
            default:
                throw Problem.invalid(
                    "tasks[\(task.id)].scope", .oneOf, ["choices": .list(["all", "models", "customers"])])
            }
            return ServiceTask(
                id: task.id, text: task.text, kind: kind, isFilledByCustomer: task.isFilledByCustomer,
                isRequiredInPortal: task.isRequiredInPortal, scope: scope)
        }
    }
}
