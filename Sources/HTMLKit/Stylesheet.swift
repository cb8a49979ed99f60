/// The portal's one stylesheet, served at `/static/style.css`: mobile first, system fonts, no JavaScript.
///
/// The design is described in `Sources/HTMLKit/README.md`: one accent colour (`--accent`, the only value a
/// shop setting would need to change), a calm neutral palette, a type scale of five steps, and components
/// (buttons, fields, flash messages, cards, badges, progress line, timeline) that read in greyscale too.
public enum Stylesheet {
    /// Content type to serve it with.
    public static let contentType = "text/css; charset=utf-8"

    /// The stylesheet text: tokens, base, header, forms, buttons, components, data pages, phone rules.
    public static let css = tokens + base + header + forms + buttons + components + dataPages + phone
}
