import Foundation
import RepairCore
import Testing

@testable import Localization

@Suite("The localizer fills parameters, picks plural forms and reads catalogue files")
struct LocalizerTests {
    static func localizer(_ language: String, _ json: String) throws -> Localizer {
        Localizer(catalogue: try MessageCatalogue(language: language, json: Data(json.utf8)))
    }

    @Test func fillsNamedParametersAndTerms() throws {
        let localizer = try Self.localizer(
            "en", #"{"problem.not_found": "{entity} {key} not found", "entity.order": "order"}"#)
        #expect(localizer.message(Problem.notFound(.order, key: "RS-1")) == "order RS-1 not found")
        #expect(localizer.text("missing.key") == "missing.key")
    }

    @Test func picksThePluralFormOfItsLanguage() throws {
        let polish = try Self.localizer(
            "pl",
            #"{"days": {"plural": "n", "one": "{n} dzień roboczy", "few": "{n} dni robocze", "many": "{n} dni roboczych"}}"#
        )
        #expect(polish.text("days", ["n": 1]) == "1 dzień roboczy")
        #expect(polish.text("days", ["n": 2]) == "2 dni robocze")
        #expect(polish.text("days", ["n": 5]) == "5 dni roboczych")
        #expect(polish.text("days", ["n": 22]) == "22 dni robocze")
    }

    @Test func validationProblemsNameEveryField() {
        let problem = Problem.validation([
            FieldError(field: "serial", rule: FieldRule(.required)),
            FieldError(field: "note", rule: FieldRule(.tooLong, ["maximum": 5000])),
        ])
        #expect(
            Localizer.english.message(problem)
                == "invalid input: serial: is required; note: must be at most 5000 characters")
        #expect(Localizer.english.text(FieldRule(.tooLong, ["maximum": 1])) == "must be at most 1 character")
    }

    @Test(arguments: [
        #"[1, 2]"#, #"{"a": 1}"#, #"{"a": {"one": "x"}}"#, #"{"a": {"plural": "n", "several": "x"}}"#, "not json",
    ])
    func aBadCatalogueFileIsRefusedWithItsKey(json: String) {
        #expect(throws: (any Error).self) { try MessageCatalogue(language: "en", json: Data(json.utf8)) }
    }

    @Test func theEnglishCatalogueShipsWithTheModule() throws {
        let catalogue = try MessageCatalogue.bundled("en")
        #expect(catalogue.entries["rule.required"] == .text("is required"))
    }
}
