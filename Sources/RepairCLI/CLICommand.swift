import Foundation
import Portal
import RepairApp
import RepairStore
import StoreBackend

/// Where a command writes: standard output and standard error, one line per call.
public struct CLIOutput {
    public var standardOutput: (String) -> Void
    public var standardError: (String) -> Void

    /// Makes an output from two line writers.
    public init(standardOutput: @escaping (String) -> Void, standardError: @escaping (String) -> Void) {
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// What every command runs with: where to write and how to open the database.
public struct CLIContext {
    public var output: CLIOutput
    /// Migrations applied when a command opens the database (default `Migration.builtIn`;
    /// modules with their own tables pass `Migration.builtIn + theirs` to `RepairCLI.run`).
    public var migrations: [Migration]

    /// Makes a context.
    public init(output: CLIOutput, migrations: [Migration] = Migration.builtIn) {
        self.output = output
        self.migrations = migrations
    }

    /// Opens the store at `path` (an SQLite file or a `postgresql://` URL, see `DatabaseLocation`), applying
    /// pending migrations.
    public func openStore(at path: String) throws -> any SQLStorage {
        try DatabaseLocation(path).open(sqliteMigrations: migrations)
    }

    /// Opens the SQLite file at `path` as itself (for what only SQLite does: the online backup).
    public func openSQLiteStore(at path: String) throws -> SQLiteStore {
        var configuration = SQLiteStore.Configuration(path: path)
        configuration.migrations = migrations
        return try SQLiteStore(configuration)
    }

    /// The use cases over the store at `path`, on the wall clock, wired as the portal wires them (tokens, password
    /// hashes, mail texts, the template check), so every use case a command calls works.
    public func openApp(at path: String) throws -> (RepairApp, any SQLStorage) {
        let store = try openStore(at: path)
        return (Portal.makeApp(store: store), store)
    }
}

/// A subcommand of `repairshop`: parsed and validated in `init`, then `run`.
///
/// To add one (e.g. `serve`), write a type conforming to this protocol and pass
/// `CommandRegistry.builtIn + [YourCommand.self]` to `RepairCLI.run`.
public protocol CLICommand {
    /// The words that select it, e.g. `migrate` or `user add`.
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The options it accepts (`--help` is added for every command).
    static var options: [CLIOption] { get }
    /// Names of its positional arguments, e.g. `["NUMBER"]`.
    static var positionalNames: [String] { get }
    /// Hidden commands are left out of `repairshop --help` (test and debug helpers).
    static var isHidden: Bool { get }

    /// Validates parsed arguments; throws `CLIError.usage` naming the bad one.
    init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError)
    /// Does the work; returns the exit code.
    func run(in context: CLIContext) throws -> Int32
}

extension CLICommand {
    public static var positionalNames: [String] { [] }
    public static var isHidden: Bool { false }

    /// The command's `--help` text.
    public static var helpText: String {
        var usage = "repairshop \(name)"
        for positional in positionalNames { usage += " <\(positional)>" }
        for option in options {
            let text = "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
            usage += option.isRequired ? " \(text)" : " [\(text)]"
        }
        let rows =
            options.map { ("--\($0.name)" + ($0.valueName.map { " \($0)" } ?? ""), $0.help) }
            + [("--help", "Show this help")]
        let width = rows.map { $0.0.count }.max() ?? 0
        let lines = rows.map { "  " + $0.0.padding(toLength: width) + "  " + $0.1 }
        return (["OVERVIEW: \(summary)", "", "USAGE: \(usage)", "", "OPTIONS:"] + lines).joined(separator: "\n")
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
