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
                      migrate     Apply pending database migrations
                      seed        Load the demo fixtures into an empty database
                      user add    Create a user account
                      user list   List user accounts
                      order show  Show an order and its history

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
            ["user", "add", "--email", "a@b.pl", "--name", "A", "--role", "customer", "--password-hash", "$y$x"],
            "error: --customer is required for role customer (see 'repairshop user add --help')"
        ),
        (
            ["user", "add", "--email", "a@b.pl", "--name", "A", "--role", "agent"],
            "error: missing option '--password-hash' for 'user add' (see 'repairshop user add --help')"
        ),
        (
            ["user", "add", "--email", "nope", "--name", "A", "--role", "agent", "--password-hash", "$y$x"],
            "error: --email must be an e-mail address (see 'repairshop user add --help')"
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
        #expect(CLIRun(["migrate", "--database", path]).out == ["applied 001-initial"])
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
        #expect(duplicate.err == ["error: email: EWA@example.com already has an account"])
        let noCustomer = CLIRun([
            "user", "add", "--database", path, "--email", "x@example.com", "--name", "X", "--role", "customer",
            "--customer", "77", "--password-hash", "$y$j9T$abc$def",
        ])
        #expect(noCustomer.err == ["error: customer 77 not found"])
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
}
