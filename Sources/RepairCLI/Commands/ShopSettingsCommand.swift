import RepairCore
import RepairStore

/// `repairshop shop settings`: shows or sets the shop's default language and time zone (a running server reads
/// them at its first request, so restart it after a change).
public struct ShopSettingsCommand: CLICommand {
    public static let name = "shop settings"
    public static let summary = "Show or set the shop's default language and time zone"
    public static let options: [CLIOption] = [
        .database,
        CLIOption("language", value: "CODE", help: "Default interface language: en, pl or ru"),
        CLIOption("time-zone", value: "ZONE", help: "The shop's IANA time zone, e.g. Europe/Warsaw"),
    ]

    let databasePath: String
    let language: String?
    let timeZone: String?

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        language = arguments.values["language"]
        timeZone = arguments.values["time-zone"]
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let store = try context.openStore(at: databasePath)
        var settings = try ShopSettings.read(from: store)
        if language != nil || timeZone != nil {
            settings = try ShopSettings.validated(language: language, timeZone: timeZone, current: settings)
            try store.setShopSetting(ShopSettings.languageKey, settings.language)
            try store.setShopSetting(ShopSettings.timeZoneKey, settings.timeZone)
        }
        context.output.standardOutput("language\t\(settings.language)\ntime zone\t\(settings.timeZone)")
        return 0
    }
}
