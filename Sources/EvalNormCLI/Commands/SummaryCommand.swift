import EvalNorm

/// `evalnorm summary [--format text|csv|ndjson] [--from V] [--no-validate] FILE…`: per run and metric.
enum SummaryCommand: Subcommand {
    static let name = "summary"
    static let abstract = "Summarize each run's scores per metric: count, mean, min, max, pass rate"
    static let usage = "evalnorm summary [--format text|csv|ndjson] [--from VENDOR] [--no-validate] FILE..."
    static let discussion = """
        ARGUMENTS:
          FILE             A vendor document or canonical run (JSON), or '-' for standard input.

        OPTIONS:
          --format FORMAT  text (the default: an aligned table), csv or ndjson.
          --from VENDOR    Read every file as this vendor's (scorecard, dataframer, aegis, lunary)
                           instead of detecting it.
          --no-validate    Read documents that break their vendor schema too, instead of reporting
                           and skipping them.
          -h, --help       Show help information.

        Files are grouped into runs as 'normalize' groups them. For each run and each metric (named by
        its name, else its id), in the order the metric's first score appears, one line:

          run_id           the run's id
          vendor           scorecard, dataframer, aegis or lunary
          metric           the metric's name or id
          scores           how many scores the metric has
          mean             the mean of the numeric (integer and number) values
          min, max         the smallest and largest numeric value, as written
          pass_rate        the scores that passed, divided by those that say whether they passed
          scorer_failures  the scores whose scorer failed or produced no value

        Booleans, categories and JSON values do not count toward mean, min and max; a value that does not
        exist is '-' in text and empty (CSV) or null (NDJSON) otherwise. Text shows mean and pass_rate with
        three decimals; CSV and NDJSON write them in full (the mean is computed from an exact sum, then
        rounded to a double). A run without scores has no lines.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: ["--no-validate"], valueOptions: ["--format", "--from"]).scan(arguments)
        let format = try RunInputs.format(parsed, choices: ["text", "csv", "ndjson"], fallback: "text")
        let vendor = try VendorOption.from(parsed)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        var summaries: [RunSummary] = []
        let code = RunInputs.forEach(paths: parsed.positionals, vendor: vendor, validates: !parsed.has("--no-validate"),
                                     context: context) { run in
            summaries.append(RunSummary(run: run))
        }
        guard !summaries.isEmpty else { return code }
        switch format {
        case "csv": context.standardOutput.write(RunSummary.csv(summaries))
        case "ndjson": context.standardOutput.write(RunSummary.ndjson(summaries))
        default: context.standardOutput.write(RunSummary.text(summaries))
        }
        return code
    }
}
