import RepairCore
import RepairStore

/// `repairshop order list`: lists orders by status or by customer, one per line.
public struct OrderListCommand: CLICommand {
    public static let name = "order list"
    public static let summary = "List orders by status or customer"
    public static let options: [CLIOption] = [
        .database,
        CLIOption("status", value: "STATUS", help: "Only orders in this status (e.g. confirmed)"),
        CLIOption("customer", value: "ID", help: "Only this customer's orders"),
    ]

    let databasePath: String
    let status: OrderStatus?
    let customerID: Int64?

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        if let text = arguments.values["status"] {
            guard let status = OrderStatus(rawValue: text) else {
                throw .usage("--status must be one of: " + OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.status = status
        } else {
            status = nil
        }
        if let text = arguments.values["customer"] {
            guard let id = Int64(text), id > 0 else { throw .usage("--customer must be a customer ID") }
            customerID = id
        } else {
            customerID = nil
        }
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let store = try context.openStore(at: databasePath)
        var orders: [ServiceOrder]
        if let customerID {
            orders = try store.orders(customerID: customerID)
            if let status { orders = orders.filter { $0.status == status } }
        } else {
            orders = try (status.map { [$0] } ?? OrderStatus.allCases).flatMap { try store.orders(status: $0) }
        }
        let catalogue = try store.catalogue()
        for order in orders {
            let device = catalogue.deviceName(modelID: order.intake.modelID)
            let location = catalogue.location(id: order.intake.locationID)?.name ?? "?"
            output.standardOutput(
                "\(order.number)\t\(order.status.rawValue)\tcustomer \(order.customerID)\t\(device)\t\(location)")
        }
        return 0
    }
}
