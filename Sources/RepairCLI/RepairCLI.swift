import Localization
import Portal
import RepairCore
import RepairStore

/// The `repairshop` command line: finds the subcommand, parses, validates and runs it.
public enum RepairCLI {
    /// Runs the command line `arguments` (without the program name); returns the exit code.
    ///
    /// Usage errors print one line on standard error and return 2; failures return 1.
    public static func run(
        _ arguments: [String], environment: [String: String], output: CLIOutput,
        commands: [any CLICommand.Type] = CommandRegistry.builtIn, migrations: [Migration] = Portal.migrations
    ) -> Int32 {
        if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            output.standardOutput(helpText(commands))
            return 0
        }
        guard let (command, rest) = CommandRegistry.match(arguments, in: commands) else {
            output.standardError("error: unknown command '\(arguments[0])' (see 'repairshop --help')")
            return 2
        }
        if rest.contains("--help") || rest.contains("-h") {
            output.standardOutput(command.helpText)
            return 0
        }
        do {
            let parsed = try ParsedArguments(
                rest, options: command.options, positionalNames: command.positionalNames, command: command.name)
            let instance = try command.init(arguments: parsed, environment: environment)
            return try instance.run(in: CLIContext(output: output, migrations: migrations))
        } catch let error as CLIError {
            let hint = error.exitCode == 2 ? " (see 'repairshop \(command.name) --help')" : ""
            output.standardError("error: \(error)\(hint)")
            return error.exitCode
        } catch let error as Problem {
            // The problem's stable code first, as the API's `error` field carries it.
            output.standardError(
                "error [\(error.code)]: \(Localizer.english.message(error).replacing("\n", with: " "))")
            return 1
        } catch {
            output.standardError("error: \(String(describing: error).replacing("\n", with: " "))")
            return 1
        }
    }

    /// The top-level `--help` text, listing every visible command.
    public static func helpText(_ commands: [any CLICommand.Type] = CommandRegistry.builtIn) -> String {
        let visible = commands.filter { !$0.isHidden }
        let width = visible.map { $0.name.count }.max() ?? 0
        let lines = visible.map { "  " + $0.name.padding(toLength: width) + "  " + $0.summary }
        return
            ([
                "OVERVIEW: repairshop - service orders and shipments for repair shops", "",
                "USAGE: repairshop <command> [options]", "", "COMMANDS:",
            ] + lines + [
                "", "Run 'repairshop <command> --help' for a command's options.",
            ]).joined(separator: "\n")
    }
}
