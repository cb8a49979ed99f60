@testable import RepairCLI

extension ServeCommand {
    /// The command `repairshop serve` builds from these arguments and environment, without running it.
    static func parsed(_ tokens: [String], environment: [String: String] = [:]) throws(CLIError) -> ServeCommand {
        let arguments = try ParsedArguments(tokens, options: options, positionalNames: [], command: name)
        return try ServeCommand(arguments: arguments, environment: environment)
    }
}
