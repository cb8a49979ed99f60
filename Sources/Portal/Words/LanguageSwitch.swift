import HTMLKit
import HTTPServer
import Localization

/// The visitors' language switch: plain links to `/language/<code>?return=<this page>`, which set a cookie and
/// come back, so it works without JavaScript (`HomeController` answers them).
enum LanguageSwitch {
    /// Each language under its own name, so a visitor who reads none of the others finds theirs.
    static let names = ["en": "English", "pl": "Polski", "ru": "Русский"]

    /// The switch for a page at `request`'s path and query; the current language is marked, not linked.
    static func html(returningTo request: HTTPRequest) -> HTML {
        let back = percentEncodedQueryValue(request.target)
        let current = PageWords.current.language
        let items = MessageCatalogue.bundledLanguages.map { code -> HTML in
            let name = names[code] ?? code
            return code == current
                ? "<strong lang=\"\(code)\" aria-current=\"true\">\(name)</strong>"
                : "<a lang=\"\(code)\" hreflang=\"\(code)\" href=\"/language/\(code)?return=\(back)\">\(name)</a>"
        }
        return """
            <nav class="language-switch" aria-label="\(L("layout.language"))"><p>\(HTML.joined(items, separator: " · "))</p></nav>
            """
    }
}
