/**
 * The command line: parses flags, hands them to the runners, returns the exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { runSummarize, summarizeCommand, type SummarizeCliOptions } from './run-summarize.js';
import { formatScore, runEval } from '../eval/run-eval.js';
import { EXIT, UsageError } from './exit-codes.js';
import { attributionOptions, formatRules, rulesOption, vocabularyOf } from './rules.js';
import { runExtract, type ExtractCliOptions } from './run-extract.js';
import { runReport, type ReportCliOptions } from './run-report.js';

function inputOptions(cmd: Command): Command {
  cmd
    .argument('[inputs...]', 'files, directories, globs, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output: json, jsonl, csv or table (default: table on a terminal, else jsonl)'))
    .option('--input-format <format>', 'auto, text, html, or jsonl (lines of {"id","text"|"html"})', 'auto')
    .option('--ext <list>', 'file extensions to take from directories', 'txt,html,htm')
    .option('--encoding <name>', 'force the byte encoding (utf-8, gbk, gb18030, big5, utf-16le)')
    .option('-o, --out <file>', 'write output to this file, atomically')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)')
    .option('-q, --quiet', 'no progress bar; the summary line only when an input failed')
    .option('--include-text', 'include the analysed text in each record')
    .option('--no-color', 'no colour in the table')
    .option('--max-bytes <n>', 'skip (with an error record) files larger than this', String(50 * 1024 * 1024))
    .option('--summary <file>', 'write a JSON corpus summary to this file')
    .option('--segment', 'trim labels with word segmentation (nodejieba: ~1.3 s to load)')
    .option('--fields <list>', 'what each metric carries: kind,value,unit,zone,indicator,when,… (README, "Output schema")');
  return attributionOptions(cmd);
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name('zonefacts')
    .description('Typed, checked metrics from Chinese news reports about development zones.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  inputOptions(program.command('extract').description('extract metrics from articles'))
    .option('--fail-on <severity>', 'exit 3 when a consistency check finds info, warning or error')
    .action(async (inputs: string[], o: ExtractCliOptions) => {
      code = await runExtract(inputs, o, 'extract');
    });

  inputOptions(program.command('check').description('extract metrics and check the arithmetic of each article'))
    .option('--fail-on <severity>', 'exit 3 at this severity or above: info, warning or error', 'error')
    .action(async (inputs: string[], o: ExtractCliOptions) => {
      code = await runExtract(inputs, o, 'check');
    });

  rulesOption(program.command('rules').description('print the active vocabulary: indicators, their written forms, zone words'))
    .option('-f, --format <format>', 'text or json (the --rules file format)', 'text')
    .action((o: { rules?: string[]; format: string }) => {
      process.stdout.write(formatRules(vocabularyOf(o.rules), o.format));
    });

  attributionOptions(summarizeCommand(program)).action(async (inputs: string[], o: SummarizeCliOptions, cmd: Command) => {
    code = await runSummarize(inputs, o, cmd.getOptionValueSource('by') === 'cli');
  });

  program
    .command('eval')
    .description('score extraction against a gold file of annotated articles (README, "Accuracy")')
    .requiredOption('--gold <file>', 'the gold file')
    .requiredOption('--texts <dir>', 'the directory holding the articles the gold file names')
    .option('-f, --format <format>', 'table or json', 'table')
    .option('-v, --verbose', 'list missed and spurious quantities')
    .action((o: { gold: string; texts: string; format: string; verbose?: boolean }) => {
      const { score, missing } = runEval({ goldPath: o.gold, textsDir: o.texts });
      for (const m of missing) process.stderr.write(`zonefacts: ${m}: not found under ${o.texts}\n`);
      process.stdout.write(o.format === 'json' ? `${JSON.stringify(score, null, 2)}\n` : formatScore(score, o.verbose === true));
      code = missing.length > 0 ? EXIT.inputFailed : EXIT.ok;
    });

  attributionOptions(program.command('report'))
    .description('an HTML page of the articles: figures marked, checks beside their sentences, a corpus index')
    .argument('[inputs...]', 'files, directories or globs')
    .option('-o, --out <file>', 'write the page to this file, or one page per article and index.html to DIR/')
    .option('--ext <list>', 'file extensions to take from directories', 'txt,html,htm')
    .option('--title <text>', 'the page title')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)')
    .action(async (inputs: string[], o: ReportCliOptions) => {
      code = await runReport(inputs, o);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`zonefacts: ${err.message}\n`);
      return EXIT.usage;
    }
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`zonefacts: ${e.message}\n`);
    return e.code === 'ENOENT' || err instanceof SyntaxError ? EXIT.inputFailed : EXIT.usage;
  }
  return code;
}
