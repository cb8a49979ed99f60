/// When to try a failed mail again: exponential backoff with a cap, then give up (the mail is dead).
public struct RetrySchedule: Sendable, Equatable {
    /// What to do after a failed attempt.
    public enum Decision: Sendable, Equatable {
        case retry(after: Duration)
        case giveUp
    }

    /// Wait after the first failure (default 1 minute); doubles after each further failure.
    public var initialDelay: Duration
    /// Longest wait between attempts (default 1 hour).
    public var maximumDelay: Duration
    /// Attempts in all, the first included; after this many failures the mail is dead (default 12, about 7 hours).
    public var maxAttempts: Int

    public init(initialDelay: Duration = .seconds(60), maximumDelay: Duration = .seconds(3600), maxAttempts: Int = 12) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maxAttempts = maxAttempts
    }

    /// The defaults documented on each field.
    public static let `default` = RetrySchedule()

    /// Decision after failed attempt number `attempt` (1-based); permanent failures are never retried.
    public func decision(afterFailedAttempt attempt: Int, isTransient: Bool = true) -> Decision {
        guard isTransient, attempt < maxAttempts else { return .giveUp }
        var delay = initialDelay
        // Doubling stops at the cap, so large attempt numbers cannot overflow.
        var step = 1
        while step < attempt, delay < maximumDelay {
            delay *= 2
            step += 1
        }
        return .retry(after: min(max(delay, .zero), maximumDelay))
    }

    /// The decision for a mail error: permanent SMTP refusals and invalid messages give up at once.
    public func decision(afterFailedAttempt attempt: Int, error: MailError) -> Decision {
        decision(afterFailedAttempt: attempt, isTransient: error.isTransient)
    }
}
