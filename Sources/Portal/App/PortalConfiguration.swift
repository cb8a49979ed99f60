import Foundation
import WebSecurity

/// Portal settings, each with a documented default; `repairshop serve` sets them from flags and environment.
public struct PortalConfiguration: Sendable {
    /// Shown in the page header and titles (default `repairshop`).
    public var siteName = "repairshop"
    /// Base URL used in links that leave the site, e.g. in e-mails (default `http://127.0.0.1:8080`).
    public var publicBaseURL = "http://127.0.0.1:8080"
    /// Marks cookies `Secure`; turn on behind HTTPS (default off, so the demo works on plain HTTP).
    public var isCookieSecure = false
    /// How long a sign-in lasts (default 12 hours).
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// Whether guessing and login limits apply (default on; off only for benchmarks).
    public var isRateLimited = true
    /// Failed sign-ins allowed per account and per client address.
    public var loginThrottle = LoginThrottle.Configuration()
    /// Tracking look-ups per client address: 10 at once, then one every 6 s.
    public var trackingPerAddress = RateLimitPolicy(burst: 10, refillInterval: 6)
    /// Failed tracking guesses per order number from one client address: 5 at once, then one a minute.
    public var trackingFailuresPerNumberAndAddress = RateLimitPolicy(burst: 5, refillInterval: 60)
    /// Failed tracking guesses per order number from all addresses before the number is "under attack":
    /// 30 at once, then one a minute. Past it, only an address with no recent failure on that number may try
    /// (once); the owner is never locked out by others' guesses. See `Sources/Portal/README.md`.
    public var trackingFailuresPerNumber = RateLimitPolicy(burst: 30, refillInterval: 60)
    /// Forgot-password requests per typed e-mail address: 3 at once, then one every 10 minutes (the use case
    /// also sends one account at most `PasswordReset.maxPerAccount` links an hour).
    public var passwordResetsPerAddress = RateLimitPolicy(burst: 3, refillInterval: 600)
    /// Largest form or JSON body accepted by ordinary routes (default 64 KiB).
    public var maxFormBytes = 64 * 1024

    /// The defaults.
    public init() {}
}
