import Foundation
import PostgresStore
import RepairCore
import RepairStore

/// A child process of the benchmark: approves the given drafts, or looks up numbers, through its own store.
enum Worker {
    static func run(_ arguments: [String]) throws {
        let store = try PostgresStore(url: arguments[1])
        switch arguments[0] {
        case "approve":
            let approver = try store.user(email: Setup.approverEmail)!
            for id in arguments.dropFirst(2).compactMap({ Int64($0) }) {
                _ = try store.approve(orderID: id, by: approver, at: Date())
            }
        default:
            for number in try Setup.numbers(store, count: Int(arguments[2])!) { _ = try store.tracking(number: number) }
        }
    }

    /// Runs one child per argument list at once and waits for all.
    static func spawn(_ argumentLists: [[String]]) throws {
        let processes = try argumentLists.map { arguments in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["--worker"] + arguments
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
    }
}
