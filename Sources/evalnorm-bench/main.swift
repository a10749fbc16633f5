import EvalNorm
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/*
 evalnorm-bench: EvalNorm against Foundation on the same generated data, in the same run.

   swift run -c release evalnorm-bench [--size MB] [--iterations N] [--seed S] [--only TASK,...] [--json]
   swift run -c release evalnorm-bench --profile TASK [--size MB] [--iterations N]

 Each task (BenchTasks.swift) has two sides, EvalNorm's and Foundation's nearest equivalent, and
 each side is timed in a child process of its own (this executable with `--measure SIDE TASK`): it
 keeps to one core unless the row is timed on two, generates its input, starts a new peak of
 resident memory, and prints the median of N timed runs after one warm-up, with that peak and the
 memory resident when timing started (its inputs). So no side runs in a heap another left behind,
 and each has memory figures of its own.

 The tasks, on MB megabytes of generated data each:
 - a string-heavy dump (one run with records): parse, write, and reformat as `evalnorm fmt` does;
   "split" rows on two cores, as the CLI reads and reformats documents of 2 MiB or more;
 - Aegis runs (50 evaluations each), Lunary runs and Scorecard runs (a run and its records pages),
   string-heavy, and DataFramer runs, key-heavy: parse + validate against the vendor schema (as
   `evalnorm validate`), decode from bytes (parse + decode to EvalRun), and encode the runs back to
   vendor JSON text; for Aegis also parse, and validate parsed documents, apart, and canonical encode;
 - NDJSON: `evalnorm normalize --ndjson` on a file of Lunary runs with 1 and 2 jobs, in-process.
 Foundation's baselines: JSONSerialization parsing and writing the same documents (it has no
 schema validator and knows no vendor: the ratio of parse + validate says how it compares with
 merely reading the data, and validating parsed documents has no ratio), JSONDecoder reading
 EvalRun from the canonical JSON of the same runs (its MB/s is of those bytes), JSONEncoder writing
 them, and for NDJSON JSONSerialization parsing and writing line by line.

 Throughput is input MB/s, output MB/s for writing (1 MB = 10^6 bytes). Ratios are of the time per
 run on the same data; above 1, EvalNorm is faster. The two sides of a row are timed one after the
 other; on a machine whose speed moves, run it twice. `--profile TASK` runs only EvalNorm's side of
 one task, N times, in this process, and prints nothing: for `perf record` or `valgrind
 --tool=callgrind` (making the inputs, which parses, validates and decodes them once, is profiled too).
*/

struct Options {
    var sizeMB = 50
    var iterations = 5
    var seed: UInt64 = 20_261_123
    var json = false
    var only: Set<String>?
    var profile: String?
    /// In a child process: the side and task to time.
    var measure: (side: Side, task: String)?
}

func parseOptions(_ arguments: [String]) -> Options? {
    var options = Options()
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        index += 1
        func value() -> String? {
            defer { index += 1 }
            return index < arguments.count ? arguments[index] : nil
        }
        switch argument {
        case "--size": guard let size = value().flatMap(Int.init), size > 0 else { return nil }; options.sizeMB = size
        case "--iterations": guard let count = value().flatMap(Int.init), count > 0 else { return nil }; options.iterations = count
        case "--seed": guard let seed = value().flatMap(UInt64.init) else { return nil }; options.seed = seed
        case "--json": options.json = true
        case "--only":
            guard let tasks = value()?.split(separator: ",").map(String.init), !tasks.isEmpty else { return nil }
            options.only = Set(tasks)
        case "--profile": guard let task = value() else { return nil }; options.profile = task
        case "--measure": guard let side = value().flatMap(Side.init(rawValue:)), let task = value() else { return nil }; options.measure = (side, task)
        default: return nil
        }
    }
    return options
}

let usage = "USAGE: evalnorm-bench [--size MB] [--iterations N] [--seed S] [--only TASK,...] [--json]\n       evalnorm-bench --profile TASK [--size MB] [--iterations N]\n       evalnorm-bench --write-lunary-ndjson MB\n       evalnorm-bench --write-aegis-run MB\n       evalnorm-bench --check-generators [SEED]\n"

// `--check-generators [SEED]` checks the payload generators against the library (GeneratorCheck.swift),
// prints the problems found, and exits 1 if there are any. It times nothing, so a debug build may run it.
if (2...3).contains(CommandLine.arguments.count), CommandLine.arguments[1] == "--check-generators" {
    guard let seed = CommandLine.arguments.count == 3 ? UInt64(CommandLine.arguments[2]) : 20_261_123 else {
        FileHandle.standardError.write(Data(("evalnorm-bench: invalid arguments\n" + usage).utf8))
        exit(64)
    }
    let problems = checkGenerators(seed: seed)
    for problem in problems { print(problem) }
    exit(problems.isEmpty ? 0 : 1)
}

// `--write-lunary-ndjson MB` writes generated Lunary runs as NDJSON to stdout and exits, as input for
// Scripts/bench-ndjson.sh (which times `evalnorm normalize --ndjson` with 1 and 2 jobs).
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--write-lunary-ndjson",
   let megabytes = Int(CommandLine.arguments[2]), megabytes > 0 {
    var lunary = DumpGenerator(seed: 20_261_123)
    lunary.makeLunaryNDJSON(targetBytes: megabytes * 1_000_000) { FileHandle.standardOutput.write(Data($0)) }
    exit(0)
}

// `--write-aegis-run MB` writes one generated Aegis run document (GET /runs/{id}) of at least MB
// megabytes to stdout and exits: the input for timing whole `evalnorm normalize`/`validate` processes.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--write-aegis-run",
   let megabytes = Int(CommandLine.arguments[2]), megabytes > 0 {
    var aegis = DumpGenerator(seed: 20_261_123)
    FileHandle.standardOutput.write(Data(aegis.makeAegisRun(targetBytes: megabytes * 1_000_000)))
    exit(0)
}

#if DEBUG
FileHandle.standardError.write(Data("evalnorm-bench: timings of a debug build mean nothing; run 'swift run -c release evalnorm-bench'\n".utf8))
exit(64)
#else
guard let options = parseOptions(Array(CommandLine.arguments.dropFirst())) else {
    FileHandle.standardError.write(Data(("evalnorm-bench: invalid arguments\n" + usage).utf8))
    exit(64)
}

let tasks = benchTasks
let taskIDs = Set(tasks.map(\.id))
for id in [options.profile, options.measure?.task].compactMap({ $0 }) + (options.only.map(Array.init) ?? []) where !taskIDs.contains(id) {
    FileHandle.standardError.write(Data("evalnorm-bench: no task '\(id)'; the tasks: \(tasks.map(\.id).joined(separator: ", "))\n".utf8))
    exit(64)
}

if let (side, id) = options.measure, let task = tasks.first(where: { $0.id == id }) {
    exit(measureHere(side, of: task, options: options) ? 0 : 70)
}

if let id = options.profile, let task = tasks.first(where: { $0.id == id }) {
    let inputs = BenchInputs(options: options)
    guard let workload = task.evalNorm(inputs) else {
        inputs.removeTemporaryFiles()
        exit(70)
    }
    for _ in 0..<options.iterations { workload.run() }
    inputs.removeTemporaryFiles()
    exit(0)
}

// The children time the generated payloads without checking them: check a sample of each generator here, once.
let problems = checkGenerators(seed: options.seed)
guard problems.isEmpty else {
    FileHandle.standardError.write(Data("evalnorm-bench: the generated payloads have problems:\n\(problems.joined(separator: "\n"))\n".utf8))
    exit(70)
}

var comparisons: [Comparison] = []
var foundationResults: [String: SideResult] = [:]  // by foundationKey: tasks that share a baseline time it once
var failed = false
for task in tasks where options.only?.contains(task.id) ?? true {
    if !options.json { FileHandle.standardError.write(Data("timing \(task.id)...\n".utf8)) }
    guard let evalNorm = measureInChild(.evalNorm, of: task, options: options),
          let foundation = foundationResults[task.foundationKey] ?? measureInChild(.foundation, of: task, options: options)
    else {
        failed = true
        continue
    }
    foundationResults[task.foundationKey] = foundation
    comparisons.append(Comparison(task: task, evalNorm: evalNorm, foundation: foundation))
}
report(comparisons, options: options)
exit(failed ? 70 : 0)
#endif
