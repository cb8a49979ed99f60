/// One `--name [VALUE]` option a command accepts.
public struct CLIOption: Sendable, Hashable {
    /// The name without dashes, e.g. `database`.
    public var name: String
    /// The placeholder of its value (`PATH`), or nil for a flag.
    public var valueName: String?
    /// Whether the command refuses to run without it.
    public var isRequired: Bool
    /// One line for the help text.
    public var help: String

    /// Makes an option.
    public init(_ name: String, value valueName: String? = nil, isRequired: Bool = false, help: String) {
        self.name = name
        self.valueName = valueName
        self.isRequired = isRequired
        self.help = help
    }

    /// `--database PATH`, shared by every command that opens the store.
    public static let database = CLIOption(
        "database", value: "PATH", help: "SQLite file (default: $REPAIRSHOP_DATABASE, else repairshop.sqlite)")
}

/// A command's arguments after parsing against its options: values by name, flags, positionals.
public struct ParsedArguments: Sendable, Hashable {
    public var values: [String: String] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    /// Parses `tokens` (`--name value`, `--name=value`, `--flag`, positionals) for `command`.
    public init(_ tokens: [String], options: [CLIOption], positionalNames: [String], command: String) throws(CLIError) {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.hasPrefix("--"), token.count > 2 else {
                guard positionals.count < positionalNames.count else {
                    throw .usage("unexpected argument '\(token)' for '\(command)'")
                }
                positionals.append(token)
                continue
            }
            var name = String(token.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw .usage("unknown option '--\(name)' for '\(command)'")
            }
            guard option.valueName != nil else {
                guard inlineValue == nil else { throw .usage("option '--\(name)' takes no value") }
                flags.insert(name)
                continue
            }
            if let inlineValue {
                values[name] = inlineValue
            } else {
                guard index < tokens.count, !tokens[index].hasPrefix("--") else {
                    throw .usage("option '--\(name)' needs a value \(option.valueName ?? "")")
                }
                values[name] = tokens[index]
                index += 1
            }
        }
        for option in options where option.isRequired && values[option.name] == nil {
            throw .usage("missing option '--\(option.name)' for '\(command)'")
        }
        if positionals.count < positionalNames.count {
            throw .usage("missing argument \(positionalNames[positionals.count]) for '\(command)'")
        }
    }

    /// The database path: `--database`, else `REPAIRSHOP_DATABASE`, else `repairshop.sqlite`.
    public func databasePath(environment: [String: String]) -> String {
        values["database"] ?? environment["REPAIRSHOP_DATABASE"] ?? CLIDefaults.databasePath
    }
}

/// Defaults of the command-line tool.
public enum CLIDefaults {
    /// The database file when neither `--database` nor `REPAIRSHOP_DATABASE` is given.
    public static let databasePath = "repairshop.sqlite"
    /// The fixtures folder when neither `--fixtures` nor `REPAIRSHOP_FIXTURES` is given.
    public static let fixturesPath = "Fixtures"
}
