extension Portal: PageRendering {
    /// The site layout the pages render in.
    var layout: PageLayout { PageLayout(siteName: configuration.siteName) }
}
