import Foundation
import RepairCore
import RepairStore

/// `repairshop order show NUMBER`: prints an order, its answers and its history.
public struct OrderShowCommand: CLICommand {
    public static let name = "order show"
    public static let summary = "Show an order and its history"
    public static let options: [CLIOption] = [.database]
    public static let positionalNames = ["NUMBER"]

    let databasePath: String
    let number: OrderNumber

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        guard let number = OrderNumber(arguments.positionals[0]) else {
            throw .usage("'\(arguments.positionals[0])' is not an order number like RS-7K2M-9QXD")
        }
        self.number = number
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let store = try context.openStore(at: databasePath)
        guard let order = try store.order(number: number) else { throw CLIError.failure("order \(number) not found") }
        let catalogue = try store.catalogue()
        let summary = try OrderSummary.make(order: order, catalogue: catalogue)
        let customer = try store.customer(id: order.customerID)
        let agent = try order.assignedAgentID.flatMap { try store.user(id: $0) }
        let contact = order.intake.contact
        var lines = [
            "Order     \(order.number)",
            "Status    \(order.status.rawValue)",
            "Customer  \(customer?.name ?? "?")",
            "Device    \(summary.device), serial \(summary.serial)",
            "Fault     \(summary.fault)",
            "Location  \(summary.locationName) (\(summary.turnaroundText))",
            "Shipping  \(summary.methodName)",
            "Contact   \([contact.firstName + " " + contact.surname, contact.email, contact.phone].filter { !$0.isEmpty }.joined(separator: ", "))",
            "Agent     \(agent?.displayName ?? "-")",
            "Answers",
        ]
        lines += summary.answers.map { "  \($0.question): \($0.answer.isEmpty ? "-" : $0.answer)" }
        lines.append("History")
        let formatter = ISO8601DateFormatter()
        for event in try store.events(orderID: order.id) {
            let change = (event.fromStatus.map { "\($0.rawValue) -> " } ?? "-> ") + event.toStatus.rawValue
            let visibility = event.isPublic ? "public" : "internal"
            lines.append("  \(formatter.string(from: event.at))  \(change)  \(visibility)  \(event.note)")
        }
        lines.forEach(output.standardOutput)
        return 0
    }
}
