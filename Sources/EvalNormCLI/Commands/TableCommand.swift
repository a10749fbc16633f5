import EvalNorm

/// `evalnorm table [--format csv|ndjson] [--from V] [--no-validate] FILE…`: one row per score.
enum TableCommand: Subcommand {
    static let name = "table"
    static let abstract = "Write one row per score, as CSV or NDJSON, for analytics tools"
    static let usage = "evalnorm table [--format csv|ndjson] [--from VENDOR] [--no-validate] FILE..."
    static let discussion = """
        ARGUMENTS:
          FILE             A vendor document or canonical run (JSON), or '-' for standard input.

        OPTIONS:
          --format FORMAT  csv (the default) or ndjson.
          --from VENDOR    Read every file as this vendor's (scorecard, dataframer, aegis, lunary)
                           instead of detecting it.
          --no-validate    Read documents that break their vendor schema too, instead of reporting
                           and skipping them.
          -h, --help       Show help information.

        Files are grouped into runs as 'normalize' groups them (a Scorecard run and its records pages
        are one run). Each score of each run is one row, in record order, with these columns:

          run_id           the run's id
          vendor           scorecard, dataframer, aegis or lunary
          run_name         the run's name
          record_id        the record's id
          record_index     the record's position in the run, counting from 0
          testcase_id      the record's test case id
          metric_id        the metric's id
          metric_name      the metric's name
          score_type       boolean, integer, number, categorical or json; empty when there is no value
          value            the score: true/false, a number as written, a category, or JSON text
          passed           true or false
          threshold        the pass mark, as written
          reasoning        the scorer's explanation
          model            the scorer's model
          cost             what scoring cost (the amount, as written)
          created_at       the score's start time, else the record's, else the run's creation or
                           start time, as written

        CSV (RFC 4180, UTF-8): a header row, then one line per score, each ended by LF; a field with a
        comma, a double quote or a line break is quoted, its quotes doubled; an absent value is an empty
        field, an empty text is "". Numbers keep their exact digits. NDJSON: one object per score, the
        same keys in the same order, absent values as null. A run without scores has no rows; the CSV
        header is written once any run has been read.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: ["--no-validate"], valueOptions: ["--format", "--from"]).scan(arguments)
        let format = try RunInputs.format(parsed, choices: ["csv", "ndjson"], fallback: "csv")
        let vendor = try VendorOption.from(parsed)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        var headerWritten = false
        return RunInputs.forEach(paths: parsed.positionals, vendor: vendor, validates: !parsed.has("--no-validate"),
                                 context: context) { run in
            let table = ScoreTable(run: run)
            if format == "ndjson" {
                context.standardOutput.write(table.ndjson())
            } else {
                context.standardOutput.write(table.csv(includingHeader: !headerWritten))
                headerWritten = true
            }
        }
    }
}
