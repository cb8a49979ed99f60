/// The subcommands `repairshop` knows.
public enum CommandRegistry {
    /// The commands of this module, in the order `--help` lists them.
    public static var builtIn: [any CLICommand.Type] {
        [
            MigrateCommand.self,
            SeedCommand.self,
            UserAddCommand.self,
            UserListCommand.self,
            CustomerAddCommand.self,
            CustomerListCommand.self,
            ShopSettingsCommand.self,
            OrderListCommand.self,
            OrderShowCommand.self,
            OrderMoveCommand.self,
            OrderAssignCommand.self,
            ApproveDraftsCommand.self,
            TemplateListCommand.self,
            TemplateShowCommand.self,
            TemplateSetCommand.self,
            TemplateResetCommand.self,
            ServeCommand.self,
            BackupCommand.self,
            BenchDataCommand.self,
        ]
    }

    /// The command named by the first words of `arguments`, and the rest; longest name wins.
    static func match(
        _ arguments: [String], in commands: [any CLICommand.Type]
    ) -> (command: any CLICommand.Type, rest: [String])? {
        var best: (command: any CLICommand.Type, rest: [String])?
        var bestLength = 0
        for command in commands {
            let words = command.name.split(separator: " ").map(String.init)
            if words.count > bestLength, arguments.count >= words.count, Array(arguments.prefix(words.count)) == words {
                best = (command, Array(arguments.dropFirst(words.count)))
                bestLength = words.count
            }
        }
        return best
    }
}
