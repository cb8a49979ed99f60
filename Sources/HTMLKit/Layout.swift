/// The frame of every page: doctype, viewport, title, navigation, flash message, main content and footer.
public struct Layout: Sendable {
    /// Name shown in the header and after each page title.
    public var siteName: String
    /// Path of the one stylesheet.
    public var stylesheetPath: String
    /// Links in the navigation bar, in order.
    public var links: [NavigationLink]
    /// The signed-in user's display name; nil shows a sign-in link instead.
    public var userName: String?
    /// Form token for the sign-out button (sign-out is a POST, so a link cannot sign anyone out).
    public var csrfToken: String?
    /// Where the sign-in link goes.
    public var signInPath: String
    /// Where the sign-out form posts.
    public var signOutPath: String
    /// Text in the footer.
    public var footerText: String
    /// Value of `<html lang>`.
    public var language: String
    /// The words of the frame itself, in the page's language.
    public var texts = Texts()
    /// Shown at the end of the footer, e.g. a language switch; empty by default.
    public var footerExtra: HTML = .empty

    /// The frame's own words: the account links and the navigation's name for screen readers.
    public struct Texts: Sendable {
        public var signIn = "Sign in"
        public var signOut = "Sign out"
        public var mainNavigation = "Main"

        /// The English words.
        public init() {}

        /// These words.
        public init(signIn: String, signOut: String, mainNavigation: String) {
            self.signIn = signIn
            self.signOut = signOut
            self.mainNavigation = mainNavigation
        }
    }

    /// A layout; only the links and the user vary between pages of one request.
    public init(
        siteName: String = "repairshop",
        stylesheetPath: String = "/static/style.css",
        links: [NavigationLink] = [],
        userName: String? = nil,
        csrfToken: String? = nil,
        signInPath: String = "/login",
        signOutPath: String = "/logout",
        footerText: String = "repairshop — service orders and shipments",
        language: String = "en"
    ) {
        self.siteName = siteName
        self.stylesheetPath = stylesheetPath
        self.links = links
        self.userName = userName
        self.csrfToken = csrfToken
        self.signInPath = signInPath
        self.signOutPath = signOutPath
        self.footerText = footerText
        self.language = language
    }

    /// A whole page titled `title` with `content` in `<main>`, and `flash` above it when given.
    public func render(title: String, flash: Flash? = nil, content: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(siteName)</title>
        <link rel="stylesheet" href="\(HTML.safeURL(stylesheetPath))">
        </head>
        <body>
        <header class="site-header">
        <a class="site-name" href="/">\(siteName)</a>
        \(navigation)\(account)
        </header>
        <main id="main">
        <h1>\(title)</h1>
        \(flash?.html ?? .empty)
        \(content)
        </main>
        <footer class="site-footer"><p>\(footerText)</p>\(footerExtra)</footer>
        </body>
        </html>

        """
    }

    private var navigation: HTML {
        let items = links.map { link -> HTML in
            let current: HTML = link.isCurrent ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(HTML.safeURL(link.path))\"\(current)>\(link.title)</a></li>"
        }
        return """
            <nav aria-label="\(texts.mainNavigation)"><ul>\(items)</ul></nav>
            """
    }

    private var account: HTML {
        guard let userName else {
            return "<p class=\"account\"><a href=\"\(HTML.safeURL(signInPath))\">\(texts.signIn)</a></p>"
        }
        let signOut: HTML =
            if let csrfToken {
                """
                <form class="sign-out" method="post" action="\(HTML.safeURL(signOutPath))">\
                \(Form.csrfField(csrfToken))<button type="submit" class="link-button">\(texts.signOut)</button></form>
                """
            } else {
                .empty
            }
        return "<div class=\"account\"><span class=\"user-name\">\(userName)</span>\(signOut)</div>"
    }
}
