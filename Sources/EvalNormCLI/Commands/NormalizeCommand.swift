import EvalNorm

/// `evalnorm normalize [--from V] [--pretty] FILE…`: vendor documents to canonical runs.
enum NormalizeCommand: Subcommand {
    static let name = "normalize"
    static let abstract = "Convert vendor documents to canonical runs"
    static let usage = "evalnorm normalize [--from VENDOR] [--pretty] FILE..."
    static let discussion = """
        ARGUMENTS:
          FILE             A vendor document or canonical run (JSON), or '-' for standard input.

        OPTIONS:
          --from VENDOR    Read every file as this vendor's (scorecard, dataframer, aegis, lunary)
                           instead of detecting it.
          --pretty         Indent the output (one run only).
          -h, --help       Show help information.

        The files of one run merge into one canonical run: a Scorecard run and the records pages of its
        records, in the order given. One run is written as one JSON object; several runs as NDJSON, one
        per line, in the order each first appears. A file that cannot be read is reported and skipped;
        the exit code is then 1 if other runs were written, else 65 (or 66 when a file cannot be opened).
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: ["--pretty"], valueOptions: ["--from"]).scan(arguments)
        let vendor = try VendorOption.from(parsed)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        var documents = DocumentInputs(paths: parsed.positionals, vendor: vendor, context: context)
        let groups = documents.runs
        let style: JSONWriter.Style = parsed.has("--pretty") && groups.count == 1 ? .pretty : .compact
        var written = 0
        for group in groups {
            do {
                let run = try RunReader().decode(group.map(\.document))
                var bytes = CanonicalCodec().encode(run, style: style)
                bytes.append(UInt8(ascii: "\n"))
                context.standardOutput.write(bytes)
                written += 1
            } catch {
                documents.report(error, in: DocumentInputs.names(group), context: context)
            }
        }
        return documents.exitCode(succeeded: written)
    }
}
