import EvalNorm

/// `evalnorm schema NAME` / `evalnorm schema --list`: the bundled JSON Schemas.
enum SchemaCommand: Subcommand {
    static let name = "schema"
    static let abstract = "Print a bundled JSON Schema, or list them"
    static let usage = "evalnorm schema (NAME | --list)"
    static let discussion = """
        ARGUMENTS:
          NAME             A bundled schema: eval-run (the canonical format), or a vendor document kind
                           such as aegis-run or scorecard-records-page.

        OPTIONS:
          --list           Print the names of the bundled schemas, one per line.
          -h, --help       Show help information.

        The schemas are JSON Schema draft 2020-12, exactly as in the repository's Schemas/ folder.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: ["--list"], valueOptions: []).scan(arguments)
        if parsed.has("--list") {
            guard parsed.positionals.isEmpty else { throw .usage("'--list' takes no schema name") }
            for name in BundledSchemas.names { context.standardOutput.write(name + "\n") }
            return .success
        }
        guard let name = parsed.positionals.first else { throw .usage("Missing expected argument 'NAME' (or '--list')") }
        guard parsed.positionals.count == 1 else { throw .usage("Expected one schema name, got \(parsed.positionals.count)") }
        guard let text = BundledSchemas.text(named: name) else {
            let suggestion = ArgumentScanner.nearest(to: name, among: BundledSchemas.names).map { ". Did you mean '\($0)'?" } ?? ""
            throw .usage("Unknown schema '\(name)'\(suggestion); see 'evalnorm schema --list'")
        }
        context.standardOutput.write(text.hasSuffix("\n") ? text : text + "\n")
        return .success
    }
}
