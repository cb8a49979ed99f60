import Foundation
import RepairCore
import RepairStore

/// `repairshop order move NUMBER --to STATUS --by EMAIL`: changes an order's status as a staff user.
public struct OrderMoveCommand: CLICommand {
    public static let name = "order move"
    public static let summary = "Change an order's status (staff)"
    public static let options: [CLIOption] = [
        .database,
        CLIOption("to", value: "STATUS", isRequired: true, help: "The new status, e.g. received"),
        CLIOption("by", value: "EMAIL", isRequired: true, help: "The agent or admin acting"),
        CLIOption("note", value: "TEXT", help: "A note for the history"),
        CLIOption("public", help: "Show the note to the customer"),
    ]
    public static let positionalNames = ["NUMBER"]

    let databasePath: String
    let number: OrderNumber
    let status: OrderStatus
    let actorEmail: String
    let note: String
    let isPublic: Bool

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        guard let number = OrderNumber(arguments.positionals[0]) else {
            throw .usage("'\(arguments.positionals[0])' is not an order number like RS-7K2M-9QXD")
        }
        guard let status = OrderStatus(rawValue: arguments.values["to", default: ""]) else {
            throw .usage("--to must be one of: " + OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.number = number
        self.status = status
        actorEmail = arguments.values["by", default: ""]
        note = arguments.values["note", default: ""]
        isPublic = arguments.flags.contains("public")
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let (app, store) = try context.openApp(at: databasePath)
        guard let actor = try store.user(email: actorEmail) else { throw CLIError.failure("no user \(actorEmail)") }
        let before = try app.staffOrders.order(number: number.description)
        let moved = try app.staffOrders.changeStatus(
            number: number.description, to: status.rawValue, note: note, isPublic: isPublic, by: actor)
        context.output.standardOutput("\(moved.number): \(before.status.rawValue) -> \(moved.status.rawValue)")
        return 0
    }
}
