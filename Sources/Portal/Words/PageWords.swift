import Foundation
import Localization
import RepairCore

/// The language and time zone the words of one request are written in: the request context's, made once in
/// `Portal.makeContext`, and bound for the handler's run so views read it without each passing it on.
///
/// This is the portal's one ambient value besides `TurnSnapshot`: a page is a tree of small views, and threading
/// the localizer through each of their initialisers would touch every one of them for no decision of their own.
struct PageWords: Sendable {
    /// Puts keys and problems into words.
    let localizer: Localizer
    /// The zone dates and times are shown in.
    let timeZone: TimeZone

    /// The language's code (`en`, `pl`, `ru`).
    var language: String { localizer.language }

    /// The words of the request being answered; English and UTC outside one (tests of single views).
    @TaskLocal static var current = PageWords(localizer: .english, timeZone: TimeZone(identifier: "UTC") ?? .gmt)
}

/// The words of catalogue `key` in the current request's language, with `parameters` filled in.
///
/// Every page string goes through here (or through `Localizer` directly): `CatalogueCompletenessTests` reads the
/// literal keys of these calls from the sources to check that each has words in every language.
func L(_ key: String, _ parameters: [String: ProblemValue] = [:]) -> String {
    PageWords.current.localizer.text(key, parameters)
}
