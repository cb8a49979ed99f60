import Foundation
import RepairApp
import RepairCore

/// The texts of account mails: plain text in the recipient's language (the shop's default for a new account,
/// which has chosen none), times in the shop's zone; the link is the only way in.
struct AccountMail: Sendable {
    let configuration: PortalConfiguration
    /// The shop's default language and zone, read when a mail is written.
    let shop: @Sendable () -> ShopSettings

    /// Runs `body` with the words of `language` (the shop's default when nil) bound, as a page's are.
    func inLanguage<T>(_ language: String?, _ body: () -> T) -> T {
        let shop = shop()
        let words = PageWords(
            localizer: .of(language ?? shop.language), timeZone: Portal.zone(named: shop.timeZone))
        return PageWords.$current.withValue(words, operation: body)
    }

    /// The confirmation mail of `invite`, for the use cases to enqueue in their transaction.
    func confirmation(_ invite: ConfirmationInvite) -> OutgoingMail {
        makeConfirmationMail(
            for: invite.user, link: confirmationURL(token: invite.token), expiresAt: invite.expiresAt,
            isResend: invite.isResend)
    }

    /// The confirmation mail for `user` carrying `link`, which works until `expiresAt`.
    func makeConfirmationMail(for user: User, link: String, expiresAt: Date, isResend: Bool) -> OutgoingMail {
        inLanguage(nil) {
            let site: ProblemValue = .text(configuration.siteName)
            let intro = isResend ? L("mail.confirm.intro_resend", ["site": site]) : L("mail.confirm.intro", ["site": site])
            let body = """
                \(L("mail.hello", ["name": .text(user.displayName)]))

                \(intro)

                \(L("mail.confirm.open_link"))

                \(link)

                \(L("mail.link_expires", ["time": .text(LocalFormat.dateTime(expiresAt))]))
                \(L("mail.ignore"))

                -- 
                \(configuration.siteName)
                """
            return OutgoingMail(
                recipient: user.email, recipientName: user.displayName, subject: L("mail.confirm.subject", ["site": site]),
                body: body, messageID: makeMessageID(kind: "account"))
        }
    }

    /// The forgot-password mail of `invite`, in the recipient's language, for the use case to enqueue.
    func passwordReset(_ invite: PasswordResetInvite) -> OutgoingMail {
        inLanguage(invite.language) {
            let site: ProblemValue = .text(configuration.siteName)
            let body = """
                \(L("mail.hello", ["name": .text(invite.user.displayName)]))

                \(L("mail.reset.intro", ["site": site]))

                \(siteURL("/password/reset/" + invite.token))

                \(L("mail.link_expires", ["time": .text(LocalFormat.dateTime(invite.expiresAt))]))
                \(L("mail.reset.ignore"))

                -- 
                \(configuration.siteName)
                """
            return OutgoingMail(
                recipient: invite.user.email, recipientName: invite.user.displayName,
                subject: L("mail.reset.subject", ["site": site]), body: body, messageID: makeMessageID(kind: "reset"))
        }
    }

    /// A fresh, globally unique Message-ID on the portal's public host; stored with the row, so stable across resends.
    func makeMessageID(kind: String) -> String {
        let host = URL(string: configuration.publicBaseURL)?.host ?? "repairshop.invalid"
        let safeHost =
            host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") } && !host.isEmpty
        return "\(kind)-\(UUID().uuidString.lowercased())@\(safeHost ? host : "repairshop.invalid")"
    }

    /// The confirmation link for `token`.
    func confirmationURL(token: String) -> String { siteURL("/confirm/" + token) }

    /// `path` on the portal's public base URL.
    func siteURL(_ path: String) -> String {
        var base = configuration.publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
