import EvalNorm

/// `evalnorm roundtrip [--from V] FILE…`: checks that files survive vendor → canonical → vendor.
enum RoundtripCommand: Subcommand {
    static let name = "roundtrip"
    static let abstract = "Check that files survive the trip to canonical JSON and back unchanged"
    static let usage = "evalnorm roundtrip [--from VENDOR] FILE..."
    static let discussion = """
        ARGUMENTS:
          FILE             A vendor document or canonical run (JSON), or '-' for standard input.

        OPTIONS:
          --from VENDOR    Read every file as this vendor's instead of detecting it.
          -h, --help       Show help information.

        Decodes each run (a Scorecard run and its records pages together), writes it as canonical JSON,
        reads that back and encodes the vendor documents again. Prints 'ok FILE' for each file that
        comes back equal value for value (keys, key order, null, number digits, strings), or
        'FILE: differs at POINTER, …'; exit 1 if any file differs. A run that could only be kept by
        copying its documents verbatim (a shape the field mapping does not cover) prints
        'ok FILE (kept verbatim)'.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: [], valueOptions: ["--from"]).scan(arguments)
        let vendor = try VendorOption.from(parsed)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        var documents = DocumentInputs(paths: parsed.positionals, vendor: vendor, context: context)
        var checked = 0
        var differing = false
        for group in documents.runs {
            do {
                let report = try RunConverter.roundTrip(group.map(\.document))
                for (input, pointers) in zip(group, report.differences) {
                    if pointers.isEmpty {
                        context.standardOutput.write("ok \(input.name)\(report.keptVerbatim ? " (kept verbatim)" : "")\n")
                    } else {
                        differing = true
                        context.standardOutput.write("\(input.name): differs at \(pointers.map(\.description).joined(separator: ", "))\n")
                    }
                }
                checked += 1
            } catch {
                documents.report(error, in: DocumentInputs.names(group), context: context)
            }
        }
        ExitWithoutFreeing.keep(documents, context: context)
        let code = documents.exitCode(succeeded: checked)
        return code == .success && differing ? .dataProblem : code
    }
}
