import Foundation
import RepairCore
import RepairStore

/// Hidden `repairshop debug approve-drafts`: approves every draft, one transaction each.
///
/// Exists for the crash test, which kills this process with SIGKILL mid-loop
/// and then checks that every order is either approved with its event or an untouched draft.
public struct ApproveDraftsCommand: CLICommand {
    public static let name = "debug approve-drafts"
    public static let summary = "Approve every draft as its creator (crash-test helper)"
    public static let options: [CLIOption] = [.database]
    public static let isHidden = true

    let databasePath: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let store = try context.openStore(at: databasePath)
        var count = 0
        for order in try store.orders(status: .draft) {
            guard let user = try store.user(id: order.createdByUserID) else { continue }
            _ = try store.approve(orderID: order.id, by: user, at: Date())
            count += 1
        }
        output.standardOutput("approved \(count) drafts")
        return 0
    }
}
