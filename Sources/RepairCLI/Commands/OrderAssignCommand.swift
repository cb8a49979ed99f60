import Foundation
import RepairCore
import RepairStore

/// `repairshop order assign NUMBER --agent EMAIL --by EMAIL`: sets the order's current service agent.
public struct OrderAssignCommand: CLICommand {
    public static let name = "order assign"
    public static let summary = "Set an order's service agent (staff)"
    public static let options: [CLIOption] = [
        .database,
        CLIOption("agent", value: "EMAIL", isRequired: true, help: "The agent or admin to assign"),
        CLIOption("by", value: "EMAIL", isRequired: true, help: "The agent or admin acting"),
    ]
    public static let positionalNames = ["NUMBER"]

    let databasePath: String
    let number: OrderNumber
    let agentEmail: String
    let actorEmail: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        guard let number = OrderNumber(arguments.positionals[0]) else {
            throw .usage("'\(arguments.positionals[0])' is not an order number like RS-7K2M-9QXD")
        }
        self.number = number
        agentEmail = arguments.values["agent", default: ""]
        actorEmail = arguments.values["by", default: ""]
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let (app, store) = try context.openApp(at: databasePath)
        guard let actor = try store.user(email: actorEmail) else { throw CLIError.failure("no user \(actorEmail)") }
        let order = try app.staffOrders.assign(number: number.description, agentEmail: agentEmail, by: actor)
        let agentName = try order.assignedAgentID.flatMap { try store.user(id: $0) }?.displayName ?? agentEmail
        context.output.standardOutput("\(order.number): agent \(agentName)")
        return 0
    }
}
