import Foundation
import LabelTemplates
import RepairApp
import RepairCore
import WebSecurity

// The use cases wired as the portal runs them: real tokens and password hashes, the confirmation mail, the label
// template language. The CLI builds its `RepairApp` here too, so no use case it calls is left unconfigured.
extension Portal {
    /// The use cases over `store` with the portal's credentials, mail texts and template check.
    public static func makeApp(
        store: any RepairStorage, configuration: PortalConfiguration = PortalConfiguration(),
        passwords: PasswordHasher = PasswordHasher(), now: @escaping @Sendable () -> Date = { Date() }
    ) -> RepairApp {
        let mail = AccountMail(configuration: configuration) { (try? ShopSettings.read(from: store)) ?? ShopSettings() }
        return RepairApp(
            store: store, now: now, credentials: makeCredentials(passwords: passwords),
            confirmationMail: { mail.confirmation($0) }, templateCheck: templateCheck,
            resetMail: { mail.passwordReset($0) })
    }

    /// Single-use link tokens and API tokens from `SecureToken` (stored as SHA-256), passwords by `passwords`.
    static func makeCredentials(passwords: PasswordHasher) -> AccountCredentials {
        AccountCredentials(
            makeToken: {
                let token = SecureToken.make()
                return (token, SecureToken.storageHash(token))
            },
            hashToken: { SecureToken.isWellFormed($0) ? SecureToken.storageHash($0) : nil },
            hashPassword: { [passwords] in try passwords.hash($0) },
            verifyPassword: { [passwords] in passwords.verify($0, against: $1) })
    }

    /// The template language's rule: a source that does not parse, or names an unknown placeholder, is
    /// `invalid_template` with the language's own description (`detail`, naming file, line and column).
    static let templateCheck = LabelTemplateCheck { fileName, source in
        do {
            _ = try LabelTemplateSet.makeTemplate(
                fileName: fileName, source: source, orderFields: IntakeField.packingListKeys)
        } catch let error as TemplateError {
            throw Problem(
                .invalidTemplate, field: "source",
                parameters: [
                    "detail": .text(error.description), "line": .number(error.line), "column": .number(error.column),
                ])
        }
    }
}
