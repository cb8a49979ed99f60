import Foundation
import RepairStore
import StoreBackend

/// `repairshop backup --to FILE`: a consistent copy of the database while the server keeps running.
public struct BackupCommand: CLICommand {
    public static let name = "backup"
    public static let summary = "Copy the database to a new file while the server runs"
    public static let options: [CLIOption] = [
        .database,
        CLIOption("to", value: "FILE", isRequired: true, help: "The new file; an existing one is never overwritten"),
    ]

    let databasePath: String
    let destination: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        destination = arguments.values["to", default: ""]
        guard !destination.isEmpty else { throw .usage("--to needs a file name") }
    }

    public func run(in context: CLIContext) throws -> Int32 {
        guard case .sqlite = DatabaseLocation(databasePath) else {
            throw CLIError.failure("back up a PostgreSQL database with pg_dump (see the README)")
        }
        // Never over a file: a swapped --to and --database must not replace the live database with an old copy.
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw CLIError.failure("\(destination) exists; back up to a new file name")
        }
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIError.failure("there is no database at \(databasePath)")
        }
        let summary = try context.openSQLiteStore(at: databasePath).backup(to: destination)
        context.output.standardOutput(
            "backed up \(databasePath) to \(summary.path): \(summary.bytes) bytes, \(summary.orders) orders, integrity ok")
        return 0
    }
}
