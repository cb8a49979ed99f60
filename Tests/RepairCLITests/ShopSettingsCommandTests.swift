import Foundation
import Testing

/// `repairshop shop settings`: the demo data's defaults, a change, and bad values refused with nothing written.
@Suite struct ShopSettingsCommandTests {
    @Test func showsSetsAndRefuses() {
        let database = CLIPaths.makeDatabase()
        #expect(CLIRun(["seed", "--database", database, "--fixtures", CLIPaths.fixtures]).code == 0)
        let shown = CLIRun(["shop", "settings", "--database", database])
        #expect(shown.code == 0 && shown.text == "language\tpl\ntime zone\tEurope/Warsaw")
        let set = CLIRun(["shop", "settings", "--database", database, "--language", "ru"])
        #expect(set.code == 0 && set.text == "language\tru\ntime zone\tEurope/Warsaw")
        let bad = CLIRun(["shop", "settings", "--database", database, "--language", "de", "--time-zone", "Mars/Base"])
        #expect(bad.code != 0)
        #expect(bad.err.joined().contains("invalid_field"))
        #expect(CLIRun(["shop", "settings", "--database", database]).text == "language\tru\ntime zone\tEurope/Warsaw")
    }
}
