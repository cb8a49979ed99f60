import Mail
import Testing

@Suite struct RetryScheduleTests {
    @Test(arguments: [
        (1, RetrySchedule.Decision.retry(after: .seconds(60))),
        (2, .retry(after: .seconds(120))),
        (3, .retry(after: .seconds(240))),
        (4, .retry(after: .seconds(480))),
        (5, .retry(after: .seconds(960))),
        (6, .retry(after: .seconds(1920))),
        (7, .retry(after: .seconds(3600))),
        (11, .retry(after: .seconds(3600))),
        (12, .giveUp),
        (13, .giveUp),
        (Int.max, .giveUp),
        (0, .retry(after: .seconds(60))),
        (-5, .retry(after: .seconds(60))),
    ])
    func defaultScheduleTable(attempt: Int, decision: RetrySchedule.Decision) {
        #expect(RetrySchedule.default.decision(afterFailedAttempt: attempt) == decision)
    }

    @Test func permanentFailuresGiveUpAtOnce() {
        let refusal = MailError.permanent(SMTPFailure(step: .recipient, code: 550, reply: "no such user"))
        #expect(RetrySchedule.default.decision(afterFailedAttempt: 1, error: refusal) == .giveUp)
        let busy = MailError.transient(SMTPFailure(step: .connect, code: nil, reply: "refused"))
        #expect(RetrySchedule.default.decision(afterFailedAttempt: 1, error: busy) == .retry(after: .seconds(60)))
    }

    @Test func customScheduleCapsLargeAttemptsWithoutOverflow() {
        let schedule = RetrySchedule(initialDelay: .seconds(1), maximumDelay: .seconds(10), maxAttempts: 1_000_000)
        #expect(schedule.decision(afterFailedAttempt: 3) == .retry(after: .seconds(4)))
        #expect(schedule.decision(afterFailedAttempt: 999_999) == .retry(after: .seconds(10)))
        #expect(RetrySchedule(maxAttempts: 1).decision(afterFailedAttempt: 1) == .giveUp)
    }
}
