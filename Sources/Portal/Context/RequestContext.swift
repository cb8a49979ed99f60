import Foundation
import HTTPServer
import Localization

/// One request as the portal's handlers see it, resolved once before the handler runs (`Portal.makeContext`):
/// the request, who asks, in which language and time zone, and the words for that language.
///
/// Handlers, pages and the error rendering read the viewer from here; nothing looks it up a second time.
public struct RequestContext: Sendable {
    /// The request as the HTTP module parsed it.
    public let request: HTTPRequest
    /// The signed-in user; nil when anonymous, when the credentials were refused, or when the route looks nobody up.
    public let viewer: Viewer?
    /// Why the request's credentials were refused (a malformed or unknown bearer token); nil when they were not.
    let refusal: (any Error)?
    /// The language of the answer's words (a catalogue name, e.g. `en`).
    public let locale: String
    /// The time zone dates are shown in.
    public let timeZone: TimeZone
    /// Puts problems and messages into words in `locale`.
    public let localizer: Localizer

    /// The CSRF token this request's forms must carry: the session's; nil when anonymous or with an API token.
    public var csrfToken: String? { viewer?.csrfToken }
}

extension RequestContext {
    /// The words and zone the pages of this request are written in.
    var words: PageWords { PageWords(localizer: localizer, timeZone: timeZone) }
}
