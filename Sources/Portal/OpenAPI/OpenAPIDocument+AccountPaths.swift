import RepairCore

extension OpenAPIDocument {
    /// `/api/v1/admin/accounts…`, `/api/v1/confirm/{token}` and `/api/v1/admin/outbox…`.
    static var accountPaths: [String: Any] {
        let account = parameterRef("accountID")
        var paths: [String: Any] = [
            "/api/v1/admin/accounts": [
                "get": operation(
                    "listAccounts", "Customer and reseller accounts, by e-mail (staff accounts are left out).",
                    responses: answers(["200": jsonResponse("The accounts.", array(ref("Account")))], errors: 401, 403)),
                "post": operation(
                    "createAccount", "Creates an invited account for a customer and mails its confirmation link.",
                    description: "The e-mail must be a plain ASCII address not used by another account (else 409); "
                        + "the role must match the customer's reseller flag (422). The account can sign in once the "
                        + "link (valid \(Int(AccountConfirmation.defaultLifetime / 3600)) hours) was used.",
                    body: jsonBody(ref("NewAccountRequest")),
                    responses: answers(
                        [
                            "201": jsonResponse("The invited account.", ref("Account")).merging([
                                "links": links(to: ["resendConfirmation", "disableAccount", "enableAccount"])
                            ]) { $1 }
                        ],
                        errors: 400, 401, 403, 409, 415, 422)),
            ],
            "/api/v1/confirm/{token}": [
                "post": operation(
                    "confirmAccount", "Sets the password of an invited account through its e-mailed link (no token).",
                    description: "Password rules: at least 10 characters, at most 256 bytes, 4 different characters, "
                        + "not containing the e-mail; a failed rule answers 422 naming `password` or "
                        + "`passwordRepeat`. An unknown link answers 404 (`link_unknown`), an expired, replaced or "
                        + "used one 410 (`link_expired`, `link_used`).",
                    parameters: [
                        [
                            "name": "token", "in": "path", "required": true,
                            "description": "The token from the confirmation link /confirm/<token>.",
                            "schema": ["type": "string"],
                        ] as [String: Any]
                    ],
                    body: jsonBody(ref("ConfirmRequest")),
                    responses: answers(
                        [
                            "200": jsonResponse("The confirmed account.", ref("Account")),
                            "404": errorResponse("The link is not valid (`link_unknown`)."),
                        ], errors: 400, 403, 409, 410, 415, 422),
                    isPublic: true)
            ],
            "/api/v1/admin/outbox": [
                "get": operation(
                    "listOutbox", "Outgoing mail, newest first (at most \(OutboxController.pageSize)).",
                    responses: answers(
                        [
                            "200": jsonResponse("The mails.", array(ref("OutboxEntry"))).merging([
                                "links": links(to: ["retryOutboxEntry"], from: "$response.body#/0/id")
                            ]) { $1 }
                        ], errors: 401, 403)
                )
            ],
            "/api/v1/admin/outbox/{id}/retry": [
                "post": operation(
                    "retryOutboxEntry", "Gives a mail that was given up on (state dead) another chance; no body.",
                    description: "Any other mail answers 409 `not_dead`.", parameters: [parameterRef("mailID")],
                    responses: answers(
                        ["200": jsonResponse("The mail, pending again.", ref("OutboxEntry"))],
                        errors: 401, 403, 404, 409))
            ],
        ]
        let actions = [
            (
                "resend", "resendConfirmation",
                "Mails a new confirmation link to an invited account; older links stop working.",
                "An active or disabled account answers 409."
            ),
            (
                "disable", "disableAccount",
                "Disables an account: it can no longer sign in, its API tokens stop working.",
                "An already disabled account answers 409; an admin's own account 403."
            ),
            (
                "enable", "enableAccount", "Enables a disabled account again.",
                "An account that is not disabled answers 409."
            ),
        ]
        for (action, id, summary, description) in actions {
            paths["/api/v1/admin/accounts/{id}/\(action)"] = [
                "post": operation(
                    id, summary, description: description + " No body; the change is written to the audit log.",
                    parameters: [account],
                    responses: answers(
                        ["200": jsonResponse("The account as it is now.", ref("Account"))], errors: 401, 403, 404, 409))
            ]
        }
        return paths
    }

    /// What `AccountRequest.emailRule` accepts: ASCII local part and dotted domain, no empty or leading/trailing dot parts.
    static let plainEmailPattern =
        "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"

    /// The bodies of the account and outbox paths.
    static var accountSchemas: [String: Any] {
        [
            "Account": object(
                [
                    "id": integer, "email": string, "displayName": string,
                    "role": ["type": "string", "enum": User.Role.allCases.map(\.rawValue)],
                    "customerID": ["type": "integer", "format": "int64", "description": "Absent for staff accounts."],
                    "state": ["type": "string", "enum": AccountState.allCases.map(\.rawValue)],
                ], optional: ["customerID"]),
            "NewAccountRequest": object(
                [
                    "customerID": [
                        "type": "integer", "format": "int64", "description": "An existing customer (else 422).",
                    ],
                    "email": [
                        "type": "string", "maxLength": AccountRequest.maxEmailLength, "pattern": plainEmailPattern,
                        "description": "A plain ASCII address, name@example.com; unused by other accounts (else 409).",
                    ] as [String: Any],
                    "displayName": [
                        "type": "string", "minLength": 1, "maxLength": AccountRequest.maxDisplayNameLength,
                        "pattern": "^[^\\u0000-\\u001F\\u007F]*\\S[^\\u0000-\\u001F\\u007F]*$",
                        "description": "The person's name: no control characters; spaces around it are trimmed.",
                    ] as [String: Any],
                    "role": [
                        "type": "string", "enum": ["", "customer", "reseller"],
                        "description":
                            "Must match the customer's reseller flag; empty or absent picks the matching one.",
                    ] as [String: Any],
                ], optional: ["role"]),
            "ConfirmRequest": object([
                "password": [
                    "type": "string", "minLength": PasswordPolicy.default.minimumLength,
                    "description": "At least 10 characters (4 different), at most 256 bytes.",
                ] as [String: Any],
                "passwordRepeat": ["type": "string", "description": "The same password again."],
            ]),
            "OutboxEntry": object(
                [
                    "id": integer, "messageID": string, "recipient": string, "subject": string,
                    "state": ["type": "string", "enum": ["pending", "sent", "dead"]],
                    "attempts": ["type": "integer", "description": "Failed attempts so far."],
                    "createdAt": dateTime, "nextAttemptAt": dateTime,
                    "sentAt": ["type": "string", "format": "date-time", "description": "Absent until sent."],
                    "lastError": string,
                ], optional: ["sentAt"]),
        ]
    }
}
