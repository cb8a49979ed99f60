import Portal
import RepairStore
import Testing

@testable import RepairCLI

struct CLITests {
    @Test func rootHelpListsVisibleCommands() {
        for arguments in [[], ["--help"], ["help"]] {
            let run = CLIRun(arguments)
            #expect(run.code == 0)
            #expect(
                run.text == """
                    OVERVIEW: repairshop - service orders and shipments for repair shops

                    USAGE: repairshop <command> [options]

                    COMMANDS:
                      migrate         Apply pending database migrations
                      seed            Load the demo fixtures into an empty database
                      user add        Create a user account
                      user list       List user accounts
                      customer add    Create a customer
                      customer list   List customers
                      shop settings   Show or set the shop's default language and time zone
                      order list      List orders by status or customer
                      order show      Show an order and its history
                      order move      Change an order's status (staff)
                      order assign    Set an order's service agent (staff)
                      template list   List the packing-list and label templates and their state
                      template show   Print the template in use
                      template set    Replace a template with a validated file (stored in the database)
                      template reset  Go back to the template file in Labels/
                      serve           Run the web portal and the JSON API
                      backup          Copy the database to a new file while the server runs

                    Run 'repairshop <command> --help' for a command's options.
                    """)
        }
    }

    @Test func commandHelpIsExact() {
        let run = CLIRun(["seed", "--help"])
        #expect(run.code == 0)
        #expect(
            run.text == """
                OVERVIEW: Load the demo fixtures into an empty database

                USAGE: repairshop seed [--database PATH] [--fixtures DIR]

                OPTIONS:
                  --database PATH  SQLite file (default: $REPAIRSHOP_DATABASE, else repairshop.sqlite)
                  --fixtures DIR   Folder holding demo.json (default: $REPAIRSHOP_FIXTURES, else Fixtures)
                  --help           Show this help
                """)
        #expect(
            CLIRun(["order", "show", "--help"]).text.hasPrefix(
                "OVERVIEW: Show an order and its history\n\nUSAGE: repairshop order show <NUMBER> [--database PATH]"))
        for command in CommandRegistry.builtIn {
            let words = command.name.split(separator: " ").map(String.init)
            #expect(CLIRun(words + ["--help"]).text == command.helpText)
        }
    }

    @Test(arguments: [
        (["frobnicate"], "error: unknown command 'frobnicate' (see 'repairshop --help')"),
        (["user"], "error: unknown command 'user' (see 'repairshop --help')"),
        (["migrate", "--bogus"], "error: unknown option '--bogus' for 'migrate' (see 'repairshop migrate --help')"),
        (["migrate", "--database"], "error: option '--database' needs a value PATH (see 'repairshop migrate --help')"),
        (["migrate", "extra"], "error: unexpected argument 'extra' for 'migrate' (see 'repairshop migrate --help')"),
        (["order", "show"], "error: missing argument NUMBER for 'order show' (see 'repairshop order show --help')"),
        (
            ["order", "show", "RS-UUUU-0000"],
            "error: 'RS-UUUU-0000' is not an order number like RS-7K2M-9QXD (see 'repairshop order show --help')"
        ),
        (
            ["user", "add", "--email", "a@b.pl", "--name", "A", "--role", "boss", "--password-hash", "$y$x"],
            "error: --role must be customer, reseller, agent or admin (see 'repairshop user add --help')"
        ),
        (
            ["user", "add", "--email", "a@b.pl", "--name", "A", "--role", "agent"],
            "error: missing option '--password-hash' for 'user add' (see 'repairshop user add --help')"
        ),
        (
            ["user", "list", "--database=x", "--confirmed"],
            "error: unknown option '--confirmed' for 'user list' (see 'repairshop user list --help')"
        ),
    ])
    func badArgumentsGiveOneLineAndExitTwo(arguments: [String], message: String) {
        let run = CLIRun(arguments)
        #expect(run.code == 2)
        #expect(run.err == [message])
        #expect(run.out.isEmpty)
    }

    @Test func migrateSeedAndShowAnOrder() {
        let path = CLIPaths.makeDatabase()
        // By default the CLI applies the store's and the portal's migrations, in that order.
        #expect(CLIRun(["migrate", "--database", path]).out == Portal.migrations.map { "applied \($0.name)" })
        #expect(CLIRun(["migrate"], environment: ["REPAIRSHOP_DATABASE": path]).out == ["\(path) is up to date"])
        let seed = CLIRun(["seed", "--database=\(path)", "--fixtures", CLIPaths.fixtures])
        #expect(seed.code == 0)
        #expect(seed.out == ["seeded \(path): 3 customers, 5 users, 3 locations, 9 orders"])
        let again = CLIRun(["seed", "--database", path, "--fixtures", CLIPaths.fixtures])
        #expect(again.code == 1)
        #expect(again.err == ["error: \(path) already holds data; seed an empty database"])

        let show = CLIRun(["order", "show", "rs 7k2m 9qxd"], environment: ["REPAIRSHOP_DATABASE": path])
        #expect(show.code == 0)
        #expect(
            show.text == """
                Order     RS-7K2M-9QXD
                Status    in_repair
                Customer  Jan Łukasiewicz
                Device    Apple iPhone 13, serial 356789104523871
                Fault     Cracked screen, touch does not respond in the lower half.
                Location  Warszawa Centrum (expected turnaround: 5 working days)
                Shipping  Courier (DPD)
                Contact   Jan Łukasiewicz, customer@example.com, +48 600 100 200
                Agent     Paweł Zieliński
                Answers
                  Is the device still under warranty?: yes
                  Screen lock code (or "none"): none
                History
                  2026-11-02T09:15:00Z  -> in_repair  internal  seeded
                """)
        let missing = CLIRun(["order", "show", "RS-0000-0000", "--database", path])
        #expect(missing.code == 1)
        #expect(missing.err == ["error: order RS-0000-0000 not found"])
    }

    @Test func addAndListUsers() {
        let path = CLIPaths.makeDatabase()
        #expect(CLIRun(["seed", "--database", path, "--fixtures", CLIPaths.fixtures]).code == 0)
        let assign = CLIRun(
            ["order", "assign", "RS-9PWX-6T1C", "--agent", "admin@example.com", "--by", "agent@example.com"],
            environment: ["REPAIRSHOP_DATABASE": path])
        #expect(assign.out == ["RS-9PWX-6T1C: agent Małgorzata Admin"])
        let notStaff = CLIRun(
            ["order", "assign", "RS-9PWX-6T1C", "--agent", "customer@example.com", "--by", "agent@example.com"],
            environment: ["REPAIRSHOP_DATABASE": path])
        #expect(notStaff.err == ["error [invalid_field]: invalid input: agentID: must be an active agent or admin"])
        #expect(notStaff.code == 1)

        let add = CLIRun([
            "user", "add", "--database", path, "--email", "ewa@example.com", "--name", "Ewa Żak", "--role", "agent",
            "--password-hash", "$y$j9T$abc$def",
        ])
        #expect(add.out == ["created user 6 ewa@example.com (agent)"])
        let duplicate = CLIRun([
            "user", "add", "--database", path, "--email", "EWA@example.com", "--name", "E", "--role", "agent",
            "--password-hash", "$y$j9T$abc$def",
        ])
        #expect(duplicate.code == 1)
        #expect(duplicate.err == ["error [conflict]: email: EWA@example.com already has an account"])
        let noCustomer = CLIRun([
            "user", "add", "--database", path, "--email", "x@example.com", "--name", "X", "--role", "customer",
            "--customer", "77", "--password-hash", "$y$j9T$abc$def",
        ])
        #expect(noCustomer.err == ["error [invalid_field]: invalid input: customerID: no customer with ID 77"])
        // The account rules are the use case's, as for an admin's invitation: answered as problems, nothing written.
        let refusals: [([String], String)] = [
            (
                ["--email", "a@b.pl", "--name", "A", "--role", "customer"],
                "error [invalid_field]: invalid input: customerID: choose a customer"
            ),
            (
                ["--email", "nope", "--name", "A", "--role", "agent"],
                "error [invalid_field]: invalid input: email: must look like name@example.com"
            ),
            (
                ["--email", "a@b.pl", "--name", "A", "--role", "agent", "--customer", "1"],
                "error [invalid_field]: invalid input: role: staff accounts belong to no customer"
            ),
            (
                ["--email", "a@b.pl", "--name", "A", "--role", "customer", "--customer", "2"],
                "error [invalid_field]: invalid input: role: a reseller customer's accounts must have the reseller role"
            ),
            (
                ["--email", "a@b.pl", "--name", " ", "--role", "agent"],
                "error [invalid_field]: invalid input: displayName: enter the person's name"
            ),
        ]
        for (arguments, message) in refusals {
            let refused = CLIRun(
                ["user", "add", "--database", path, "--password-hash", "$y$j9T$abc$def"] + arguments)
            #expect(refused.code == 1)
            #expect(refused.err == [message])
        }
        let list = CLIRun(["user", "list", "--database", path])
        #expect(list.out.first == "4\tadmin@example.com\tadmin\tMałgorzata Admin")
        #expect(list.out.contains("6\tewa@example.com\tagent\tEwa Żak [unconfirmed]"))
        #expect(list.out.count == 6)
    }

    @Test func missingFixturesIsAFailure() {
        let run = CLIRun(["seed", "--database", CLIPaths.makeDatabase(), "--fixtures", "/nonexistent"])
        #expect(run.code == 1)
        #expect(run.err.count == 1)
        #expect(run.err.first?.hasPrefix("error: cannot read /nonexistent/demo.json") == true)
    }

    @Test func adminCommandsListAndMoveOrdersAndAddCustomers() {
        let path = CLIPaths.makeDatabase()
        #expect(CLIRun(["seed", "--database", path, "--fixtures", CLIPaths.fixtures]).code == 0)
        let env = ["REPAIRSHOP_DATABASE": path]
        #expect(
            CLIRun(["order", "list", "--status", "confirmed"], environment: env).out == [
                "RS-9PWX-6T1C\tconfirmed\tcustomer 2\tSamsung Galaxy A54\tWarszawa Centrum",
                "RS-2DFG-H7JK\tconfirmed\tcustomer 2\tXiaomi Redmi Note 12\tWarszawa Centrum",
                "RS-8NRS-5VYA\tconfirmed\tcustomer 2\tDell Latitude 5440\tKraków Serwis",
            ])
        #expect(
            CLIRun(["order", "list", "--customer", "3"], environment: env).out == [
                "RS-1MQA-4XTP\treceived\tcustomer 3\tHuawei P30\tKraków Serwis"
            ])
        #expect(CLIRun(["order", "list"], environment: env).out.count == 9)

        let move = CLIRun(
            [
                "order", "move", "RS-1MQA-4XTP", "--to", "in_repair", "--by", "agent@example.com", "--note", "Экран",
                "--public",
            ],
            environment: env)
        #expect(move.out == ["RS-1MQA-4XTP: received -> in_repair"])
        let illegal = CLIRun(
            ["order", "move", "RS-1MQA-4XTP", "--to", "closed", "--by", "agent@example.com"], environment: env)
        #expect(illegal.code == 1)
        #expect(
            illegal.err == [
                "error [illegal_transition]: an order cannot go from in_repair to closed; it may go to: waiting_for_customer, on_hold, resolved, cancelled"
            ])
        let customer = CLIRun(
            ["order", "move", "RS-1MQA-4XTP", "--to", "resolved", "--by", "olga@example.com"], environment: env)
        #expect(customer.err == ["error [forbidden]: forbidden: only staff may do this"])
        #expect(
            CLIRun(["order", "show", "RS-1MQA-4XTP"], environment: env).out.last?.hasSuffix(
                "received -> in_repair  public  Экран") == true)

        let add = CLIRun(
            ["customer", "add", "--name", "ООО Ремонт", "--kind", "company", "--reseller", "--address", "a\\nb"],
            environment: env)
        #expect(add.out == ["created customer 4 ООО Ремонт (reseller)"])
        // The admin page's customer rules, from the use case: nothing is written.
        let blank = CLIRun(["customer", "add", "--name", " ", "--kind", "person"], environment: env)
        #expect(blank.code == 1)
        #expect(blank.err == ["error [invalid_field]: invalid input: name: is required"])
        #expect(
            CLIRun(["customer", "list"], environment: env).out == [
                "1\tperson\tJan Łukasiewicz",
                "2\tcompany\tSerwis Partner sp. z o.o.\treseller",
                "4\tcompany\tООО Ремонт\treseller",
                "3\tperson\tОльга Кузнецова",
            ])
    }

    @Test(arguments: [
        (
            ["order", "list", "--status", "lost"],
            "error: --status must be one of: draft, submitted, confirmed, received, in_repair, waiting_for_customer, on_hold, resolved, shipped, ready_for_pickup, closed, cancelled (see 'repairshop order list --help')"
        ),
        (
            ["order", "list", "--customer", "-1"],
            "error: --customer must be a customer ID (see 'repairshop order list --help')"
        ),
        (
            ["order", "move", "RS-1MQA-4XTP", "--by", "a@b.pl"],
            "error: missing option '--to' for 'order move' (see 'repairshop order move --help')"
        ),
        (
            ["order", "move", "RS-1MQA-4XTP", "--to", "done", "--by", "a@b.pl"],
            "error: --to must be one of: draft, submitted, confirmed, received, in_repair, waiting_for_customer, on_hold, resolved, shipped, ready_for_pickup, closed, cancelled (see 'repairshop order move --help')"
        ),
        (
            ["order", "move", "RS-1MQA-4XTP", "--to", "closed", "--by", "a@b.pl", "--public=yes"],
            "error: option '--public' takes no value (see 'repairshop order move --help')"
        ),
        (
            ["customer", "add", "--name", "X", "--kind", "robot"],
            "error: --kind must be person or company (see 'repairshop customer add --help')"
        ),
    ])
    func badAdminArgumentsGiveOneLineAndExitTwo(arguments: [String], message: String) {
        let run = CLIRun(arguments)
        #expect(run.code == 2)
        #expect(run.err == [message])
    }

    @Test func migrateAppliesTheMigrationsItIsGiven() {
        let path = CLIPaths.makeDatabase()
        // A table the store does not have (it now owns `sessions`, which this test used to add).
        let extra = Migration(name: "900-plugin", sql: "CREATE TABLE plugin_notes (id TEXT PRIMARY KEY)")
        var out: [String] = []
        let output = CLIOutput(standardOutput: { out.append($0) }, standardError: { out.append($0) })
        let code = RepairCLI.run(
            ["migrate", "--database", path], environment: [:], output: output,
            migrations: Migration.builtIn + [extra])
        #expect(code == 0)
        #expect(out == (Migration.builtIn + [extra]).map { "applied \($0.name)" })
    }
}
