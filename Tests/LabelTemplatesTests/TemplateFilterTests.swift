import LabelTemplates
import Testing

@Suite struct TemplateFilterTests {
    @Test(arguments: [
        (TemplateFilter.pad(6), "Żółć", "Żółć  "),
        (.pad(2), "Иванов", "Иванов"),
        (.right(6), "Łódź", "  Łódź"),
        (.truncate(5), "Łukasiewicz", "Łuka…"),
        (.truncate(11), "Łukasiewicz", "Łukasiewicz"),
        (.truncate(4), "ab cd", "ab…"),
        (.truncate(1), "Иванов", "…"),
        (.upper, "żółć иванов", "ŻÓŁĆ ИВАНОВ"),
        (.zpl, "a^b~c_d\u{1}", "a_5Eb_7Ec_5Fd_01"),
    ])
    func filterTable(filter: TemplateFilter, input: String, output: String) {
        #expect(filter.apply(input) == output)
    }

    @Test func truncateNeverSplitsAGraphemeCluster() {
        // "Z" + combining dot above is one letter (Ż) in two scalars; the flag is one cluster of two scalars.
        let decomposed = "Z\u{307}o\u{301}\u{142}c\u{301}🇵🇱🇵🇱"
        #expect(decomposed.count == 6)
        let cut = TemplateFilter.truncate(3).apply(decomposed)
        #expect(cut == "Z\u{307}o\u{301}…")
        #expect(TemplateFilter.truncate(6).apply(decomposed) == decomposed)
        #expect(TemplateFilter.truncate(5).apply(decomposed).unicodeScalars.suffix(2).first == "\u{301}")
    }

    @Test func padCountsCombiningLettersAsOneColumn() {
        #expect(TemplateFilter.pad(4).apply("Z\u{307}e").count == 4)
        #expect(TemplateFilter.pad(4).apply("Z\u{307}e") == "Z\u{307}e  ")
    }
}
