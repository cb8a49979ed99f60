import Foundation
import Testing

@testable import Portal

/// Layout measured in a real headless Chromium over the real server, every role's pages: assertions on
/// boxes instead of golden screenshots (issue #12, "Layout assertions").
@Suite("Layout in a headless browser", .serialized)
struct LayoutBrowserTests {
    /// Highest the header may be on a phone, in CSS pixels (it was 145–165 before issue #12).
    static let phoneHeaderBound = 100.0
    /// Smallest height of anything tapped on a phone, in CSS pixels (WCAG 2.5.5's 44 px).
    static let touchTarget = 44.0
    /// What is tapped: buttons, fields, navigation and links in table cards; links inside running text are
    /// exempt (WCAG 2.5.8); radios and checkboxes count through their label, or themselves in a table card.
    static let tappable = """
        button, .button, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea,
        .site-header a, td a, td input, label.choice, .pager a, ol.steps a
        """

    /// Each role's pages (anonymous first): every data page, form and list a person of that role opens.
    static let pages: [(account: PortalHarness.Account?, paths: [String])] = [
        (nil, ["/login", "/track", "/track?number=RS-7K2M-9QXD&surname=%C5%81ukasiewicz"]),
        (.customer, ["/orders", "/orders/new", "/orders/RS-7K2M-9QXD", "/account/tokens"]),
        (.reseller, ["/orders", "/shipments"]),
        (.agent, ["/staff/orders", "/staff/orders/RS-7K2M-9QXD"]),
        (
            .admin,
            [
                "/admin", "/admin/accounts", "/admin/audit", "/admin/customers", "/admin/locations", "/admin/methods",
                "/admin/models", "/admin/outbox", "/admin/tasks", "/admin/templates",
            ]
        ),
    ]

    static func signIn(_ browser: WebDriver, _ account: PortalHarness.Account, base: String) async throws {
        try await browser.navigate(to: base + "/login")
        try await browser.element("#field-email").sendKeys(account.rawValue)
        try await browser.element("#field-password").sendKeys(account.password)
        try await browser.submitMainForm()
        try await browser.waitForElement(".sign-out")
    }

    @Test(.enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason), .timeLimit(.minutes(5)))
    func phonePagesFitTheScreenWithLargeTargetsAndACompactHeader() async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        let harness = try PortalHarness()
        let base = "http://127.0.0.1:\(harness.port)"
        for (account, paths) in Self.pages {
            try await WebDriver.withBrowser { browser in
                if let account { try await Self.signIn(browser, account, base: base) }
                for path in paths {
                    try await browser.navigate(to: base + path)
                    let who = "\(account?.rawValue ?? "anonymous") \(path)"
                    let widths = try #require(
                        try await browser.execute(
                            "return [document.documentElement.scrollWidth, window.innerWidth]") as? [Double])
                    #expect(widths[0] <= widths[1], "\(who): scrolls sideways (\(widths[0]) > \(widths[1]))")
                    let header = try #require(
                        try await browser.execute("return document.querySelector('header').offsetHeight") as? Double)
                    #expect(header <= Self.phoneHeaderBound, "\(who): header \(header) px high")
                    let small = try #require(
                        try await browser.execute(
                            """
                            return [...document.querySelectorAll(arguments[0])]
                              .filter(e => e.getClientRects().length > 0)
                              .filter(e => e.getBoundingClientRect().height < arguments[1] - 0.5)
                              .map(e => e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 30) + ' '
                                + Math.round(e.getBoundingClientRect().height) + 'px')
                            """, [Self.tappable, Self.touchTarget]) as? [String])
                    #expect(small.isEmpty, "\(who): targets under \(Self.touchTarget) px: \(small)")
                    // No card on a phone shows a label with nothing under it.
                    let emptyLabels = try #require(
                        try await browser.execute(
                            """
                            return [...document.querySelectorAll('table.data td')]
                              .filter(td => td.textContent.trim() === '' && td.children.length === 0)
                              .filter(td => getComputedStyle(td).display !== 'none')
                              .map(td => td.dataset.label)
                            """) as? [String])
                    #expect(emptyLabels.isEmpty, "\(who): empty card fields \(emptyLabels)")
                }
            }
        }
    }

    @Test(.enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason), .timeLimit(.minutes(2)))
    func aQueueEntryTakesLessThanAThirdOfAPhoneScreen() async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        let harness = try PortalHarness()
        let base = "http://127.0.0.1:\(harness.port)"
        try await WebDriver.withBrowser { browser in
            try await Self.signIn(browser, .agent, base: base)
            try await browser.navigate(to: base + "/staff/orders")
            let heights = try #require(
                try await browser.execute(
                    "return [...document.querySelectorAll('table.data tbody tr')].map(r => r.getBoundingClientRect().height)")
                    as? [Double])
            #expect(!heights.isEmpty)
            for height in heights {
                #expect(height < Double(WebDriver.phoneWindow.height) / 3, "a queue entry is \(height) px high")
            }
            try await browser.saveScreenshot("layout-queue-phone")
        }
    }

    @Test(.enabled(if: BrowserEnvironment.shouldRun, BrowserEnvironment.disabledReason), .timeLimit(.minutes(3)))
    func desktopDataPagesUseTheWidthAndKeepNumbersOnOneLine() async throws {
        try #require(BrowserEnvironment.isInstalled, "CI=true but chromium or chromedriver is not installed")
        let harness = try PortalHarness()
        let base = "http://127.0.0.1:\(harness.port)"
        let pages: [(PortalHarness.Account, String)] = [
            (.customer, "/orders?filter=all"), (.agent, "/staff/orders?status=all"), (.reseller, "/shipments"),
        ]
        for (account, path) in pages {
            try await WebDriver.withBrowser(viewport: .desktop) { browser in
                try await Self.signIn(browser, account, base: base)
                try await browser.navigate(to: base + path)
                let header = try #require(
                    try await browser.execute("return document.querySelector('header').offsetHeight") as? Double)
                // One row: the header is no higher than its tallest item, a navigation link.
                #expect(header < 2 * Self.touchTarget, "\(path): header \(header) px high")
                let table = try #require(
                    try await browser.execute("return document.querySelector('table.data').offsetWidth") as? Double)
                #expect(table > 1100, "\(path): the table is \(table) px wide at \(WebDriver.desktopWindow.width)")
                // Each one-line cell's text has a single line box: every client rect of its text at one top.
                let lineCounts = try #require(
                    try await browser.execute(
                        """
                        return [...document.querySelectorAll('td.nowrap')].map(td => {
                          const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT), tops = new Set();
                          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                            if (node.textContent.trim() === '') continue;
                            const range = document.createRange(); range.selectNodeContents(node);
                            for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
                          }
                          return [td.textContent.trim(), tops.size];
                        })
                        """) as? [[Any]])
                #expect(!lineCounts.isEmpty, "\(path) has no one-line column")
                for cell in lineCounts {
                    #expect(cell[1] as? Int == 1, "\(path): \(cell[0]) spans \(cell[1]) lines")
                }
                try await browser.saveScreenshot("layout-desktop-\(account)")
            }
        }
    }
}
