import Testing

@testable import Localization

@Suite("CLDR plural categories for whole numbers")
struct PluralCategoryTests {
    // Issue #13's examples: 1 dzień roboczy, 2 dni robocze, 5 dni roboczych, 22 dni robocze.
    @Test(arguments: [
        (1, PluralCategory.one), (2, .few), (4, .few), (5, .many), (11, .many), (12, .many), (14, .many),
        (21, .many), (22, .few), (24, .few), (25, .many), (102, .few), (112, .many), (0, .many),
    ])
    func polish(n: Int, expected: PluralCategory) {
        #expect(PluralCategory.of(n, language: "pl") == expected)
    }

    // 1 рабочий день, 2 рабочих дня, 5 рабочих дней, 21 рабочий день.
    @Test(arguments: [
        (1, PluralCategory.one), (2, .few), (5, .many), (11, .many), (12, .many), (21, .one), (22, .few),
        (101, .one), (111, .many), (0, .many),
    ])
    func russian(n: Int, expected: PluralCategory) {
        #expect(PluralCategory.of(n, language: "ru") == expected)
    }

    @Test func english() {
        #expect(PluralCategory.of(1, language: "en") == .one)
        #expect(PluralCategory.of(0, language: "en") == .other)
        #expect(PluralCategory.of(2, language: "en") == .other)
    }
}
