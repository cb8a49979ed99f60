import Testing

@testable import RepairCore

@Suite("Name folding")
struct NameFoldingTests {
    @Test(arguments: [
        ("Łukasiewicz", "lukasiewicz"),
        ("ŁUKASIEWICZ", "lukasiewicz"),
        ("LUKASIEWICZ", "lukasiewicz"),
        ("Żółćńśźąę", "zolcnszae"),
        ("Müller", "muller"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Ørsted", "orsted"),
        ("Đoković", "dokovic"),
        ("Ægir", "aegir"),
        ("Œuvre", "oeuvre"),
        ("Iğdır", "igdir"),
        ("Þór", "thor"),
        ("Dvořák", "dvorak"),
        ("Ångström", "angstrom"),
        ("Ёлкин", "елкин"),
        ("ЛУКАШЕВИЧ", "лукашевич"),
        ("Йошкин", "йошкин"),
        ("Андрей", "андрей"),
        ("  de   la\tCruz \n", "de la cruz"),
        ("", ""),
        ("   ", ""),
        ("O'Brien-Smith", "o'brien-smith"),
        ("e\u{301}", "e"),  // already decomposed input
        ("Łuka\u{AD}siewicz", "lukasiewicz"),  // soft hyphen
        ("\u{FEFF}Nowak\u{200B}", "nowak"),  // byte-order mark, zero-width space
        ("Anna\u{00A0}Maria", "anna maria"),  // no-break space counts as space
        ("ﬁ", "ﬁ"),  // compatibility ligatures are left alone: canonical decomposition only
    ])
    func foldTable(input: String, expected: String) {
        #expect(NameFolding.fold(input) == expected)
    }

    @Test func theSpecExample() {
        #expect(NameFolding.matches("Łukasiewicz", "LUKASIEWICZ"))
        #expect(NameFolding.matches("Łukasiewicz", "łukasiewicz"))
        #expect(NameFolding.matches("Łukasiewicz", " lukasiewicz "))
        #expect(!NameFolding.matches("Łukasiewicz", "Lukasiewic"))
        #expect(!NameFolding.matches("Йошкин", "Иошкин"))
    }

    @Test func foldingIsIdempotent() {
        for name in ["Łukasiewicz", "Straße", "Ёлкин", "  Ørsted  Þór "] {
            #expect(NameFolding.fold(NameFolding.fold(name)) == NameFolding.fold(name))
        }
    }
}
